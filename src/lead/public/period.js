// Dates as YYYY-MM-DD strings in the desk's time zone; the API takes [from, to).

/** Today's date in `timeZone`. */
export function todayIn(timeZone) {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** A YYYY-MM-DD date moved by `days`. */
export function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const FILTERS = ['channel', 'category', 'language', 'level'];

/** The controls' state as the API's query: the "to" date is inclusive on the page, exclusive in the API. */
export function reportQuery(form) {
  const params = new URLSearchParams();
  params.set('from', form.from.value);
  params.set('to', addDays(form.to.value, 1));
  for (const name of FILTERS) if (form[name].value) params.set(name, form[name].value);
  return params;
}

/** Fills the controls from the page's address (so a view can be bookmarked), else from the preset. */
export function restoreControls(form, search, today) {
  const params = new URLSearchParams(search);
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value && [...form[name].options].some((o) => o.value === value)) form[name].value = value;
  }
  const from = params.get('from');
  const to = params.get('to');
  if (from && to && /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to)) {
    form.preset.value = 'custom';
    form.from.value = from;
    form.to.value = addDays(to, -1);
  } else applyPreset(form, today);
}

export function applyPreset(form, today) {
  const days = Number(form.preset.value);
  if (!days) return;
  form.to.value = today;
  form.from.value = addDays(today, -(days - 1));
}
