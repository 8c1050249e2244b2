import type { Locale } from '../../core/locale';
import type { MessageTable } from '../../core/i18n/message-table';
import { translate, type Params } from '../../core/i18n/translate';

/**
 * The few words only the Slack channel shows (App Home headings, the slash command's pointer to the
 * DM), in both languages and checked like the core's catalog (test/unit/i18n/catalogs.test.ts).
 * Everything else, forms included, comes from the core's catalog.
 */
export const SLACK_LABELS = {
  command_in_dm: {
    en: 'I have answered you in our direct messages (Apps → Lapis).',
    id: 'Saya sudah menjawab di pesan langsung kita (Apps → Lapis).',
  },
  home_title: { en: 'IT help desk', id: 'Helpdesk IT' },
  home_intro: {
    en: 'Send me a direct message with your IT question, or use /helpdesk anywhere.',
    id: 'Kirim pesan langsung berisi pertanyaan IT Anda, atau pakai /helpdesk di mana saja.',
  },
  home_mine: { en: 'Your tickets', id: 'Tiket Anda' },
  home_queue: { en: 'L{level} queue', id: 'Antrean L{level}' },
  home_queue_empty: { en: 'Nothing waiting.', id: 'Tidak ada yang menunggu.' },
  home_more: { en: '…and {count} more', id: '…dan {count} lainnya' },
} as const satisfies MessageTable;

export type LabelKey = keyof typeof SLACK_LABELS;

export function label(locale: Locale, key: LabelKey, values: Params = {}): string {
  return translate(SLACK_LABELS, locale, key, values);
}
