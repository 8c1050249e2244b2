import type { Locale } from '../locale';

/**
 * Texts in both languages by key: the core's catalog (catalog.ts) and the few tables of words only
 * one channel shows (Slack's App Home, the console's page). Every table is checked the same way
 * (test/unit/i18n/catalogs.test.ts): both languages present, same placeholders, no left-overs.
 */
export type MessageTable<K extends string = string> = Readonly<
  Record<K, Readonly<Record<Locale, string>>>
>;

export type Params = Readonly<Record<string, string | number>>;

/** `template` with its `{name}` placeholders filled; unknown ones are left as written. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

/** The `{name}` placeholders of a template, sorted, each once. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}
