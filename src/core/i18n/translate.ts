import type { Locale } from '../locale';
import { CATALOG, type MessageKey } from './catalog';

export type Params = Readonly<Record<string, string | number>>;

/** The text of `key` in `locale`, with `{name}` placeholders filled (unknown ones are left as written). */
export function t(locale: Locale, key: MessageKey, params: Params = {}): string {
  return CATALOG[key][locale].replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}
