// "updated 14:05:09 UTC+7": the time of the report at the desk, labelled with its zone the way the
// console labels its times (src/channels/console/public/clock.js), so the two pages agree.

/** "GMT+7" reads as "UTC+7"; named zones (UTC, GMT, CET) stay as they are. */
function zoneLabel(date, timeZone) {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' }).formatToParts(
    date,
  );
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  return name.replace(/^GMT(?=[+-])/, 'UTC');
}

/** The time of `iso` in `timeZone` (an IANA name), 24-hour with seconds, and its zone. */
export function clockTime(iso, timeZone) {
  const date = new Date(iso);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return `${time} ${zoneLabel(date, timeZone)}`;
}
