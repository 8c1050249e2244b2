// The page's own words, from the core's catalog (its console_* entries, served by /api/desk), in
// the reader's language: the level channels speak the agents' (AGENT_LOCALE), the DM column the
// employee's (the server says which, with each read of the DM).

const catalog = { en: {}, id: {} };
const locales = { agent: 'en', dm: 'en' };
const isLocale = (value) => value === 'en' || value === 'id';

export function setWords(words, agentLocale) {
  for (const locale of ['en', 'id']) Object.assign(catalog[locale], words?.[locale]);
  if (isLocale(agentLocale)) locales.agent = agentLocale;
}

/** The DM column's language, from the server's read of it; true when it changed. */
export function setDmLocale(locale) {
  if (!isLocale(locale) || locale === locales.dm) return false;
  locales.dm = locale;
  return true;
}

/** The language of the column an element is in (of the agents' outside any column). */
export function localeOf(element) {
  return element?.closest('[data-pane]')?.dataset.pane === 'dm' ? locales.dm : locales.agent;
}

/** The language of the person you act as: the employee's in their DM, else the agents'. */
export function localeOfRole(role) {
  return role === 'employee' ? locales.dm : locales.agent;
}

/** The text of catalog entry `key` in `locale`, its {placeholders} filled from `params`. */
export function word(locale, key, params = {}) {
  const text = catalog[locale]?.[key] ?? catalog.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) =>
    name in params ? String(params[name]) : whole,
  );
}
