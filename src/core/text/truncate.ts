/**
 * Shortening text to a platform's length limit, for every channel. Lengths are UTF-16 code units
 * (`String.length`), never fewer than the characters a platform counts, so a result always fits; a
 * cut never falls inside a character as people see it (a surrogate pair, an emoji sequence, a letter
 * and its accents), so a shortened text never ends in a broken character.
 */

export const ELLIPSIS = '…';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The last position at or before `position` where `text` can be cut without splitting a character.
 * A character longer than everything before `position` (a letter under hundreds of stacked accents)
 * is cut between its code points instead, so something is kept; a surrogate pair is never split.
 */
export function characterBoundary(text: string, position: number): number {
  if (position >= text.length) return text.length;
  if (position <= 0) return 0;
  // The boundary at `position` depends only on what precedes it and the code point at it.
  const start = graphemes.segment(text.slice(0, position + 2)).containing(position)?.index;
  if (start !== undefined && start > 0) return start;
  return isLowSurrogate(text.charCodeAt(position)) && isHighSurrogate(text.charCodeAt(position - 1))
    ? position - 1
    : position;
}

/**
 * `text` as it is when it has at most `max` code units; otherwise cut at a character boundary, with
 * trailing spaces dropped and an ellipsis added, `max` code units in all at most. `adjust` may move
 * the cut further back, e.g. to keep a channel's markup whole.
 */
export function truncate(
  text: string,
  max: number,
  adjust?: (text: string, cut: number) => number,
): string {
  if (text.length <= max) return text;
  let cut = characterBoundary(text, Math.max(0, max - ELLIPSIS.length));
  if (adjust) cut = adjust(text, cut);
  return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
