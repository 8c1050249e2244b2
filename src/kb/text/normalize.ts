/**
 * Surface normalisation shared by articles and queries: lower case, no diacritics, no markup, chat
 * mentions or addresses, letters stretched for emphasis ("tolonggg") folded, and Indonesian
 * reduplication written with a 2 ("file2") reduced to the word.
 */
export function normalizeText(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/<[@#!][^<>]{0,200}>/g, ' ') // Slack mentions and channel links
      .replace(/\bhttps?:\/\/\S+/g, ' ')
      // The look-behinds make each pattern start only where a run begins, so a long run without a
      // match is scanned once, not once per position (which was quadratic in the run's length).
      .replace(/(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+\b/g, ' ')
      .replace(/\\\\[\w.$\\-]+/g, ' ') // UNC paths
      .replace(/(\p{L})\1{2,}/gu, '$1')
      .replace(/(?<!\p{L})(\p{L}{3,})2\b/gu, '$1')
  );
}

/** Word tokens: runs of letters and digits (hyphens and punctuation split words). */
export function tokenize(normalized: string): string[] {
  return normalized.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** What may stand between two words of one phrase: spaces, hyphens, apostrophes, "+" (ctrl+alt+del). */
const PHRASE_GAP = /^[ \t\u00a0'’`+\-‐‑–]*$/;

/**
 * Word tokens with, for each, whether punctuation or a line break separates it from the word before
 * ("laptop, HP" are two things; "laptop HP" may be one): a phrase never spans such a break.
 */
export function tokenizeWithBreaks(normalized: string): { tokens: string[]; breaks: boolean[] } {
  const tokens: string[] = [];
  const breaks: boolean[] = [];
  let end = 0;
  for (const m of normalized.matchAll(/[\p{L}\p{N}]+/gu)) {
    tokens.push(m[0]);
    breaks.push(tokens.length > 1 && !PHRASE_GAP.test(normalized.slice(end, m.index)));
    end = m.index + m[0].length;
  }
  return { tokens, breaks };
}
