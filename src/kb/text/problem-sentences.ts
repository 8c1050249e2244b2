/**
 * Employees write long messages: a greeting, what they were doing, what they tried, and somewhere
 * the problem. The search looks at the sentences that say the most (by the caller's measure, the
 * weight of their IT words), so the rest of the story neither dilutes the evidence nor lowers the
 * confidence: a long message loses nothing for being long.
 */
const LONG_MESSAGE_CHARS = 120;
/** Past this many sentences the rest is seldom the problem; it also bounds the work per message. */
const MAX_SENTENCES = 12;
/** A second sentence is kept when it says at least this share of what the best one says. */
const SECOND_SENTENCE_SHARE = 0.6;

const SENTENCE_END = /(?<=[.!?…])\s+|\n+/u;

export function problemSentences(text: string, weight: (sentence: string) => number): string {
  if (text.length < LONG_MESSAGE_CHARS) return text;
  const sentences = text
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .slice(0, MAX_SENTENCES);
  if (sentences.length < 2) return text;
  const scored = sentences.map((sentence, i) => ({ sentence, i, w: weight(sentence) }));
  const ranked = [...scored].sort((a, b) => b.w - a.w || a.i - b.i);
  const best = ranked[0];
  if (!best || best.w <= 0) return text;
  const kept = [best];
  const second = ranked[1];
  if (second && second.w >= SECOND_SENTENCE_SHARE * best.w) kept.push(second);
  return kept
    .sort((a, b) => a.i - b.i)
    .map((k) => k.sentence)
    .join(' ');
}
