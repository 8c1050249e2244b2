/**
 * A small detector of English left in Indonesian text and the reverse: each language's common
 * function words and the words of Lapis's own chrome (buttons, statuses, roles). A word of the other
 * language is a left-over, unless it is one both languages write the same way (SHARED_WORDS).
 */

const ENGLISH = `
  a an the and or but if is are was were be been being to of in on at by for with from into about as
  this that these those it its you your we our us they their them he she his her i me my mine
  not no yes can cannot could will would should do does did has have had what which who whom whose
  how why when where here there than then so too very only also still yet again any all some none
  nothing more most other else just now please sorry thanks thank hi hello okay
  open opened close closed cancel cancelled resolve resolved claim claimed unassigned assigned
  waiting wait choose select send sent reply replies queue new message messages ticket tickets
  agent agents employee employees requester expert experts specialist specialists needs need help
  solved reopen rate rated rating submit read write notes updated live offline connecting acting act
  see owner question details escalate escalated escalation category resolution summary title steps
  tags language article articles draft drafts due first response warning breached paused priority
  team people office urgent work working broken something try tried yours nobody anyone everyone
  channel thread threads answer answers call`;

const INDONESIAN = `
  yang dan di ke dari untuk dengan tidak belum sudah ini itu ada anda saya kami kita mereka akan
  bisa atau apa siapa bagaimana kenapa juga sedang masih lagi hanya saja sini sana oleh pada dalam
  tentang kalau jika agar karena tetapi tapi baru semua setiap sebagai tiket petugas pemohon
  karyawan selesai ditutup dibuka dibatalkan menunggu batal batalkan pilih kirim terkirim balas
  balasan antrean antrian pesan catatan bantuan beres tombol mohon silakan terima kasih buat buka
  ambil kembalikan ringkasan penyelesaian perangkat jaringan sandi lupa maaf halo baik kedaluwarsa
  diteruskan eskalasi dieskalasi utas kanal judul langkah bahasa artikel draf kartu piket konsol
  lokal tersambung terputus menyambungkan bertindak obrolan mengetik baca diperbarui kosong
  pertanyaan jawaban masalah dikirim dibuat menangani ditangani diisi`;

/**
 * Words both languages write the same way, so never a left-over in either:
 * - product and technical words Indonesian uses as they are: email, password, login, software,
 *   laptop, printer, scan, phishing, chat, internet, online, error, audio, video, web, Wi-Fi;
 * - words the catalogs use in both: status, level, detail, internal, tag, bot, helpdesk, Lapis;
 * - "note", "service", "desk": the agents' `note:` prefix and "service desk", named as they are in
 *   Indonesian text too;
 * - names of the console's cast (Budi, Sari, Ayu, Rudi, Dewi, Hendra) and "apps" (Slack's menu).
 * Acronyms (a word in capitals: IT, VPN, KB, SLA, MFA, HR, DM, L1, P3, IT-1001) are skipped anyway.
 */
export const SHARED_WORDS: ReadonlySet<string> = new Set([
  'email',
  'password',
  'login',
  'software',
  'laptop',
  'printer',
  'scan',
  'phishing',
  'chat',
  'internet',
  'online',
  'error',
  'audio',
  'video',
  'web',
  'wi',
  'fi',
  'status',
  'level',
  'detail',
  'internal',
  'tag',
  'bot',
  'helpdesk',
  'lapis',
  'note',
  'service',
  'desk',
  'apps',
  'budi',
  'sari',
  'ayu',
  'rudi',
  'dewi',
  'hendra',
]);

const wordSet = (list: string) => new Set(list.split(/\s+/).filter(Boolean));
const ENGLISH_WORDS = wordSet(ENGLISH);
const INDONESIAN_WORDS = wordSet(INDONESIAN);

/**
 * The words of `text` as a reader sees them: placeholders (`{agent}`), code in backticks and web
 * addresses are not words of a language; acronyms (two or more capitals) are left out.
 */
export function wordsOf(text: string): string[] {
  const prose = text
    .replace(/\p{Lu}(?=\d|\{)/gu, ' ') // the L of L2, the P of P3, L{level}
    .replace(/\{\w+\}/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
  return (prose.match(/\p{L}+/gu) ?? []).filter((word) => !/^\p{Lu}{2,}$/u.test(word));
}

function leftovers(text: string, other: ReadonlySet<string>): string[] {
  return wordsOf(text)
    .map((word) => word.toLowerCase())
    .filter((word) => other.has(word) && !SHARED_WORDS.has(word));
}

/** English words in a text meant to be Indonesian. */
export function englishIn(text: string): string[] {
  return leftovers(text, ENGLISH_WORDS);
}

/** Indonesian words in a text meant to be English. */
export function indonesianIn(text: string): string[] {
  return leftovers(text, INDONESIAN_WORDS);
}

/** The words of the other language in a text meant to be in `locale`. */
export function foreignIn(locale: 'en' | 'id', text: string): string[] {
  return locale === 'id' ? englishIn(text) : indonesianIn(text);
}

/** Whether every word of `text` is one both languages share (an acronym, a SHARED_WORDS entry). */
export function onlySharedWords(text: string): boolean {
  return wordsOf(text).every((word) => SHARED_WORDS.has(word.toLowerCase()));
}
