import type { Locale } from '../locale';
import { CATALOG, type MessageKey } from './catalog';
import { fill, type Params } from './message-table';

export type { Params } from './message-table';

/** The text of `key` in `locale`, with `{name}` placeholders filled (unknown ones are left as written). */
export function t(locale: Locale, key: MessageKey, params: Params = {}): string {
  return fill(CATALOG[key][locale], params);
}
