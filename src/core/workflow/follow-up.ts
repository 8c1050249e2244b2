import type { KbSearchResult } from '../ports/knowledge-base';

/** A message this short (in words) adds detail to the question before it rather than asking anew. */
const SHORT_WORDS = 4;

/** Words that point back at what was said before ("it still...", "masih", "yang tadi"). */
const REFERS_BACK =
  /(^|[^\p{L}])(it|its|it's|that|this|still|also|again|same|too|either|masih|juga|lagi|tetap|tetep|tadi|itu|sama|barusan|nya)($|[^\p{L}])/iu;

/**
 * Whether a message sent within the follow-up window continues the question before it. A message
 * with a confident answer of its own stands alone ("cafeteria menu" after a password question is a
 * new subject); one without is a continuation when it is short or refers back ("still not working",
 * "on my phone").
 */
export function readsAsContinuation(text: string, alone: KbSearchResult): boolean {
  if (alone.answer) return false;
  const words = text.trim().split(/\s+/).filter(Boolean).length;
  return words <= SHORT_WORDS || REFERS_BACK.test(text.slice(0, 4000));
}
