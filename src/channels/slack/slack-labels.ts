import type { Locale } from '../../core/locale';

/**
 * The few words only the Slack channel shows (modal buttons, App Home headings, the slash command's
 * pointer to the DM), in both languages like the core's catalog. Everything else comes from the core.
 */
const LABELS = {
  modal_cancel: { en: 'Cancel', id: 'Batal' },
  modal_required: { en: 'Please fill this in.', id: 'Mohon diisi.' },
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
} as const satisfies Record<string, Record<Locale, string>>;

export type LabelKey = keyof typeof LABELS;

export function label(
  locale: Locale,
  key: LabelKey,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return LABELS[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
