import type { MessageTable } from '../../core/i18n/message-table';
import { translate, type Params } from '../../core/i18n/translate';
import type { Locale } from '../../core/locale';

/**
 * The few words only the Teams channel shows (around a file it passes on as a link), in both
 * languages and checked like the core's catalog (test/unit/i18n/catalogs.test.ts).
 */
export const TEAMS_LABELS = {
  file_open: { en: 'Open {name} ({size})', id: 'Buka {name} ({size})' },
  file_link_until: {
    en: 'The link works until {date}.',
    id: 'Tautan ini berlaku sampai {date}.',
  },
  file_no_link: {
    en: 'Lapis keeps {name} ({size}); ask the service desk for a copy.',
    id: 'Lapis menyimpan {name} ({size}); mintalah salinannya kepada service desk.',
  },
} as const satisfies MessageTable;

export type TeamsLabelKey = keyof typeof TEAMS_LABELS;

export function teamsLabel(locale: Locale, key: TeamsLabelKey, values: Params = {}): string {
  return translate(TEAMS_LABELS, locale, key, values);
}
