// Message times, always labelled with their zone: the desk's TIME_ZONE when the server names it,
// else the browser's own. The element's title carries the full date and time. Days and months are
// named in the pane's language.
import { tr } from './labels.js';

let zone; // undefined: the browser's zone

/** Uses `timeZone` (an IANA name such as Asia/Jakarta) if this browser knows it. */
export function useTimeZone(timeZone) {
  zone = undefined;
  if (typeof timeZone !== 'string' || !timeZone) return;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    zone = timeZone;
  } catch {
    // an unknown zone: keep the browser's, which clockTitle names
  }
}

const tag = (locale) => (locale === 'id' ? 'id-ID' : 'en-GB');
const format = (options, date, locale) =>
  new Intl.DateTimeFormat(tag(locale), { ...options, timeZone: zone }).format(date);

/** "GMT+7" reads as "UTC+7"; named zones (UTC, GMT, CET) stay as they are. */
function zoneLabel(date) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    timeZoneName: 'short',
  }).formatToParts(date);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  return name.replace(/^GMT(?=[+-])/, 'UTC');
}

/** "14:05 UTC+7", with the day in front ("3 Dec 14:05 UTC+7") when it is not today in that zone. */
export function clockTime(iso, locale) {
  const date = new Date(iso);
  // Hours and minutes with a colon in both languages (id-ID would write 14.05).
  const time = format({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, date, 'en');
  const day = (d) => format({ year: 'numeric', month: 'short', day: 'numeric' }, d, 'en');
  const prefix =
    day(date) === day(new Date())
      ? ''
      : `${format({ day: 'numeric', month: 'short' }, date, locale)} `;
  return `${prefix}${time} ${zoneLabel(date)}`;
}

/** "Friday 4 December 2026 at 14:05:09 GMT+7 (Asia/Jakarta)": for the title of a time element. */
export function clockTitle(iso, locale) {
  const date = new Date(iso);
  const full = format({ dateStyle: 'full', timeStyle: 'long' }, date, locale);
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const name = zone ?? tr(locale, 'time_browser_zone', { zone: browserZone });
  return `${full} (${name})`;
}
