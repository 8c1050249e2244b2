import { extensionOf, type FileMention, type FilePolicy, type FileRefusalReason } from '../files';
import type { MessageKey } from '../i18n/catalog';
import { CATALOG } from '../i18n/catalog';
import { fill, type Params } from '../i18n/message-table';
import type { Locale } from '../locale';
import { fromUser, plain, type OutboundMessage, type Span } from '../messages';

/** "12 B", "340 KB", "1.5 MB" (1,5 MB in Indonesian). */
export function formatSize(bytes: number, locale: Locale): string {
  const number = (n: number) =>
    new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
      maximumFractionDigits: 1,
    }).format(n);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024)} KB`;
  return `${number(bytes / (1024 * 1024))} MB`;
}

/** A file as listed in a card or a digest: `error.png (12 KB)`. */
export function fileLabel(file: Pick<FileMention, 'name' | 'size'>, locale: Locale): string {
  return `${file.name} (${formatSize(file.size, locale)})`;
}

/**
 * A catalog text whose `people` placeholders (a file's name, a person's name) hold what someone
 * wrote: those parts become user spans, which channels escape so they ping no one.
 */
export function sayWith(
  locale: Locale,
  key: MessageKey,
  params: Params,
  people: readonly string[],
): OutboundMessage {
  const template: string = CATALOG[key][locale];
  const spans: Span[] = [];
  let rest = template;
  for (let match = /\{(\w+)\}/.exec(rest); match; match = /\{(\w+)\}/.exec(rest)) {
    const name = match[1] ?? '';
    const before = rest.slice(0, match.index);
    if (before) spans.push(plain(before));
    const value = name in params ? String(params[name]) : match[0];
    spans.push(people.includes(name) ? fromUser(value) : plain(value));
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest) spans.push(plain(rest));
  return { text: fill(template, params), blocks: [{ kind: 'text', spans }], locale };
}

/** Why a file was not taken, told to its sender in their language. */
export function fileRefusal(
  name: string,
  reason: FileRefusalReason,
  policy: FilePolicy,
  locale: Locale,
): OutboundMessage {
  const limit = formatSize(policy.maxBytes, locale);
  const type = extensionOf(name) ? `.${extensionOf(name)}` : name;
  return sayWith(locale, `file_refused_${reason}`, { name, limit, type }, ['name', 'type']);
}
