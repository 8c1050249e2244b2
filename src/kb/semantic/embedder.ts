/** Whether a text is a person's question or a piece of an article (e5 embeds them differently). */
export type TextRole = 'query' | 'passage';

/**
 * Text in, unit vectors out. The knowledge base depends on this port; the e5 model implements it,
 * and tests of the ranking may use a fake.
 */
export interface Embedder {
  /** Names the model and weights: cached vectors are keyed by it. */
  readonly id: string;
  readonly dimensions: number;
  /** One unit vector per text, in order. Runs off the event loop. */
  embed(texts: readonly string[], role: TextRole): Promise<Float32Array[]>;
  close(): void;
}

/**
 * The model reads at most 512 tokens; the engine would slide windows over a longer text and take
 * time in proportion, so every text is cut before it reaches the engine (a token is at least one
 * byte, and 2,000 characters cover 512 tokens of ordinary prose).
 */
export const MAX_EMBEDDED_CHARS = 2000;

export function boundedText(text: string, max = MAX_EMBEDDED_CHARS): string {
  if (text.length <= max) return text;
  // Cut at a space when one is near, so no word is split in two.
  const space = text.lastIndexOf(' ', max);
  return text.slice(0, space > max * 0.8 ? space : max);
}
