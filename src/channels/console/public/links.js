// Web addresses in message text become links: http and https only, the text itself stays text.
import { h } from './dom.js';

const ADDRESS = /\bhttps?:\/\/[^\s<>"'`]+/gi;

/** `text` as strings and <a> elements, for h() to append (strings become text nodes). */
export function linkify(text) {
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const shown = trimEnd(match[0]);
    const href = webHref(shown);
    if (!href) continue;
    parts.push(text.slice(last, match.index));
    parts.push(
      h('a', { href, class: 'out-link', target: '_blank', rel: 'noopener noreferrer' }, shown),
    );
    last = match.index + shown.length;
  }
  parts.push(text.slice(last));
  return parts.filter((part) => part !== '');
}

/** Leaves sentence punctuation and an unmatched closing bracket outside the link. */
function trimEnd(address) {
  let end = address.length;
  while (end > 0) {
    const last = address[end - 1];
    const kept = address.slice(0, end);
    if ('.,;:!?*_'.includes(last)) end--;
    else if (last === ')' && count(kept, '(') < count(kept, ')')) end--;
    else break;
  }
  return address.slice(0, end);
}

const count = (text, char) => text.split(char).length - 1;

/** The normalised address if it parses as http(s), else null. */
export function webHref(address) {
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
