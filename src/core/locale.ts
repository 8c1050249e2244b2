/** The languages Lapis speaks; every user-facing text exists in both. */
export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return value === 'id' || value === 'en';
}
