import type { Span } from '../../core/messages';
import { truncate } from '../../core/text/truncate';

/**
 * Text for Adaptive Card TextBlocks, which Teams reads as a small Markdown dialect and scans for
 * `<at>` mentions. Every text gets `<`, `>` and `&` as entities, so nothing can open a mention or a
 * tag, and Markdown's significant characters escaped, so it shows exactly as written and cannot turn
 * into links, emphasis or lists (bot texts interpolate what agents typed).
 */

export function escapeAngles(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Backslash-escapes what Markdown (and the card's `{{DATE()}}` functions) would interpret. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_~[\]{}]/g, '\\$&')
    .replace(/^(\s*)([-+>#])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

export function escapeUserText(text: string): string {
  return escapeAngles(escapeMarkdown(text));
}

/** Markdown needs an empty line for a line break; chat text means one with a single newline. */
export function paragraphs(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\n+/g, '\n\n');
}

/** One span as TextBlock text: shortened, escaped for what it is, bold when asked. */
export function spanText(span: Span, maxLength: number): string {
  const raw = truncate(span.text, maxLength);
  // Bot texts carry values people typed (an escalation reason, a name), so they are escaped the same way.
  const escaped = escapeUserText(raw);
  if (!span.bold || !escaped.trim()) return escaped;
  const lead = /^\s*/.exec(escaped)?.[0] ?? '';
  const trail = /\s*$/.exec(escaped)?.[0] ?? '';
  return `${lead}**${escaped.trim()}**${trail}`;
}

export function spansText(spans: readonly Span[], maxLength: number): string {
  return paragraphs(spans.map((span) => spanText(span, maxLength)).join(''));
}

/** A display name safe inside `<at>...</at>`: no markup, no Markdown, one line. */
export function mentionName(name: string): string {
  const clean = name
    .replace(/[<>&\\`*_~[\]{}|]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  return clean || 'user';
}
