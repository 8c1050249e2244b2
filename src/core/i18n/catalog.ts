import type { MessageTable } from './message-table';

/**
 * Every text the bot sends, in Indonesian and English. `{name}` placeholders are filled by `t()`;
 * values are plain text (channels escape user-supplied parts where they render them).
 */
export const CATALOG = {
  greeting: {
    en: 'Hi! I\'m Lapis, the IT help desk bot. Tell me what\'s wrong (for example "I forgot my password" or "VPN won\'t connect") and I\'ll help, or open a ticket for you.',
    id: 'Halo! Saya Lapis, bot helpdesk IT. Ceritakan masalah Anda (misalnya "lupa password" atau "VPN tidak bisa konek"), saya bantu atau saya buatkan tiket.',
  },
  thanks: {
    en: "You're welcome! Message me any time you need IT help.",
    id: 'Sama-sama! Hubungi saya kapan saja kalau butuh bantuan IT.',
  },
  ack: {
    en: 'Okay. Tell me if there is anything else IT can help with.',
    id: 'Baik. Kabari saya kalau ada hal lain yang bisa IT bantu.',
  },
  off_topic: {
    en: "I handle IT questions (accounts, devices, email, network, software), and that one isn't mine, sorry.",
    id: 'Saya menangani pertanyaan IT (akun, perangkat, email, jaringan, aplikasi), dan yang ini di luar itu, maaf.',
  },
  off_topic_facilities: {
    en: 'For rooms, the building, the canteen or parking: {contact}',
    id: 'Untuk ruangan, gedung, kantin, atau parkir: {contact}',
  },
  off_topic_hr: {
    en: 'For leave, pay and other HR matters: {contact}',
    id: 'Untuk cuti, gaji, dan urusan HR lainnya: {contact}',
  },
  off_topic_general: { en: 'You could try: {contact}', id: 'Silakan coba: {contact}' },
  off_topic_it_after_all: {
    en: 'If it is an IT problem after all, tell me which device or app is affected.',
    id: 'Kalau ternyata masalah IT, sebutkan perangkat atau aplikasi yang bermasalah.',
  },
  suggest_intro: {
    en: "I'm not sure which article fits. Is it one of these?",
    id: 'Saya belum yakin artikel mana yang cocok. Apakah salah satu dari ini?',
  },
  suggest_none: {
    en: 'None of these? An agent can help:',
    id: 'Bukan salah satunya? Petugas bisa membantu:',
  },
  btn_none_of_these: { en: 'None of these: open ticket', id: 'Bukan ini: buat tiket' },
  clarify_question: {
    en: 'What is not working? Pick the area it is about, or tell me in your own words.',
    id: 'Apa yang bermasalah? Pilih jenis masalahnya, atau ceritakan dengan kata-kata Anda sendiri.',
  },
  clarify_ticket: {
    en: 'Or have an agent help you right away:',
    id: 'Atau langsung minta bantuan petugas:',
  },
  area_suggest_intro: {
    en: '{area}: is it one of these?',
    id: '{area}: apakah salah satu dari ini?',
  },
  area_own_words: {
    en: 'Not there? Describe the problem in your own words and I will look again.',
    id: 'Tidak ada? Ceritakan masalahnya dengan kata-kata Anda sendiri, nanti saya carikan lagi.',
  },
  area_no_match: {
    en: 'I found no article under "{area}" that fits. Describe the problem in your own words and I will look again, or let an agent help:',
    id: 'Saya belum menemukan artikel yang cocok di bagian "{area}". Ceritakan masalahnya dengan kata-kata Anda sendiri, nanti saya carikan lagi, atau minta bantuan petugas:',
  },
  form_article: {
    en: 'KB article that solved it (id, optional: teaches the bot this question)',
    id: 'Artikel KB yang menyelesaikannya (id, opsional: mengajari bot pertanyaan ini)',
  },
  refused_unknown_article: {
    en: 'There is no KB article with the id "{id}"; nothing was changed.',
    id: 'Tidak ada artikel KB dengan id "{id}"; tidak ada yang diubah.',
  },
  help: {
    en: 'Ask me an IT question in your own words. You can also write "my tickets", "status IT-1234" or "cancel IT-1234" (agents: "queue").',
    id: 'Tanyakan masalah IT Anda dengan kata-kata sendiri. Anda juga bisa menulis "tiket saya", "status IT-1234", atau "batal IT-1234" (petugas: "antrean").',
  },
  answer_intro: { en: 'This article should help:', id: 'Artikel ini seharusnya membantu:' },
  answer_question: { en: 'Did this solve it?', id: 'Apakah ini menyelesaikan masalah Anda?' },
  answer_more: { en: 'Full article: {title}', id: 'Artikel lengkap: {title}' },
  btn_solved: { en: 'Solved', id: 'Sudah beres' },
  btn_need_help: { en: 'Still need help', id: 'Masih butuh bantuan' },
  solved_reply: {
    en: "Great, glad that helped! I'll be here if anything else comes up.",
    id: 'Syukurlah, senang bisa membantu! Saya siap kalau ada masalah lain.',
  },
  no_answer: {
    en: "I couldn't find an article that fits, so let's get a person on it: open a ticket, and a few details about the problem help the agent start.",
    id: 'Saya belum menemukan artikel yang cocok, jadi saya hubungkan dengan petugas: buat tiket, dan beberapa detail tentang masalahnya membantu petugas memulai.',
  },
  need_help_reply: {
    en: "Sorry that didn't solve it. Open a ticket and an agent will take it from here; a few details about the problem help them start.",
    id: 'Maaf belum berhasil. Buat tiket dan petugas akan melanjutkannya; beberapa detail tentang masalahnya membantu petugas memulai.',
  },
  form_category: { en: 'What is it about?', id: 'Tentang apa?' },
  form_impact: { en: 'Who is affected?', id: 'Siapa yang terdampak?' },
  form_urgency: { en: 'How urgent is it?', id: 'Seberapa mendesak?' },
  form_details: {
    en: 'Anything else the agent should know (error messages, what you tried)?',
    id: 'Ada info lain untuk petugas (pesan error, apa yang sudah dicoba)?',
  },
  btn_open_ticket: { en: 'Open ticket', id: 'Buat tiket' },
  impact_me: { en: 'Just me', id: 'Hanya saya' },
  impact_team: { en: 'My team', id: 'Tim saya' },
  impact_many: { en: 'Many people / the whole office', id: 'Banyak orang / seluruh kantor' },
  urgency_blocked: { en: "I can't work at all", id: 'Saya sama sekali tidak bisa bekerja' },
  urgency_degraded: { en: 'I can work, but it is hard', id: 'Masih bisa bekerja, tapi terganggu' },
  urgency_low: { en: 'It can wait', id: 'Bisa menunggu' },
  category_account: { en: 'Account / password / MFA', id: 'Akun / password / MFA' },
  category_email: { en: 'Email / calendar', id: 'Email / kalender' },
  category_network: { en: 'Network / VPN / Wi-Fi', id: 'Jaringan / VPN / Wi-Fi' },
  category_hardware: { en: 'Laptop / hardware', id: 'Laptop / perangkat keras' },
  category_software: { en: 'Software / licences', id: 'Software / lisensi' },
  category_printing: { en: 'Printing / scanning', id: 'Printer / scan' },
  category_security: { en: 'Security / phishing', id: 'Keamanan / phishing' },
  category_other: { en: 'Something else', id: 'Lainnya' },
  // The words around every channel's form fields (Slack modals, Teams cards, the console).
  form_choose: { en: 'Choose…', id: 'Pilih…' },
  form_cancel: { en: 'Cancel', id: 'Batal' },
  form_required: { en: 'Please fill this in.', id: 'Mohon diisi.' },
  form_sent: { en: '{action}: sent', id: '{action}: terkirim' },
  ticket_opened: {
    en: 'Ticket {key} is open ({priority}). An agent will reply right here; anything you write to me now goes to them.',
    id: 'Tiket {key} sudah dibuat ({priority}). Petugas akan membalas di sini; semua yang Anda tulis sekarang akan diteruskan ke petugas.',
  },
  ticket_claimed: { en: '{agent} is now handling {key}.', id: '{agent} sekarang menangani {key}.' },
  agent_says: { en: '{agent} (IT support):', id: '{agent} (dukungan IT):' },
  relayed_marker: { en: 'Sent to {requester}', id: 'Terkirim ke {requester}' },
  note_marker: {
    en: 'Internal note: not sent to the requester',
    id: 'Catatan internal: tidak dikirim ke pemohon',
  },
  requester_says: { en: '{requester} (requester):', id: '{requester} (pemohon):' },
  // An agent's form sent after the ticket moved on: what they typed is kept as an internal note.
  kept_agent_text: {
    en: '{agent} (internal note, from a form that came too late):',
    id: '{agent} (catatan internal, dari formulir yang terlambat):',
  },
  refused_kept_note: {
    en: 'What you wrote is kept as an internal note in the thread.',
    id: 'Tulisan Anda disimpan sebagai catatan internal di utas.',
  },
  waiting_on_you: {
    en: '{agent} is waiting for your reply on {key}. The clock is paused until you answer here.',
    id: '{agent} menunggu balasan Anda untuk {key}. Waktu layanan dihentikan sementara sampai Anda membalas di sini.',
  },
  escalated_requester: {
    en: '{key} has been passed to our L{level} agents. They will reply here.',
    id: '{key} diteruskan ke petugas L{level}. Mereka akan membalas di sini.',
  },
  escalated_thread: {
    en: 'Escalated to L{level}: {reason}',
    id: 'Dieskalasi ke L{level}: {reason}',
  },
  sent_back_thread: {
    en: 'Sent back to L{level} by {agent}: {note}',
    id: 'Dikembalikan ke L{level} oleh {agent}: {note}',
  },
  resolved_requester: {
    en: '{key} was resolved by {agent}: {summary}\nIs it working for you?',
    id: '{key} diselesaikan oleh {agent}: {summary}\nApakah sudah berfungsi?',
  },
  btn_confirm: { en: 'Yes, all good', id: 'Ya, sudah beres' },
  btn_reopen: { en: 'Reopen', id: 'Buka lagi' },
  csat_question: {
    en: 'How happy are you with the help on {key}? (1 = poor, 5 = great)',
    id: 'Seberapa puas Anda dengan bantuan untuk {key}? (1 = buruk, 5 = sangat baik)',
  },
  csat_thanks: {
    en: 'Thank you for rating {key}: {score}/5.',
    id: 'Terima kasih atas penilaian Anda untuk {key}: {score}/5.',
  },
  form_reopen_reason: {
    en: 'What is still not working?',
    id: 'Apa yang masih belum berfungsi?',
  },
  closed_requester: { en: '{key} is closed. Thanks!', id: '{key} ditutup. Terima kasih!' },
  reopened_requester: {
    en: '{key} is open again; the agent will pick it up here.',
    id: '{key} dibuka kembali; petugas akan melanjutkan di sini.',
  },
  reopened_thread: {
    en: 'Reopened by the requester: {reason}',
    id: 'Dibuka kembali oleh pemohon: {reason}',
  },
  cancelled_requester: { en: '{key} is cancelled.', id: '{key} dibatalkan.' },
  cancelled_thread: { en: 'Cancelled by the requester.', id: 'Dibatalkan oleh pemohon.' },
  // A used button's message, updated in place: its buttons give way to what was chosen.
  chosen_solved: { en: '✓ Solved, thanks', id: '✓ Sudah beres, terima kasih' },
  chosen_need_help: { en: '✓ Still need help', id: '✓ Masih butuh bantuan' },
  chosen_pick: { en: '✓ You picked: {choice}', id: '✓ Pilihan Anda: {choice}' },
  chosen_ticket: { en: '✓ Ticket {key} opened', id: '✓ Tiket {key} dibuat' },
  chosen_confirmed: { en: '✓ Closed, thanks', id: '✓ Ditutup, terima kasih' },
  chosen_reopened: { en: '✓ Reopened', id: '✓ Dibuka kembali' },
  chosen_rated: { en: '✓ Rated {score}/5', id: '✓ Dinilai {score}/5' },
  chosen_follow_up: { en: '✓ Follow-up ticket {key} opened', id: '✓ Tiket lanjutan {key} dibuat' },
  // A form sent from an out-of-date button: what was typed still reaches a ticket.
  added_to_ticket: {
    en: 'I added what you wrote to {key} ({status}, L{level}); the agents see it there.',
    id: 'Tulisan Anda sudah saya tambahkan ke {key} ({status}, L{level}); petugas bisa melihatnya di sana.',
  },
  follow_up_opened: {
    en: '{old} can no longer be reopened, so I opened {key} ({priority}) to follow it up, with what you wrote. An agent will reply right here; anything you write to me now goes to them.',
    id: '{old} sudah tidak bisa dibuka lagi, jadi saya buatkan tiket lanjutan {key} ({priority}) berisi tulisan Anda. Petugas akan membalas di sini; semua yang Anda tulis sekarang akan diteruskan ke petugas.',
  },
  follow_up_thread: {
    en: 'The requester asked to reopen this ticket after it could no longer be reopened; it continues as {key}: {reason}',
    id: 'Pemohon ingin membuka kembali tiket ini setelah tidak bisa dibuka lagi; dilanjutkan sebagai {key}: {reason}',
  },
  card_follow_up_of: { en: 'Follow-up of', id: 'Lanjutan dari' },
  queue_heading: { en: 'L{level} queue ({count}):', id: 'Antrean L{level} ({count}):' },
  queue_empty: { en: 'The L{level} queue is empty.', id: 'Antrean L{level} kosong.' },
  queue_not_agent: {
    en: 'The queue is for service-desk agents; "my tickets" lists yours.',
    id: 'Antrean hanya untuk petugas helpdesk; "tiket saya" menampilkan tiket Anda.',
  },
  my_tickets_none: { en: 'You have no tickets.', id: 'Anda belum punya tiket.' },
  my_tickets: { en: 'Your tickets:', id: 'Tiket Anda:' },
  ticket_status: {
    en: '{key}: {status}, level {level}, {assignee}',
    id: '{key}: {status}, level {level}, {assignee}',
  },
  unassigned: { en: 'not yet assigned', id: 'belum ada petugas' },
  assigned_to: { en: 'handled by {agent}', id: 'ditangani {agent}' },
  status_open: { en: 'waiting for an agent', id: 'menunggu petugas' },
  status_claimed: { en: 'in progress', id: 'sedang dikerjakan' },
  status_waiting_on_requester: { en: 'waiting for your reply', id: 'menunggu balasan Anda' },
  status_resolved: { en: 'resolved', id: 'selesai' },
  status_closed: { en: 'closed', id: 'ditutup' },
  status_cancelled: { en: 'cancelled', id: 'dibatalkan' },
  ticket_not_found: {
    en: "I can't find ticket {key} among yours.",
    id: 'Saya tidak menemukan tiket {key} milik Anda.',
  },
  refused_not_agent: {
    en: 'Only L{level} agents can do that on this ticket.',
    id: 'Hanya petugas L{level} yang bisa melakukan itu pada tiket ini.',
  },
  refused_not_requester: {
    en: 'Only the person who opened {key} can do that.',
    id: 'Hanya pembuat {key} yang bisa melakukan itu.',
  },
  refused_stale: {
    en: 'That button is out of date: {key} is now {status} at L{level}.',
    id: 'Tombol itu sudah kedaluwarsa: {key} sekarang {status} di L{level}.',
  },
  refused_stale_l0: {
    en: 'That button is out of date. Ask me again and I will look it up afresh.',
    id: 'Tombol itu sudah kedaluwarsa. Tanyakan lagi dan saya carikan ulang.',
  },
  refused_stale_l0_ticket: {
    en: 'That button is out of date: your question is now ticket {key} ({status}, L{level}). Write here to add to it.',
    id: 'Tombol itu sudah kedaluwarsa: pertanyaan Anda sekarang tiket {key} ({status}, L{level}). Tulis di sini untuk menambahkan.',
  },
  refused_lowest_level: {
    en: 'L1 is the first level; {key} cannot be sent back further.',
    id: 'L1 adalah level pertama; {key} tidak bisa dikembalikan lagi.',
  },
  refused_already_rated: {
    en: 'You already rated {key}. Thank you!',
    id: 'Anda sudah menilai {key}. Terima kasih!',
  },
  refused_claimed: {
    en: '{key} is already being handled by {agent}.',
    id: '{key} sudah ditangani oleh {agent}.',
  },
  refused_top_level: {
    en: 'L3 is the top level; {key} cannot go higher.',
    id: 'L3 adalah level tertinggi; {key} tidak bisa dieskalasi lagi.',
  },
  refused_reopen_window: {
    en: '{key} was resolved too long ago to reopen; please describe the problem again for a new ticket.',
    id: '{key} sudah terlalu lama selesai untuk dibuka lagi; silakan jelaskan masalahnya lagi untuk tiket baru.',
  },
  refused_input: { en: 'Please fill in: {fields}.', id: 'Mohon isi: {fields}.' },
  not_relayed_old_level: {
    en: '{key} is now at L{level}; replies in this thread are not sent to the requester.',
    id: '{key} sekarang di L{level}; balasan di utas ini tidak dikirim ke pemohon.',
  },
  not_relayed_not_agent: {
    en: 'Only L{level} agents can reply to the requester; your message stays in this thread.',
    id: 'Hanya petugas L{level} yang bisa membalas pemohon; pesan Anda tetap di utas ini.',
  },
  not_relayed_closed: {
    en: '{key} is {status}; replies are not sent to the requester.',
    id: '{key} berstatus {status}; balasan tidak dikirim ke pemohon.',
  },
  // The reason stays in the log: it is written for developers, in English.
  error_invalid_input: {
    en: "Sorry, I couldn't read that. Please try again.",
    id: 'Maaf, saya tidak bisa membaca itu. Silakan coba lagi.',
  },
  error_not_found: {
    en: 'Sorry, I could not find that ticket any more.',
    id: 'Maaf, tiket itu tidak ditemukan lagi.',
  },
  error_other: {
    en: 'Sorry, that did not work. Please try again; if it keeps failing, tell the service desk.',
    id: 'Maaf, itu tidak berhasil. Silakan coba lagi; jika terus gagal, hubungi service desk.',
  },
  requester_unreachable: {
    en: '⚠ {key}: a message to the requester could not be delivered after several tries. Please reach them another way.',
    id: '⚠ {key}: pesan untuk pelapor gagal terkirim setelah beberapa kali dicoba. Mohon hubungi pelapor lewat cara lain.',
  },
  agents_unreachable: {
    en: "Your ticket {key} is recorded, but I could not reach the IT team's channel after several tries. They will see it in their queue; if it is urgent, please call the service desk.",
    id: 'Tiket {key} Anda sudah tercatat, tetapi saya gagal menghubungi kanal tim IT setelah beberapa kali mencoba. Tiket tetap ada di antrean mereka; jika mendesak, silakan telepon service desk.',
  },
  event_failed: {
    en: 'Sorry, something went wrong while handling your last message and I had to give up on it. Please send it again.',
    id: 'Maaf, terjadi kesalahan saat memproses pesan terakhir Anda sehingga tidak bisa saya lanjutkan. Silakan kirim ulang.',
  },
  store_down: {
    en: "Sorry, I can't reach my database right now, so what you just sent is not recorded yet. Slack or Teams will deliver it to me again shortly; if you get no answer in a few minutes, please send it again.",
    id: 'Maaf, database saya sedang tidak bisa dihubungi sehingga pesan Anda belum tercatat. Slack atau Teams akan mengirimkannya ulang sebentar lagi; jika dalam beberapa menit belum ada jawaban, silakan kirim ulang.',
  },
  sla_warning: {
    en: 'SLA warning: {clock} for {key} is due {due}.',
    id: 'Peringatan SLA: {clock} untuk {key} jatuh tempo {due}.',
  },
  sla_breach: {
    en: 'SLA breached: {clock} for {key} was due {due}.',
    id: 'SLA terlewati: {clock} untuk {key} jatuh tempo {due}.',
  },
  clock_first_response: { en: 'first response', id: 'respons pertama' },
  clock_resolution: { en: 'resolution', id: 'penyelesaian' },
  // Ticket card
  card_title: { en: '{key} · {priority} · L{level}', id: '{key} · {priority} · L{level}' },
  card_requester: { en: 'Requester', id: 'Pemohon' },
  card_status: { en: 'Status', id: 'Status' },
  card_owner: { en: 'Owner', id: 'Petugas' },
  card_category: { en: 'Category', id: 'Kategori' },
  card_sla: { en: 'SLA', id: 'SLA' },
  card_sla_value: {
    en: 'first response by {firstResponse}, resolution by {resolution}',
    id: 'respons pertama {firstResponse}, selesai {resolution}',
  },
  card_sla_paused: { en: 'paused (waiting on requester)', id: 'dihentikan (menunggu pemohon)' },
  card_question: { en: 'Question', id: 'Pertanyaan' },
  card_l0: { en: 'L0 suggested', id: 'Saran L0' },
  card_l0_none: { en: 'no article matched', id: 'tidak ada artikel yang cocok' },
  card_l0_feedback_not_solved: {
    en: 'requester said it did not solve it',
    id: 'pemohon bilang tidak menyelesaikan masalah',
  },
  card_details: { en: 'Details', id: 'Detail' },
  card_escalation: {
    en: 'Escalated from L{from}: {reason}\nTried: {tried}',
    id: 'Eskalasi dari L{from}: {reason}\nSudah dicoba: {tried}',
  },
  card_digest: { en: 'Conversation so far', id: 'Percakapan sejauh ini' },
  card_resolution: { en: 'Resolution', id: 'Penyelesaian' },
  card_hint: {
    en: 'Reply in this thread to answer the requester. Start with // or note: for an internal note.',
    id: 'Balas di utas ini untuk menjawab pemohon. Awali dengan // atau note: untuk catatan internal.',
  },
  /** After the mentions of a level's group, on the card of an escalated ticket nobody took yet. */
  ping_needs_you: { en: 'this ticket needs you', id: 'tiket ini membutuhkan Anda' },
  /** One name for each role, wherever a role is named (the console, README). */
  role_employee: { en: 'Employee', id: 'Karyawan' },
  role_agent: { en: 'L{level} agent', id: 'Petugas L{level}' },
  sla_auto_escalated: { en: '(automatic escalation)', id: '(eskalasi otomatis)' },
  btn_claim: { en: 'Claim', id: 'Ambil' },
  btn_escalate: { en: 'Escalate', id: 'Eskalasi' },
  btn_resolve: { en: 'Resolve', id: 'Selesaikan' },
  btn_wait: { en: 'Waiting on requester', id: 'Menunggu pemohon' },
  btn_send_back: { en: 'Send back', id: 'Kembalikan' },
  btn_cancel: { en: 'Cancel ticket', id: 'Batalkan tiket' },
  form_reason: { en: 'Why escalate?', id: 'Alasan eskalasi?' },
  form_tried: { en: 'What was already tried?', id: 'Apa yang sudah dicoba?' },
  form_summary: {
    en: 'Resolution summary (sent to the requester)',
    id: 'Ringkasan penyelesaian (dikirim ke pemohon)',
  },
  form_note: { en: 'Note for the lower level', id: 'Catatan untuk level sebelumnya' },
  btn_draft_article: { en: 'Draft KB article', id: 'Buat draf artikel KB' },
  form_draft_title: { en: 'Article title', id: 'Judul artikel' },
  form_draft_summary: {
    en: 'Summary (the first paragraph, shown first in chat)',
    id: 'Ringkasan (paragraf pertama, ditampilkan pertama di chat)',
  },
  form_draft_questions: {
    en: 'How employees ask it (one a line)',
    id: 'Cara karyawan menanyakannya (satu per baris)',
  },
  form_draft_steps: { en: 'Steps (one a line)', id: 'Langkah-langkah (satu per baris)' },
  form_draft_tags: { en: 'Tags (comma-separated)', id: 'Tag (pisahkan dengan koma)' },
  form_draft_lang: { en: 'Language of the article', id: 'Bahasa artikel' },
  lang_en: { en: 'English', id: 'Bahasa Inggris' },
  lang_id: { en: 'Indonesian', id: 'Bahasa Indonesia' },
  draft_saved: {
    en: 'KB draft "{title}" saved from {key} as {id} ({lang}); `kb drafts export` writes it into the KB.',
    id: 'Draf KB "{title}" dari {key} disimpan sebagai {id} ({lang}); `kb drafts export` menuliskannya ke KB.',
  },
  draft_already_exported: {
    en: 'The KB draft of {key} was already exported; edit the article file instead. Nothing was changed.',
    id: 'Draf KB dari {key} sudah diekspor; ubah file artikelnya saja. Tidak ada yang diubah.',
  },
  // Files and screenshots (a file's name is shown as the person wrote it, never as markup).
  file_refused_too_large: {
    en: 'I could not take {name}: it is larger than {limit}. Please send a smaller file (a screenshot of the error is often enough).',
    id: 'Saya tidak bisa menerima {name}: ukurannya lebih dari {limit}. Kirim file yang lebih kecil (tangkapan layar pesan errornya biasanya cukup).',
  },
  file_refused_empty: {
    en: 'I could not take {name}: the file is empty. Please send it again.',
    id: 'Saya tidak bisa menerima {name}: filenya kosong. Silakan kirim ulang.',
  },
  file_refused_refused_type: {
    en: 'I could not take {name}: files of this type ({type}) are not accepted, for safety. A screenshot or a zip of it is fine.',
    id: 'Saya tidak bisa menerima {name}: jenis file ini ({type}) tidak diterima demi keamanan. Tangkapan layar atau zip-nya boleh.',
  },
  file_refused_forbidden: {
    en: 'I could not take {name}: I am not allowed to open it. Please upload the file itself here instead of sharing a link to it.',
    id: 'Saya tidak bisa menerima {name}: saya tidak diizinkan membukanya. Unggah filenya langsung di sini, jangan tautannya.',
  },
  file_refused_unreadable: {
    en: 'I could not take {name}: it could not be read. Please send it again.',
    id: 'Saya tidak bisa menerima {name}: file tidak dapat dibaca. Silakan kirim ulang.',
  },
  file_kept_ask: {
    en: 'Thanks, I kept {names}. What is not working? Tell me in a few words: I will help, or open a ticket with the file attached.',
    id: 'Terima kasih, {names} sudah saya simpan. Apa yang bermasalah? Ceritakan singkat: saya bantu, atau saya buatkan tiket dengan file terlampir.',
  },
  file_from_requester: {
    en: '{requester} (requester) sent {name} ({size})',
    id: '{requester} (pemohon) mengirim {name} ({size})',
  },
  file_from_agent: {
    en: '{agent} (IT support) sent {name} ({size})',
    id: '{agent} (dukungan IT) mengirim {name} ({size})',
  },
  card_files: { en: 'Files', id: 'File' },
  // The weekly digest to the lead's channel (src/report/digest-message.ts).
  digest_title: {
    en: 'Weekly IT help desk digest: {period}',
    id: 'Ringkasan mingguan helpdesk IT: {period}',
  },
  digest_l0: {
    en: 'Self-help (L0) questions: {questions} asked, {answered} answered, {solved} solved ({rate} of those asked)',
    id: 'Pertanyaan bantuan mandiri (L0): {questions} diajukan, {answered} dijawab, {solved} beres ({rate} dari yang diajukan)',
  },
  digest_tickets: { en: 'Tickets by level', id: 'Tiket per level' },
  digest_level: {
    en: '{received} received, {resolved} resolved, {escalated} escalated',
    id: '{received} masuk, {resolved} diselesaikan, {escalated} dieskalasi',
  },
  digest_l1_within: {
    en: 'L1 resolved {rate} of the tickets it finished: within the {low}-{high} target.',
    id: 'L1 menyelesaikan {rate} dari tiket yang ditanganinya: sesuai target {low}-{high}.',
  },
  digest_l1_below: {
    en: 'L1 resolved {rate} of the tickets it finished: below the {low}-{high} target.',
    id: 'L1 menyelesaikan {rate} dari tiket yang ditanganinya: di bawah target {low}-{high}.',
  },
  digest_l1_above: {
    en: 'L1 resolved {rate} of the tickets it finished: above the {low}-{high} target.',
    id: 'L1 menyelesaikan {rate} dari tiket yang ditanganinya: di atas target {low}-{high}.',
  },
  digest_l1_no_data: {
    en: 'L1 finished no tickets this week (target {low}-{high}).',
    id: 'L1 belum menuntaskan tiket minggu ini (target {low}-{high}).',
  },
  digest_sla_met: {
    en: 'SLA: no target breached; warnings: {warnings}.',
    id: 'SLA: tidak ada target yang terlampaui; peringatan: {warnings}.',
  },
  digest_sla_breached: {
    en: 'SLA breaches: {breaches} ({firstResponse} first response, {resolution} resolution); warnings: {warnings}.',
    id: 'SLA terlampaui: {breaches} ({firstResponse} respons pertama, {resolution} penyelesaian); peringatan: {warnings}.',
  },
  digest_csat: {
    en: 'CSAT: {average} / 5 (ratings: {count}).',
    id: 'CSAT: {average} / 5 (penilaian: {count}).',
  },
  digest_csat_none: {
    en: 'CSAT: no ratings this week.',
    id: 'CSAT: belum ada penilaian minggu ini.',
  },
  digest_gaps: {
    en: 'Top knowledge gaps (questions L0 did not settle):',
    id: 'Celah pengetahuan teratas (pertanyaan yang tidak tuntas di L0):',
  },
  digest_gaps_none: {
    en: 'No knowledge gaps: L0 settled every question.',
    id: 'Tidak ada celah pengetahuan: semua pertanyaan tuntas di L0.',
  },
  digest_dashboard: { en: 'Dashboard: {url}', id: 'Dasbor: {url}' },
  ticket_from_message: {
    en: '{asker} asked IT to look at a message of yours, so I opened ticket {key} ({priority}) for you with it. An agent will reply right here; anything you write to me now goes to them. Type "status {key}" to see where it stands.',
    id: '{asker} meminta IT melihat pesan Anda, jadi saya buatkan tiket {key} ({priority}) untuk Anda dari pesan itu. Petugas akan membalas di sini; semua yang Anda tulis sekarang akan diteruskan ke petugas. Ketik "status {key}" untuk melihat perkembangannya.',
  },
  ticket_from_message_added: {
    en: '{asker} asked IT to look at a message of yours: I added it to your open ticket {key}, where the agents see it.',
    id: '{asker} meminta IT melihat pesan Anda: pesan itu saya tambahkan ke tiket Anda yang masih terbuka, {key}, dan petugas bisa melihatnya di sana.',
  },
  ticket_from_message_asker_opened: {
    en: 'Ticket {key} is open for {author} with that message; they were told privately.',
    id: 'Tiket {key} sudah dibuat untuk {author} dari pesan itu; yang bersangkutan sudah diberi tahu secara pribadi.',
  },
  ticket_from_message_asker_added: {
    en: 'That message was added to the open ticket of {author}, {key}.',
    id: 'Pesan itu sudah ditambahkan ke tiket {author} yang masih terbuka, {key}.',
  },
  ticket_from_message_exists: {
    en: 'That message already has a ticket: {key} ({status}). Nothing new was opened.',
    id: 'Pesan itu sudah punya tiket: {key} ({status}). Tidak ada tiket baru yang dibuat.',
  },
  ticket_from_message_unreadable: {
    en: 'I cannot read that message (I am not in that channel, or I may not see it), so no ticket was opened. Add me to the channel and try again.',
    id: 'Saya tidak bisa membaca pesan itu (saya tidak ada di kanal itu, atau tidak boleh melihatnya), jadi tidak ada tiket yang dibuat. Tambahkan saya ke kanal itu lalu coba lagi.',
  },
  // Reminders and auto-close (ticket-timers.ts), counted in business hours.
  remind_requester: {
    en: 'Reminder: {key} is waiting for your answer. Just reply here and it goes to the agent. If I hear nothing, the ticket closes {closeAt}.',
    id: 'Pengingat: {key} menunggu jawaban Anda. Cukup balas di sini, pesan Anda diteruskan ke petugas. Jika tidak ada jawaban, tiket ditutup {closeAt}.',
  },
  remind_requester_open: {
    en: 'Reminder: {key} is waiting for your answer. Just reply here and it goes to the agent.',
    id: 'Pengingat: {key} menunggu jawaban Anda. Cukup balas di sini, pesan Anda diteruskan ke petugas.',
  },
  reminded_thread: {
    en: 'Reminder sent to the requester (no answer for {hours} business hours).',
    id: 'Pengingat dikirim ke pemohon (belum ada jawaban selama {hours} jam kerja).',
  },
  closed_no_reply_requester: {
    en: '{key} is closed because I did not hear back from you. Still need help? Press Reopen and say what is still wrong.',
    id: '{key} ditutup karena belum ada jawaban dari Anda. Masih butuh bantuan? Tekan Buka lagi dan ceritakan apa yang masih bermasalah.',
  },
  closed_resolved_requester: {
    en: '{key} is closed: it was resolved and I did not hear back from you. Still not working? Press Reopen and say what is wrong.',
    id: '{key} ditutup: tiket sudah diselesaikan dan belum ada kabar dari Anda. Masih bermasalah? Tekan Buka lagi dan ceritakan masalahnya.',
  },
  closed_no_reply_thread: {
    en: 'Closed automatically: the requester did not answer within {hours} business hours.',
    id: 'Ditutup otomatis: pemohon tidak menjawab dalam {hours} jam kerja.',
  },
  closed_resolved_thread: {
    en: 'Closed automatically: the requester neither confirmed nor reopened the resolution within {hours} business hours.',
    id: 'Ditutup otomatis: pemohon tidak mengonfirmasi atau membuka kembali penyelesaian dalam {hours} jam kerja.',
  },
  closed_reason_confirmed: { en: 'confirmed by the requester', id: 'dikonfirmasi pemohon' },
  closed_reason_cancelled: { en: 'cancelled by the requester', id: 'dibatalkan pemohon' },
  closed_reason_auto_no_reply: {
    en: 'closed automatically: no reply',
    id: 'ditutup otomatis: tidak ada jawaban',
  },
  closed_reason_auto_resolved: {
    en: 'closed automatically: resolution not confirmed',
    id: 'ditutup otomatis: penyelesaian tidak dikonfirmasi',
  },
  card_closed_reason: { en: 'Closed', id: 'Ditutup' },
  // A ticket opened while the desk is closed (evening, weekend, holiday): when people will see it.
  hours_notice: {
    en: 'The IT desk is closed right now and opens {opens}. Expect a first response by {due}.',
    id: 'Layanan IT sedang tutup dan buka kembali {opens}. Tanggapan pertama paling lambat {due}.',
  },
} as const satisfies MessageTable;

export type MessageKey = keyof typeof CATALOG;
