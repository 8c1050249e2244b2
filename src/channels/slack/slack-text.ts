/**
 * Text in and out of Slack. Slack's mrkdwn treats `&`, `<` and `>` as control characters (`<!channel>`,
 * `<@U123>`, `<!subteam^S1>`, links), so everything Lapis renders is entity-escaped, and the words
 * `@channel`, `@here` and `@everyone` get an invisible word joiner so they can never broadcast, not
 * even where a client links bare names. Inbound text arrives in Slack's own markup and is decoded to
 * the plain text a person sees, which is what the core stores and relays.
 */

import { characterBoundary, truncate } from '../../core/text/truncate';

const WORD_JOINER = '\u2060';
const BROADCAST = /@(channel|here|everyone)\b/gi;
const ENTITY = /&(amp|lt|gt);/g;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>' };

/** Escapes text for a mrkdwn field: it shows exactly as written and pings nobody. */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(BROADCAST, `@${WORD_JOINER}$1`);
}

/** Plain-text objects (headers, button labels, modal labels) are not parsed for mentions; only broadcasts are defused. */
export function defusePlainText(text: string): string {
  return text.replace(BROADCAST, `@${WORD_JOINER}$1`);
}

/** Escaped mrkdwn cut to at most `max` characters like `truncate`, never inside an entity or a link. */
export function truncateMrkdwn(text: string, max: number): string {
  return truncate(text, max, safeCut);
}

/**
 * Splits escaped mrkdwn into chunks of at most `max` characters, preferring line breaks, then
 * spaces, and never cutting inside an entity (`&amp;`), a link or a character.
 */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = window.lastIndexOf('\n');
    if (cut < max / 2) cut = window.lastIndexOf(' ');
    if (cut < max / 2) cut = max;
    cut = safeCut(rest, cut);
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[ \n]+/, '');
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks;
}

/** Moves a cut position back to a character boundary (see truncate.ts) outside an HTML entity or a link. */
function safeCut(text: string, position: number): number {
  let cut = characterBoundary(text, position);
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp >= 0 && cut - amp < 6) {
    const semi = text.indexOf(';', amp);
    if (semi >= cut) cut = amp;
  }
  const open = text.lastIndexOf('<', cut - 1);
  const inLink = open >= 0 && text.lastIndexOf('>', cut - 1) < open;
  if (inLink && /^<(https?:|mailto:|[!@#])/.test(text.slice(open, open + 8))) cut = open;
  return cut > 0 ? cut : position;
}

/** Looks a Slack user id up for a display name (cached by the caller); undefined keeps the id. */
export type NameLookup = (userId: string) => Promise<string | undefined>;

const TOKEN = /<([^<>]*)>/g;

/**
 * Slack's markup to plain text: `<@U1|ayu>` → `@ayu` (or the looked-up name), `<#C1|it>` → `#it`,
 * `<!here>` → `@here`, `<!subteam^S1|@l2>` → `@l2`, `<https://x|label>` → `label (https://x)`,
 * `<mailto:a@b|a@b>` → `a@b`, and `&lt;` `&gt;` `&amp;` → `<` `>` `&`.
 */
export async function decodeSlackText(text: string, lookup?: NameLookup): Promise<string> {
  const ids = [...text.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)].map((m) => m[1] ?? '');
  const names = new Map<string, string>();
  if (lookup) {
    for (const id of new Set(ids)) {
      const name = await lookup(id).catch(() => undefined);
      if (name) names.set(id, name);
    }
  }
  return text
    .replace(TOKEN, (_whole, inner: string) => decodeToken(inner, names))
    .replace(ENTITY, (_m, name: string) => ENTITIES[name] ?? '');
}

function decodeToken(inner: string, names: ReadonlyMap<string, string>): string {
  const bar = inner.indexOf('|');
  const target = bar >= 0 ? inner.slice(0, bar) : inner;
  const label = bar >= 0 ? inner.slice(bar + 1) : undefined;
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return `@${names.get(id) ?? label ?? id}`;
  }
  if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
  if (target.startsWith('!subteam^')) return label ?? `@${target.slice('!subteam^'.length)}`;
  if (target.startsWith('!date^')) return label ?? '';
  if (target.startsWith('!')) return label ?? `@${target.slice(1)}`;
  if (target.startsWith('mailto:')) return label ?? target.slice('mailto:'.length);
  if (label && label !== target) return `${label} (${target})`;
  return target;
}

/** Removes mentions of the bot (`<@UBOT>`) from a message addressed to it. */
export function stripMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text.trim();
  const id = botUserId.replace(/[^A-Z0-9]/gi, '');
  return text.replace(new RegExp(`[ \\t]*<@${id}(?:\\|[^>]*)?>[ \\t]*`, 'g'), ' ').trim();
}
