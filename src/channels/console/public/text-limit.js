// The length limit of what people type, said out loud: a live counter near the limit, an inline
// message past it, and no sending. No maxlength: it would cut a long paste without a word.
import { h } from './dom.js';
import { tr } from './labels.js';

let limit = 4000;
const WARN_FROM = 0.8;

/** The server's limit (from /api/desk). */
export function setTextLimit(max) {
  if (Number.isInteger(max) && max > 0) limit = max;
}

const number = (n, locale) => n.toLocaleString(locale === 'id' ? 'id-ID' : 'en');

/**
 * Watches `input`; put the returned `row` under it. `allows()` before sending (false: it said why),
 * `refused(error)` when the server turned the text down, `reset()` after a send. `localeOf()` is
 * the language of the box's pane.
 */
export function limitText(input, localeOf) {
  const note = h('p', { class: 'limit-note', role: 'alert' });
  const counter = h('span', { class: 'char-count', 'aria-live': 'polite' });
  const row = h('div', { class: 'limit-row', hidden: true }, note, counter);
  let refusal = '';

  const refresh = () => {
    const length = input.value.trim().length;
    const over = length - limit;
    const near = length >= limit * WARN_FROM;
    const locale = localeOf();
    counter.textContent = near ? `${number(length, locale)} / ${number(limit, locale)}` : '';
    counter.classList.toggle('over', over > 0);
    note.textContent =
      over > 0
        ? tr(locale, 'text_too_long', {
            over: number(over, locale),
            limit: number(limit, locale),
          })
        : refusal;
    input.classList.toggle('too-long', over > 0);
    input.setAttribute('aria-invalid', String(over > 0 || refusal !== ''));
    row.hidden = !near && !note.textContent;
  };
  input.addEventListener('input', () => {
    refusal = '';
    refresh();
  });
  return {
    row,
    allows() {
      refresh();
      if (input.value.trim().length <= limit) return true;
      input.focus();
      return false;
    },
    refused(error) {
      const locale = localeOf();
      refusal = tr(locale, 'text_not_sent', { reason: refusalText(error, locale) });
      refresh();
    },
    reset() {
      refusal = '';
      refresh();
    },
  };
}

/** The server's refusal codes (console-refusals.ts); anything else, no answer at all included, failed. */
const REFUSALS = new Set([
  'too_long',
  'busy',
  'bad_request',
  'not_found',
  'failed',
  'file_refused',
]);

/**
 * Why a post was refused, in `locale`: the console's words for the server's code, never the server's
 * own message (English, and about its fields).
 */
export function refusalText(error, locale) {
  // A refused file: the server says why, already in the sender's language.
  if (error.code === 'file_refused' && error.told) return error.told;
  return tr(locale, `refusal_${REFUSALS.has(error.code) ? error.code : 'failed'}`);
}
