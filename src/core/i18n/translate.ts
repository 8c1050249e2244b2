import type { Locale } from '../locale';
import { CATALOG, type MessageKey } from './catalog';
import { fill, type MessageTable, type Params } from './message-table';

export type { Params } from './message-table';

/**
 * The text of `key` in `locale` from a table of texts (the core's catalog, or a channel's own few
 * words), with `{name}` placeholders filled; unknown ones are left as written.
 */
export function translate<K extends string>(
  table: MessageTable<K>,
  locale: Locale,
  key: K,
  params: Params = {},
): string {
  return fill(table[key][locale], params);
}

/** The core's catalog text of `key` in `locale` (see translate). */
export function t(locale: Locale, key: MessageKey, params: Params = {}): string {
  return translate(CATALOG, locale, key, params);
}
