/** The languages Lapis speaks; every user-facing text exists in both. */
export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
