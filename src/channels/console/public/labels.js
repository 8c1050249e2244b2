// Every word the page shows comes from the server (GET /api/labels: the console's own table and the
// core catalog's words it needs, in both languages). Each pane speaks its viewer's language: a DM the
// language the bot answers its employee in, the level channels AGENT_LOCALE.
import { api } from './api.js';

let table = { en: {}, id: {} };
const locales = { agent: 'en', fallback: 'en' };

/** Reads the words and the desk's languages (`desk` is /api/desk's answer). */
export async function loadLabels(desk) {
  table = await api('/api/labels');
  if (desk.agentLocale in table) locales.agent = desk.agentLocale;
  if (desk.defaultLocale in table) locales.fallback = desk.defaultLocale;
}

/** The text of `key` in `locale` with its `{name}` placeholders filled. */
export function tr(locale, key, params = {}) {
  const text = table[locale]?.[key] ?? table[locales.fallback]?.[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) =>
    name in params ? String(params[name]) : match,
  );
}

/** One name for each role (the core's catalog): a console role (employee, l1...) in `locale`. */
export function roleName(role, locale) {
  return role === 'employee'
    ? tr(locale, 'role_employee')
    : tr(locale, 'role_agent', { level: role.slice(1) });
}

export function agentLocale() {
  return locales.agent;
}

/** A DM's language: that of the bot's newest message in it that names one, else DEFAULT_LOCALE. */
export function dmLocale(messages) {
  for (let i = messages.length - 1; i >= 0; i--) {
    const locale = messages[i].message?.locale;
    if (!messages[i].from && locale in table) return locale;
  }
  return locales.fallback;
}

/** Every label in the table, in both languages, for `key` (reading what a card's fields are called). */
export function everyLabel(key) {
  return Object.values(table)
    .map((words) => words[key])
    .filter(Boolean);
}

/**
 * Fills the page's own markup under `root` in `locale`: `data-label` sets the text (with the JSON
 * `data-label-params`), and `data-label-placeholder`, `data-label-aria-label`, `data-label-title`
 * set those attributes.
 */
export function applyLabels(root, locale) {
  for (const el of root.querySelectorAll('[data-label]')) {
    const params = el.dataset.labelParams ? JSON.parse(el.dataset.labelParams) : {};
    const text = tr(locale, el.dataset.label, params);
    // Unchanged text is left alone: the page repaints on every poll.
    if (el.textContent !== text) el.textContent = text;
  }
  for (const attribute of ['placeholder', 'aria-label', 'title']) {
    const data = `data-label-${attribute}`;
    for (const el of root.querySelectorAll(`[${data}]`)) {
      const text = tr(locale, el.getAttribute(data));
      if (el.getAttribute(attribute) !== text) el.setAttribute(attribute, text);
    }
  }
}
