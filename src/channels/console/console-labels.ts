import { CATALOG, type MessageKey } from '../../core/i18n/catalog';
import type { MessageTable } from '../../core/i18n/message-table';
import { LOCALES, type Locale } from '../../core/locale';
import type { RefusalCode } from './console-refusals';

/**
 * What the page says for each code the server refuses a post with (console-refusals.ts), as the
 * reason in "Not sent: {reason}."; the server's own message, English, is never shown.
 */
const REFUSAL_LABELS = {
  refusal_too_long: {
    en: 'it is too long; shorten it or send it in parts',
    id: 'terlalu panjang; persingkat atau kirim dalam beberapa bagian',
  },
  refusal_busy: {
    en: 'Lapis cannot take it right now; try again in a moment',
    id: 'Lapis belum bisa menerimanya sekarang; coba lagi sebentar lagi',
  },
  refusal_bad_request: {
    en: 'Lapis could not accept it; reload the page and try again',
    id: 'Lapis tidak bisa menerimanya; muat ulang halaman lalu coba lagi',
  },
  refusal_not_found: {
    en: 'what it answers is no longer there; reload the page',
    id: 'yang dijawabnya sudah tidak ada; muat ulang halaman',
  },
  refusal_failed: {
    en: 'something went wrong in Lapis; try again',
    id: 'terjadi kesalahan di Lapis; coba lagi',
  },
  refusal_file_refused: {
    en: 'the file was not taken',
    id: 'file tidak diterima',
  },
} as const satisfies Record<`refusal_${RefusalCode}`, MessageTable[string]>;

/**
 * The words of the console's page itself (its bars, panes, reply boxes and markers), in both languages
 * and checked like the core's catalog (test/unit/i18n/catalogs.test.ts). The page gets them with
 * the core's words it shows too (GET /api/labels) and shows each pane in its viewer's language: the
 * DM in the employee's, the level channels in AGENT_LOCALE.
 */
export const CONSOLE_LABELS = {
  page_title: { en: 'Lapis · local console', id: 'Lapis · konsol lokal' },
  brand_tag: { en: 'local console', id: 'konsol lokal' },
  acting_as: { en: 'Acting as', id: 'Bertindak sebagai' },
  field_required: {
    en: '“{field}” is required: the form cannot be sent without it.',
    id: '“{field}” wajib diisi: formulir tidak bisa dikirim tanpanya.',
  },
  status_connecting: { en: 'connecting…', id: 'menyambungkan…' },
  status_live: { en: 'live', id: 'tersambung' },
  status_offline: { en: 'offline, retrying…', id: 'terputus, mencoba lagi…' },
  columns: { en: 'Columns', id: 'Kolom' },
  column_dm: { en: 'Direct message with Lapis', id: 'Pesan langsung dengan Lapis' },
  unread: { en: '{count} new', id: '{count} baru' },
  dm_sub: { en: "The employee's chat with the Lapis bot", id: 'Obrolan karyawan dengan bot Lapis' },
  dm_tabs: { en: 'Whose direct messages', id: 'Pesan langsung siapa' },
  dm_typing: { en: 'Lapis is typing…', id: 'Lapis sedang mengetik…' },
  dm_placeholder: {
    en: 'Ask IT anything, in Indonesian or English…',
    id: 'Tanyakan apa saja soal IT, dalam bahasa Indonesia atau Inggris…',
  },
  dm_input: { en: 'Message to Lapis', id: 'Pesan untuk Lapis' },
  dm_send: { en: 'Send', id: 'Kirim' },
  attach_file: { en: 'Attach a file or screenshot', id: 'Lampirkan file atau tangkapan layar' },
  dm_guard: {
    en: 'You are acting as {name} ({role}).',
    id: 'Anda bertindak sebagai {name} ({role}).',
  },
  dm_guard_switch: {
    en: 'Act as {name} to write here',
    id: 'Bertindak sebagai {name} untuk menulis di sini',
  },
  dm_act_to_answer: {
    en: 'Act as this employee to answer',
    id: 'Bertindak sebagai karyawan ini untuk menjawab',
  },
  dm_empty_title: { en: 'No messages yet', id: 'Belum ada pesan' },
  dm_empty_hint: {
    en: 'Ask Lapis an IT question, in Indonesian or English. Try:',
    id: 'Tanyakan masalah IT ke Lapis, dalam bahasa Indonesia atau Inggris. Coba:',
  },
  // Questions to try, as an employee of that language would type them.
  dm_example_1: { en: 'forgot my email password', id: 'lupa password email' },
  dm_example_2: { en: "VPN won't connect", id: 'VPN tidak bisa konek' },
  dm_example_3: { en: 'my laptop is very slow', id: 'laptop saya lambat sekali' },
  mine_title: { en: 'My tickets', id: 'Tiket saya' },
  theirs_title: { en: "{name}'s tickets", id: 'Tiket {name}' },
  queue_title: { en: 'Queue', id: 'Antrean' },
  queue_empty: { en: 'Nothing waiting', id: 'Tidak ada yang menunggu' },
  level_new: { en: 'L1 agents: new tickets land here', id: 'Petugas L1: tiket baru masuk ke sini' },
  level_escalated: {
    en: 'L{level} agents: escalations from L{from}',
    id: 'Petugas L{level}: eskalasi dari L{from}',
  },
  level_here: { en: 'you', id: 'Anda' },
  lead_tab: { en: 'Lead', id: 'Kepala' },
  lead_sub: {
    en: "The service-desk lead's channel: the weekly digest",
    id: 'Kanal kepala service desk: ringkasan mingguan',
  },
  level_empty_title: { en: 'No tickets yet', id: 'Belum ada tiket' },
  level_empty_hint: {
    en: 'Tickets for L{level} appear here as cards; work them in their threads.',
    id: 'Tiket untuk L{level} muncul di sini sebagai kartu; kerjakan di utasnya.',
  },
  read_only: { en: 'Read only ({role})', id: 'Hanya baca ({role})' },
  read_only_why: {
    en: 'Only L{level} agents work the tickets in this channel',
    id: 'Hanya petugas L{level} yang mengerjakan tiket di kanal ini',
  },
  unsent_marker: { en: 'Not sent to the employee', id: 'Tidak dikirim ke karyawan' },
  unsent_why: {
    en: 'Kept in this thread: only the replies of L{level} agents reach the employee ({name}: {role}).',
    id: 'Tetap di utas ini: hanya balasan petugas L{level} yang sampai ke karyawan ({name}: {role}).',
  },
  reply_input: { en: 'Reply in thread', id: 'Balas di utas' },
  reply_placeholder: { en: 'Reply in thread…', id: 'Balas di utas…' },
  reply_send: { en: 'Reply', id: 'Balas' },
  create_ticket: { en: 'Create ticket', id: 'Buat tiket' },
  create_ticket_why: {
    en: 'Open an IT ticket for the author of this message, with the message and its link',
    id: 'Buat tiket IT untuk penulis pesan ini, dengan pesan dan tautannya',
  },
  reply_add_note: { en: 'Add note', id: 'Tambah catatan' },
  reply_note_hint: {
    en: 'Internal note: stays in this thread, never sent to the employee.',
    id: 'Catatan internal: tetap di utas ini, tidak pernah dikirim ke karyawan.',
  },
  replies_one: { en: '1 reply', id: '1 balasan' },
  replies_many: { en: '{count} replies', id: '{count} balasan' },
  tag_bot: { en: 'bot', id: 'bot' },
  tag_note: { en: 'internal note', id: 'catatan internal' },
  msg_updated: { en: 'updated', id: 'diperbarui' },
  ephemeral_marker: {
    en: 'Only you can see this message',
    id: 'Hanya Anda yang bisa melihat pesan ini',
  },
  /** The console has no real groups: a ping shows as this handle and the catalog's ping_needs_you. */
  ping_handle: { en: '@L{level}-on-call', id: '@L{level}-piket' },
  form_not_sent: {
    en: 'Not sent: {reason}. Your answers are still here.',
    id: 'Tidak terkirim: {reason}. Jawaban Anda masih di sini.',
  },
  action_not_sent: { en: 'Not sent: {reason}.', id: 'Tidak terkirim: {reason}.' },
  ...REFUSAL_LABELS,
  text_not_sent: {
    en: 'Not sent: {reason}. Your text is still here.',
    id: 'Tidak terkirim: {reason}. Teks Anda masih di sini.',
  },
  text_too_long: {
    en: 'Too long to send: {over} over the limit of {limit} characters. Shorten it or send it in parts.',
    id: 'Terlalu panjang untuk dikirim: {over} lebih dari batas {limit} karakter. Persingkat atau kirim dalam beberapa bagian.',
  },
  new_messages_one: { en: '1 new message ↓', id: '1 pesan baru ↓' },
  new_messages_many: { en: '{count} new messages ↓', id: '{count} pesan baru ↓' },
  time_browser_zone: { en: "{zone}, this browser's zone", id: '{zone}, zona peramban ini' },
} as const satisfies MessageTable;

/** The core's words the page shows besides the messages: statuses, roles, form buttons, the ping. */
const CORE_KEYS = [
  'status_open',
  'status_claimed',
  'status_waiting_on_requester',
  'status_resolved',
  'status_closed',
  'status_cancelled',
  'unassigned',
  'card_owner',
  'card_status',
  'role_employee',
  'role_agent',
  'form_choose',
  'form_cancel',
  'form_required',
  'form_sent',
  'ping_needs_you',
] as const satisfies readonly MessageKey[];

export type ConsoleLabels = Readonly<Record<Locale, Readonly<Record<string, string>>>>;

/** Every word the page shows, by language (GET /api/labels). */
export function consoleLabels(): ConsoleLabels {
  const inLocale = (locale: Locale) => ({
    ...Object.fromEntries(CORE_KEYS.map((key) => [key, CATALOG[key][locale]])),
    ...Object.fromEntries(Object.entries(CONSOLE_LABELS).map(([key, v]) => [key, v[locale]])),
  });
  return Object.fromEntries(LOCALES.map((l) => [l, inLocale(l)])) as ConsoleLabels;
}
