import type { OffTopicArea } from '../../core/ports/knowledge-base';

/**
 * Bilingual (English / Indonesian) vocabulary of a general IT service desk, compiled by lexicon.ts.
 *
 * - CONCEPTS: every way of saying one thing, in both languages (formal, chat, abbreviations,
 *   loanwords as Indonesians spell them, frequent typos), mapped to one shared key so that an
 *   Indonesian question finds an English article and the reverse. A term belongs to exactly one
 *   concept, and one sense: a word whose everyday senses differ ("hp" is a phone in chat but also a
 *   printer and laptop brand; "AC" the air conditioning but also an AC adapter) gets phrases for the
 *   other senses ("printer hp", "ac adapter"), and a word with no dominant sense stays a plain word.
 *   kind 'offtopic' marks things a service desk does not handle (salary, leave, canteen...), with the
 *   area that does (facilities, hr, general): a question using one is refused unless the best
 *   article itself mentions it, so offtopic terms are kept as specific as possible (a word that is
 *   often mere context in an IT question, such as "holiday" in "after my holiday my password
 *   expired", is caught by a phrase of the IT concept 'absence' instead).
 * - SLANG: chat spellings and abbreviations (single tokens) -> their standard word(s). Applied to
 *   every token before anything else, so concept phrases and small talk are written in the
 *   standard (post-slang) form, and a slang key never needs to be a concept term.
 * - STOPWORDS: function words and chat fillers of both languages that carry no topic. Concept terms
 *   and phrases are matched before stopwords are dropped, so phrases may contain stopwords
 *   ('log in', 'out of office', 'atur ulang').
 * - SMALL_TALK: words and phrases that make a message small talk when nothing else is in it.
 *
 * Phrases never span punctuation ("laptop, HP" is a list of two things). Terms are base forms: the
 * analyzer strips Indonesian affixes (me-, di-, ter-, ber-, ke-, nge-, -kan, -i, -an, -nya, -ku,
 * -mu, -lah, -kah) and English inflections itself ("printing" is a form of "print"; "activity" is
 * not one of "activate", though Porter stems them alike). Derived or informal forms are listed only
 * where stripping cannot recover the root (ngirim, nyambung, benerin, matiin) or would land on
 * another concept (pembaruan -> baru, masukkan -> masuk).
 */

export interface ConceptEntry {
  readonly key: string;
  readonly kind: 'it' | 'action' | 'problem' | 'offtopic';
  readonly terms: readonly string[];
  /**
   * Off-topic concepts only: who handles the subject instead of IT. 'facilities': canteen and food,
   * rooms and their booking, buildings, parking, air conditioning, cleaning, reception, office
   * supplies; 'hr': leave, pay, reimbursement, benefits, attendance, hiring, appraisal; 'general':
   * anything else (sport, weather, news, holidays, transport, shopping...).
   */
  readonly area?: OffTopicArea;
}

type Kind = Exclude<ConceptEntry['kind'], 'offtopic'>;

/** Comma-separated terms; each term may be a multi-word phrase. */
function list(terms: string): readonly string[] {
  return Object.freeze(
    terms
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t.length > 0),
  );
}

function concept(key: string, kind: Kind, terms: string): ConceptEntry {
  return Object.freeze({ key, kind, terms: list(terms) });
}

/** A subject the IT service desk does not handle, with the area that does. */
function offtopic(key: string, area: OffTopicArea, terms: string): ConceptEntry {
  return Object.freeze({ key, kind: 'offtopic', area, terms: list(terms) });
}

export const CONCEPTS: readonly ConceptEntry[] = Object.freeze([
  // ---------------------------------------------------------------- accounts and sign-in
  concept(
    'password',
    'it',
    'password, passcode, pasword, passowrd, passord, pssword, passwrod, sandi, kata sandi, katasandi, kata kunci, kata sandinya',
  ),
  concept('pin', 'it', 'pin, kode pin, pin code, nomor pin'),
  concept(
    'username',
    'it',
    'username, user name, user id, userid, nama pengguna, id pengguna, login id, login name, nama user, upn',
  ),
  concept(
    'employeeid',
    'it',
    'employee id, employee number, staff id, nik, nip, nomor induk karyawan, nomor induk pegawai, id karyawan, nomor karyawan',
  ),
  concept('user', 'it', 'user, pengguna, pemakai, end user, enduser, usr'),
  concept('account', 'it', 'account, akun, acount, accout, accnt, akunnya'),
  concept(
    'login',
    'action',
    'login, log in, logon, log on, logged in, logging in, logs in, sign in, signin, signed in, signing in, masuk, loggin, lgoin, longin, ngelogin, relogin, re login, login ulang, masuk ulang, log masuk, sign in again',
  ),
  concept(
    'logout',
    'action',
    'logout, log out, logged out, logging out, logoff, log off, logged off, sign out, signout, signed out, signing out, sign off, keluar akun, keluar dari akun, ngelogout, log keluar',
  ),
  concept(
    'locked',
    'problem',
    'locked, lock, lockout, locked out, lock out, terkunci, kekunci, kelock, kena lock, ngelock, mengunci, dikunci, kunci, terlock',
  ),
  concept(
    'blocked',
    'problem',
    'blocked, block, blokir, diblokir, terblokir, keblokir, blok, diblok, keblok, ngeblok, ngeblock, memblokir, blokirin, banned, blacklist, blacklisted, daftar hitam',
  ),
  concept('unlock', 'action', 'unlock, buka kunci, membuka kunci, dibuka kuncinya, bukain kunci'),
  concept(
    'unblock',
    'action',
    'unblock, buka blokir, membuka blokir, dibuka blokirnya, whitelist, whitelisting, allowlist, allow list, white list, unblokir, bukain blokir',
  ),
  concept(
    'denied',
    'problem',
    'denied, deny, access denied, ditolak, tolak, menolak, rejected, reject, forbidden, unauthorized, unauthorised, not authorized, not authorised, not allowed, tidak diizinkan, tidak boleh, tidak punya akses, tidak ada akses, no access, 401, 403',
  ),
  concept('forget', 'problem', 'forget, forgot, forgotten, lupa, kelupaan, lupain, terlupa'),
  concept(
    'reset',
    'action',
    'reset, atur ulang, setel ulang, ngereset, direset, mereset, resetin, reseting, resett',
  ),
  concept(
    'expire',
    'problem',
    'expire, expired, expiry, expiration, kedaluwarsa, kadaluarsa, kadaluwarsa, kedaluarsa, kdaluarsa, daluwarsa, expaired, masa berlaku, masa berlaku habis, habis masa berlaku, lewat masa berlaku, masa aktif, habis masa aktif, out of date',
  ),
  concept(
    'mfa',
    'it',
    'mfa, 2fa, two factor, 2 factor, multi factor, multifactor, two step, 2 step, 2sv, two step verification, 2 step verification, verifikasi dua langkah, verifikasi 2 langkah, autentikasi dua faktor, otentikasi dua faktor, autentikasi multifaktor, dua faktor, 2 faktor, authenticator, authenticator app, microsoft authenticator, google authenticator, aplikasi authenticator, autentikator, otentikator, duo mobile, mfa push, push mfa, mfa request, mfa prompt, number matching',
  ),
  concept(
    'otp',
    'it',
    'otp, kode otp, one time password, one time code, one time passcode, verification code, kode verifikasi, security code, kode keamanan, sms code, kode sms, totp',
  ),
  concept(
    'token',
    'it',
    'token, hard token, soft token, hardware token, security key, kunci keamanan, yubikey, fido, fido2, passkey, smart card, smartcard',
  ),
  concept('code', 'it', 'code, kode'),
  concept(
    'verify',
    'action',
    'verify, verification, verifikasi, memverifikasi, authenticate, authentication, autentikasi, otentikasi, auth, validasi, validate, validation, memvalidasi',
  ),
  concept(
    'confirm',
    'action',
    'confirm, confirmation, konfirmasi, konfirm, mengkonfirmasi, dikonfirmasi',
  ),
  concept('sso', 'it', 'sso, single sign on, saml, oauth, okta, onelogin'),
  concept(
    'directory',
    'it',
    'active directory, azure ad, azure active directory, aad, entra, entra id, microsoft entra, ldap',
  ),
  concept('domain', 'it', 'domain, join domain, domain controller, workgroup'),
  concept(
    'permission',
    'it',
    'permission, izin, hak akses, privilege, otorisasi, authorization, authorisation, wewenang, kewenangan, access rights, allow, izinkan, mengizinkan, diizinkan, perbolehkan, diperbolehkan, role, peran, read only, hanya baca, write access, edit access, full access, full control, owner, pemilik',
  ),
  concept(
    'access',
    'it',
    'access, akses, aksess, acces, acess, accses, mengakses, diakses, ngakses, aksesin',
  ),
  concept(
    'admin',
    'it',
    'admin, administrator, adminitrator, hak admin, admin rights, admin right, local admin, admin lokal, elevated, elevation, run as administrator, run as admin, sudo, superuser',
  ),
  concept('profile', 'it', 'profile, profil, user profile, profil pengguna'),
  concept('name', 'it', 'name, nama, display name, nama tampilan, full name, nama lengkap'),
  concept(
    'rename',
    'action',
    'rename, ganti nama, ubah nama, mengganti nama, mengubah nama, change name, change my name, renamein, namai ulang',
  ),
  concept('group', 'it', 'group, grup, security group, kelompok'),
  concept(
    'mailinglist',
    'it',
    'distribution list, distribution group, mailing list, milis, email group, grup email, dl, dist list',
  ),
  concept('guest', 'it', 'guest, tamu, guest account, akun tamu'),
  concept('visitor', 'it', 'visitor, pengunjung'),
  concept(
    'biometric',
    'it',
    'biometric, biometrik, fingerprint, finger print, sidik jari, face id, face recognition, pengenalan wajah, windows hello, touch id',
  ),
  concept(
    'passwordmanager',
    'it',
    'password manager, pengelola kata sandi, pengelola password, bitwarden, lastpass, 1password, keepass, keeper',
  ),
  concept(
    'recoveryinfo',
    'it',
    'security question, pertanyaan keamanan, recovery email, email pemulihan, recovery phone, nomor pemulihan, nomor telepon pemulihan, security info, info keamanan',
  ),
  concept('session', 'it', 'session, sesi, sessions'),
  concept(
    'absence',
    'it',
    'on leave, on holiday, on vacation, after leave, after holiday, after vacation, after the holidays, back from leave, back from holiday, back from vacation, while on leave, during my leave, during my vacation, setelah cuti, habis cuti, selesai cuti, pulang cuti, balik cuti, kembali dari cuti, sedang cuti, lagi cuti, saat cuti, selama cuti, setelah libur, habis libur, selesai libur, selama libur, saat libur, libur panjang, setelah lebaran, habis lebaran, selama lebaran, sedang sakit, lagi sakit, lama tidak login, lama tidak dipakai, long time no login, pas cuti, waktu cuti, pas libur, waktu libur, during the holidays, over the holidays, on annual leave, on maternity leave, on sick leave, on parental leave',
  ),
  concept(
    'lockscreen',
    'it',
    'lock screen, lockscreen, layar kunci, kunci layar, screen lock, layar terkunci, screensaver, screen saver',
  ),
  concept(
    'delegate',
    'it',
    'delegate, delegasi, delegation, akses delegasi, send on behalf, send as, atas nama',
  ),

  // ---------------------------------------------------------------- people and the service desk
  concept(
    'employee',
    'it',
    'employee, karyawan, pegawai, staff, staf, worker, personnel, personel, colleague, coworker, co worker, rekan, rekan kerja, teman kantor, teman kerja, teman, temen',
  ),
  concept(
    'onboarding',
    'it',
    'onboarding, onboard, on boarding, new hire, new employee, new joiner, joiner, new starter, karyawan baru, pegawai baru, staff baru, staf baru, anak baru, orang baru, first day, hari pertama, hari pertama kerja, baru bergabung, baru join',
  ),
  concept(
    'offboarding',
    'it',
    'offboarding, off boarding, resign, resignation, mengundurkan diri, undur diri, pengunduran diri, leaver, last day, hari terakhir, hari terakhir kerja, berhenti kerja, keluar kerja, keluar perusahaan, keluar dari perusahaan, termination, terminated, phk, dipecat, pecat, end of contract, kontrak habis, kontrak berakhir, leaving the company, leave the company, left the company',
  ),
  concept(
    'contractor',
    'it',
    'contractor, kontraktor, vendor, outsource, outsourcing, pihak ketiga, third party, freelancer, freelance, konsultan, consultant',
  ),
  concept('intern', 'it', 'intern, magang, internship, anak magang, trainee, pkl'),
  concept(
    'manager',
    'it',
    'manager, manajer, menejer, atasan, boss, supervisor, spv, line manager, pimpinan, kepala divisi, kadiv, team lead, team leader, leader, direktur, director',
  ),
  concept(
    'department',
    'it',
    'department, departemen, dept, divisi, division, team, tim, unit kerja',
  ),
  concept(
    'helpdesk',
    'it',
    'helpdesk, help desk, service desk, servicedesk, it support, tim it, it team, it department, it dept, bagian it, technician, teknisi, orang it, anak it, support team, tim support, tim helpdesk, it helpdesk',
  ),
  concept(
    'ticket',
    'it',
    'ticket, tiket, incident, insiden, case number, nomor tiket, ticket number, service request, servicenow, nomor kasus',
  ),
  concept(
    'report',
    'action',
    'report, lapor, laporan, melapor, melaporkan, laporkan, pelaporan, dilaporkan, ngelapor',
  ),
  concept(
    'status',
    'it',
    'status, progress, progres, follow up, followup, tindak lanjut, tindaklanjut, perkembangan, eta, sejauh mana',
  ),
  concept(
    'urgent',
    'problem',
    'urgent, urgen, urgently, darurat, emergency, asap, segera, mendesak, penting, important, prioritas, priority, critical, kritis, gawat, buru buru, cepetan',
  ),
  concept(
    'contact',
    'action',
    'contact, kontak, hubungi, menghubungi, dihubungi, reach out, address book, buku alamat, daftar kontak, contact list, gal, global address list',
  ),
  concept(
    'approve',
    'action',
    'approve, approval, approved, persetujuan, setuju, setujui, menyetujui, disetujui, acc, diacc, approver',
  ),
  concept(
    'asset',
    'it',
    'asset, aset, inventaris, inventory, inventori, asset tag, nomor aset, label aset, serial number, nomor seri, sn, equipment, peralatan, perlengkapan',
  ),
  concept(
    'handover',
    'action',
    'handover, hand over, serah terima, serahkan, menyerahkan, diserahkan, return laptop, return device, return equipment, pengembalian, pengembalian aset, pengembalian laptop',
  ),
  concept(
    'borrow',
    'action',
    'borrow, pinjam, meminjam, dipinjam, pinjem, minjem, pinjamin, loan, loaner, peminjaman, spare unit, unit cadangan',
  ),
  concept(
    'replace',
    'action',
    'replace, replacement, pengganti, unit pengganti, tukar, tukar unit, swap, ganti baru, ganti unit',
  ),
  concept(
    'warranty',
    'it',
    'warranty, garansi, klaim garansi, warranty claim, service center, service centre, pusat servis',
  ),
  concept(
    'training',
    'it',
    'training, pelatihan, kursus, course, workshop, sosialisasi, webinar internal',
  ),

  // ---------------------------------------------------------------- email
  concept(
    'email',
    'it',
    'email, e mail, mail, surel, surat elektronik, emaill, gmail, yahoo mail, hotmail, electronic mail, webmail, read receipt, read receipts, delivery receipt',
  ),
  concept(
    'outlook',
    'it',
    'outlook, ms outlook, microsoft outlook, owa, outlook web, outlook web access, outlook web app, outlok, outloook, outlock, new outlook',
  ),
  concept(
    'mailbox',
    'it',
    'mailbox, mail box, kotak surat, inbox, kotak masuk, outbox, kotak keluar, shared mailbox, mailbox bersama, kotak surat bersama, room mailbox, resource mailbox',
  ),
  concept(
    'send',
    'action',
    'send, sent, kirim, ngirim, mengirim, dikirim, terkirim, kirimin, kirimkan, ngirimin, kirim ulang, resend',
  ),
  concept(
    'receive',
    'action',
    'receive, terima, diterima, menerima, nerima, incoming, dapet, recieve, recive, recv, rcv',
  ),
  concept(
    'reply',
    'action',
    'reply, balas, bales, membalas, dibalas, balasan, reply all, balas semua, respond, response, respon, respons',
  ),
  concept(
    'forward',
    'action',
    'forward, fwd, teruskan, meneruskan, diteruskan, forwarding, terusin, auto forward',
  ),
  concept('cc', 'it', 'cc, bcc, carbon copy, tembusan'),
  concept(
    'recall',
    'action',
    'recall, unsend, tarik email, tarik kembali, batal kirim, undo send, recall email',
  ),
  concept(
    'attachment',
    'it',
    'attachment, lampiran, lampirkan, melampirkan, dilampirkan, attach, attached, attachement, atachment, attacment',
  ),
  concept('spam', 'problem', 'spam, junk, junk mail, junk email, email sampah, spammer'),
  concept('quarantine', 'it', 'quarantine, quarantined, karantina, dikarantina'),
  concept(
    'bounce',
    'problem',
    'bounce, bounced, bounceback, bounce back, undeliverable, undelivered, mailer daemon, ndr, non delivery, delivery failure, delivery failed, gagal terkirim, tidak terkirim, mental, email mental',
  ),
  concept(
    'phishing',
    'problem',
    'phishing, phising, pishing, fishing, phish, penipuan, scam, scammer, suspicious, mencurigakan, curiga, fake, palsu, fraud, penipu, tipu, tipuan, hoax, hoaks, spoof, spoofing, spoofed, impersonation, social engineering, rekayasa sosial',
  ),
  concept(
    'signature',
    'it',
    'signature, tanda tangan, tandatangan, ttd, email signature, e signature, esignature, esign, docusign, tanda tangan digital, tanda tangan elektronik, tte, digital signature',
  ),
  concept(
    'outofoffice',
    'it',
    'out of office, ooto, auto reply, autoreply, automatic reply, automatic replies, balasan otomatis, balas otomatis, pesan otomatis, away message, autoresponder, auto responder',
  ),
  concept(
    'archive',
    'it',
    'archive, arsip, pengarsipan, mengarsipkan, diarsipkan, pst, ost, online archive, auto archive, autoarchive',
  ),
  concept('alias', 'it', 'alias, nama alias, email alias, alamat alias'),

  // ---------------------------------------------------------------- calendar, meetings, chat
  concept(
    'calendar',
    'it',
    'calendar, kalender, calender, kalendar, jadwal, schedule, agenda, appointment, janji temu',
  ),
  concept(
    'meeting',
    'it',
    'meeting, rapat, meet, pertemuan, miting, mitting, meting, metting, meetng, conference, konferensi, video conference, vicon, vidcon, video call, videocall, vidcall, panggilan video, conference call, online meeting, meeting online, rapat online, webinar, town hall, townhall',
  ),
  concept('invite', 'action', 'invite, invitation, undangan, undang, mengundang, diundang, inv'),
  concept(
    'book',
    'action',
    'book, booking, reserve, reservation, reservasi, ngebook, ngebooking, dibooking',
  ),
  concept(
    'postpone',
    'action',
    'postpone, reschedule, jadwal ulang, dijadwalkan ulang, ubah jadwal, ganti jadwal, undur, diundur, tunda, ditunda, menunda',
  ),
  concept(
    'teams',
    'it',
    'teams, ms teams, microsoft teams, msteams, ms team, microsoft team, teams room, teams rooms, microsoft teams room, ms teams room',
  ),
  concept('zoom', 'it', 'zoom, zoom meeting, zum, zoom room, zoom rooms'),
  concept('googlemeet', 'it', 'google meet, gmeet, g meet, hangouts, google hangouts'),
  concept('webex', 'it', 'webex, cisco webex'),
  concept('slack', 'it', 'slack, slek'),
  concept(
    'whatsapp',
    'it',
    'whatsapp, wa, whatsapp web, wa web, whatsapp business, wa business, watsap, wasap, whatsap, watsapp, whatapp',
  ),
  concept('telegram', 'it', 'telegram'),
  concept(
    'message',
    'it',
    'message, pesan, msg, sms, dm, direct message, chat, chatting, obrolan, japri, personal message',
  ),
  concept('channel', 'it', 'channel, kanal, saluran'),
  concept(
    'notification',
    'it',
    'notification, notifikasi, notif, alert, pemberitahuan, popup, pop up, warning, peringatan, push notification, push notifications, notifikasi push',
  ),
  concept(
    'presence',
    'it',
    'presence, presence status, status available, status away, appear away, shows away, show as away, stuck on away, status sibuk, busy status, status busy, do not disturb, dnd, jangan ganggu, appear offline, idle',
  ),
  concept(
    'screenshare',
    'action',
    'screen share, share screen, screen sharing, sharescreen, share layar, berbagi layar, bagi layar',
  ),
  concept(
    'recording',
    'it',
    'record, recording, rekam, rekaman, merekam, direkam, recorder, perekam, screen record, screen recording, rekam layar',
  ),
  concept(
    'transcript',
    'it',
    'transcript, transkrip, transcription, transkripsi, caption, live caption, subtitle, notulen',
  ),
  concept(
    'background',
    'it',
    'background, latar belakang, virtual background, blur background, wallpaper, desktop background, latar',
  ),
  concept(
    'call',
    'it',
    'call, telepon, nelpon, menelepon, ditelepon, panggilan, voice call, phone call, panggilan suara, missed call, panggilan tidak terjawab, dial, hang up, angkat telepon',
  ),
  concept('voicemail', 'it', 'voicemail, voice mail, pesan suara, kotak suara'),
  concept(
    'deskphone',
    'it',
    'desk phone, ip phone, telepon meja, telepon kantor, telepon ip, extension, ext, ekstensi, nomor ekstensi, extension number, voip, pabx, pbx, softphone, sip phone, conference phone, speakerphone',
  ),

  // ---------------------------------------------------------------- network and remote access
  concept(
    'network',
    'it',
    'network, jaringan, internet, koneksi, connection, konektivitas, connectivity, networking, konesi, conection, jaringan internet, koneksi internet, network adapter, adapter jaringan, adaptor jaringan, network card, kartu jaringan, nic',
  ),
  concept(
    'wifi',
    'it',
    'wifi, wi fi, wlan, wireless, ssid, wireless network, jaringan nirkabel, nirkabel, hotel wifi, wifi hotel, public wifi, wifi publik, wifi adapter, wireless adapter, adaptor wifi, adapter wifi, usb wifi',
  ),
  concept(
    'hotspot',
    'it',
    'hotspot, hot spot, tethering, tether, thetering, mobile hotspot, personal hotspot',
  ),
  concept('router', 'it', 'router, modem, ruter, access point, ap, acces point, mifi, ont'),
  concept(
    'ethernet',
    'it',
    'ethernet, lan, kabel lan, lan cable, network cable, kabel jaringan, rj45, utp, kabel utp, port lan, lan port, wired, wired connection, koneksi kabel, kabel ethernet, ethernet adapter, lan adapter, usb ethernet, usb lan',
  ),
  concept(
    'vpn',
    'it',
    'vpn, virtual private network, globalprotect, global protect, forticlient, fortinet, anyconnect, cisco anyconnect, openvpn, wireguard, pulse secure, zscaler',
  ),
  concept(
    'ip',
    'it',
    'ip, ip address, alamat ip, ipaddress, dhcp, ipconfig, ip conflict, konflik ip, static ip, ip statis, ipv4, ipv6, subnet, gateway',
  ),
  concept('dns', 'it', 'dns, nslookup, name server, nameserver, dns server, flush dns'),
  concept('proxy', 'it', 'proxy, proksi, pac file, proxy server'),
  concept('firewall', 'it', 'firewall, fire wall'),
  concept(
    'signal',
    'it',
    'signal, sinyal, signyal, coverage, jangkauan, cell reception, phone reception, mobile reception, signal reception, poor reception, bad reception, no reception, weak reception',
  ),
  concept(
    'speed',
    'it',
    'speed, kecepatan, speedtest, speed test, mbps, kbps, fast, cepat, kencang, kenceng, bandwidth, throughput, latency, latensi',
  ),
  concept('offline', 'problem', 'offline, ofline, off line, luring, tidak online'),
  concept(
    'connect',
    'action',
    'connect, connected, connecting, conect, conected, konek, konekin, ngonek, nyambung, sambung, menyambung, tersambung, sambungkan, menyambungkan, nyambungin, sambungin, terhubung, hubung, hubungkan, menghubungkan, dihubungkan, terkoneksi, koneksikan, mengkoneksikan, reconnect, konek ulang, sambung ulang, rekonek',
  ),
  concept(
    'disconnect',
    'problem',
    'disconnect, disconnected, diskonek, dc, putus, terputus, keputus, drop, dropped, dropping, connection lost, lost connection, koneksi hilang, koneksi putus',
  ),
  concept(
    'unstable',
    'problem',
    'unstable, tidak stabil, kurang stabil, intermittent, intermiten, naik turun, hilang timbul, putus nyambung, putus putus, on off, byar pet, byarpet, flaky, kadang nyambung',
  ),
  concept('join', 'action', 'join, gabung, bergabung, ikut, ikutan, joining'),
  concept(
    'remote',
    'it',
    'remote, remote desktop, rdp, mstsc, remote access, akses jarak jauh, akses remote, jarak jauh, anydesk, teamviewer, team viewer, quick assist, remote support, remote control, diremote, remot, ngeremote',
  ),
  concept(
    'vdi',
    'it',
    'vdi, virtual desktop, desktop virtual, citrix, avd, azure virtual desktop, horizon, vmware horizon',
  ),
  concept('vm', 'it', 'vm, virtual machine, mesin virtual, hyper v, virtualbox, vmware'),
  concept(
    'wfh',
    'it',
    'wfh, work from home, working from home, kerja dari rumah, bekerja dari rumah, remote work, remote working, kerja remote, wfa, work from anywhere, kerja dari mana saja, telework',
  ),
  concept(
    'workplace',
    'it',
    'office, kantor, ofis, onsite, on site, headquarters, hq, kantor pusat, kantor cabang, cabang, branch office, wfo, work from office',
  ),
  concept(
    'intranet',
    'it',
    'intranet, portal, web portal, portal karyawan, employee portal, self service portal, portal self service, portal internal, internal portal, it portal, portal it',
  ),
  concept('server', 'it', 'server, srv, server room, ruang server, data center, datacenter'),
  concept(
    'outage',
    'problem',
    'outage, down, gangguan, service down, downtime, sedang down, terganggu, disruption, masalah massal',
  ),
  concept(
    'maintenance',
    'it',
    'maintenance, pemeliharaan, scheduled maintenance, perawatan, maintenance window',
  ),
  concept(
    'poweroutage',
    'problem',
    'power outage, mati lampu, listrik mati, pemadaman, pemadaman listrik, blackout, pln, power cut, padam',
  ),
  concept(
    'mobiledata',
    'it',
    'mobile data, data seluler, paket data, pulsa, roaming, data roaming, data plan, cellular, seluler, 4g, 5g, lte, 3g, kuota internet',
  ),
  concept(
    'airplanemode',
    'it',
    'airplane mode, aeroplane mode, mode pesawat, flight mode, mode terbang',
  ),

  // ---------------------------------------------------------------- devices and hardware
  concept(
    'computer',
    'it',
    'computer, komputer, laptop, pc, notebook, desktop, leptop, laptob, kompi, chromebook, workstation, netbook, ultrabook, laptop hp, hp laptop, notebook hp, hp notebook, pc hp, hp pc, komputer hp, hp elitebook, elitebook, hp probook, probook, hp zbook, zbook, hp pavilion, hp envy, hp spectre, hp victus, thinkpad, lenovo, dell, asus, acer',
  ),
  concept(
    'mac',
    'it',
    'mac, macbook, macos, mac os, osx, os x, imac, macbook pro, macbook air, mac mini',
  ),
  concept(
    'phone',
    'it',
    'phone, handphone, hp, ponsel, smartphone, iphone, android, hand phone, mobile phone, mobile, cellphone, cell phone, telepon genggam, telepon seluler, gawai, ios, smartfon',
  ),
  concept('tablet', 'it', 'tablet, ipad, galaxy tab'),
  concept('device', 'it', 'device, perangkat, devais, gadget, piranti, alat'),
  concept('hardware', 'it', 'hardware, perangkat keras, hw'),
  concept(
    'monitor',
    'it',
    'monitor, layar, screen, display, lcd, external monitor, monitor eksternal, second screen, layar kedua, dual monitor, monitor kedua, skrin, monitr, moniter',
  ),
  concept(
    'projector',
    'it',
    'projector, proyektor, projektor, infocus, beamer, lcd projector, tv, televisi, smart tv, clickshare, chromecast, miracast, screen mirroring, mirroring, mirror, remote proyektor, remote projector, projector remote, remote tv, tv remote',
  ),
  concept(
    'keyboard',
    'it',
    'keyboard, papan ketik, kibod, kibor, keybord, keyboad, keybaord, numpad, keypad',
  ),
  concept(
    'button',
    'it',
    'button, tombol, tuts, spacebar, space bar, tombol spasi, key, keys, caps lock, capslock, num lock, numlock, scroll lock, fn lock, windows key, win key, tombol windows, tombol win',
  ),
  concept(
    'mouse',
    'it',
    'mouse, tetikus, mose, maus, trackpad, touchpad, track pad, touch pad, cursor, kursor, pointer, mouse pad, mousepad',
  ),
  concept(
    'battery',
    'it',
    'battery, baterai, batre, batrai, batere, baterei, batrei, betrai, batt, batery, battrey, bateray',
  ),
  concept(
    'charge',
    'action',
    'charge, charging, cas, ngecas, dicas, ngecharge, dicharge, charger, casan, carger, adaptor, adapter, power adapter, ac adapter, ac adaptor, adaptor ac, adapter ac, ac charger, laptop adapter, adaptor laptop, mengisi daya, isi daya, pengisian daya, pengisi daya',
  ),
  concept(
    'power',
    'it',
    'power, daya, listrik, electricity, power button, tombol power, tombol daya, power supply, psu, ups, stop kontak, stopkontak, colokan listrik, power strip, ac power, ac power cord, power cord, kabel power',
  ),
  concept(
    'turnon',
    'action',
    'turn on, turned on, turning on, turns on, power on, switch on, nyala, menyala, nyalain, nyalakan, menyalakan, dinyalakan, hidup, hidupkan, menghidupkan, dihidupkan, idup, idupin, hidupin',
  ),
  concept(
    'turnoff',
    'action',
    'turn off, turned off, turning off, turns off, shut down, shutdown, shuts down, shutting down, shut off, matikan, mematikan, dimatikan, matiin, switch off, power off',
  ),
  concept(
    'restart',
    'action',
    'restart, reboot, nyalakan ulang, mulai ulang, hidupkan ulang, restart ulang, ngerestart, direstart, restar, resart, restrat, restartin',
  ),
  concept(
    'boot',
    'it',
    'boot, booting, boot up, startup, start up, bootloop, boot loop, boot menu',
  ),
  concept('firmware', 'it', 'firmware, bios, uefi'),
  concept(
    'dead',
    'problem',
    "mati, dead, mati total, tidak menyala, tidak nyala, tidak mau nyala, tidak bisa nyala, tidak hidup, tidak mau hidup, tidak idup, no power, won't turn on, doesn't turn on, does not turn on, not turning on, will not turn on, won't power on, won't start, won't boot",
  ),
  concept(
    'bluescreen',
    'problem',
    'blue screen, bsod, blue screen of death, layar biru, bluescreen, stop code',
  ),
  concept(
    'blackscreen',
    'problem',
    'black screen, black, hitam, layar hitam, layar gelap, blackscreen, layar blank, blank screen, no display, tidak ada tampilan, no signal, layar mati',
  ),
  concept(
    'flicker',
    'problem',
    'flicker, flickering, kedip, kedip kedip, berkedip, kedap kedip, glitch, glitchy, ngeglitch, ngeflicker, blinking, blink',
  ),
  concept(
    'lines',
    'problem',
    'garis, bergaris, garis garis, streak, stripe, dead pixel, pixel mati, bercak, lines on screen, layar bergaris',
  ),
  concept(
    'damage',
    'problem',
    'damage, damaged, physical damage, rusak fisik, retak, pecah, jatuh, terjatuh, jatoh, cracked, crack, shattered, dented, penyok, bengkok, patah, broken screen, layar pecah, layar retak, engsel, hinge',
  ),
  concept(
    'spill',
    'problem',
    'spill, spilled, spilt, tumpah, ketumpahan, tumpahan, kena air, kemasukan air, water damage, liquid damage, basah, terendam, kecemplung, kesiram, kena hujan, kehujanan',
  ),
  concept(
    'overheat',
    'problem',
    'overheat, overheating, overheated, panas, kepanasan, terlalu panas, hot, suhu tinggi, high temperature',
  ),
  concept('fan', 'it', 'fan, kipas, cooling, cooler, cooling pad, heatsink'),
  concept(
    'noise',
    'problem',
    'noise, noisy, berisik, bising, bunyi, bunyi aneh, suara aneh, beep, beeping, bip, bunyi bip, buzzing, loud, dengung, berdengung, static, kresek, kresek kresek, kemresek',
  ),
  concept('echo', 'problem', 'echo, gema, bergema, ngecho'),
  concept(
    'microphone',
    'it',
    'microphone, mic, mikrofon, mikropon, mik, microfon, microphon, micropone',
  ),
  concept('mute', 'problem', 'mute, muted, unmute, bisu, dimute, kemute, ngemute, senyap'),
  concept('camera', 'it', 'camera, kamera, webcam, web cam, cam, kamra, kmera, camra'),
  concept('video', 'it', 'video, vidio, vid, mp4'),
  concept(
    'audio',
    'it',
    'audio, sound, suara, speaker, speker, spiker, spekear, volume, volum, sound card, soundcard, sound system, pengeras suara, loudspeaker',
  ),
  concept(
    'headset',
    'it',
    'headset, headphone, earphone, earbuds, earbud, airpods, headseat, hedset, headsed, handsfree, hands free, headfone, earpiece, tws, jabra',
  ),
  concept(
    'bluetooth',
    'it',
    'bluetooth, bt, blutut, bluetoot, bluetoth, blututh, bluetut, bluetooh',
  ),
  concept(
    'pair',
    'action',
    'pair, pairing, unpair, sandingkan, menyandingkan, disandingkan, ngepair',
  ),
  concept('usb', 'it', 'usb, usb c, type c, tipe c, thunderbolt, usb port, port usb, colokan usb'),
  concept(
    'flashdisk',
    'it',
    'flashdisk, flash disk, flash drive, thumb drive, usb drive, usb stick, pendrive, pen drive, fd, flasdisk, plesdis, flesdis, flashdrive, usb flash',
  ),
  concept(
    'disk',
    'it',
    'hard disk, harddisk, hardisk, hdd, ssd, hard drive, harddrive, hardrive, disk, external drive, external hard disk, external hdd, hardisk eksternal, hdd eksternal, disk eksternal, nvme, disk drive',
  ),
  concept(
    'storage',
    'it',
    'storage, penyimpanan, ruang penyimpanan, disk space, space, storage space, kapasitas, capacity, ruang disk, sisa ruang, free space, make room, free up room, more room, not enough room, no room',
  ),
  concept('memory', 'it', 'ram, memory, memori'),
  concept('cpu', 'it', 'cpu, processor, prosesor, cpu usage'),
  concept('performance', 'it', 'performance, kinerja, performa'),
  concept('motherboard', 'it', 'motherboard, mobo, mainboard, logic board'),
  concept('port', 'it', 'port, colokan, slot, socket, soket, jack, audio jack, headphone jack'),
  concept('cable', 'it', 'cable, kabel, cord, wire'),
  concept(
    'plug',
    'action',
    'plug, plug in, plugged in, colok, colokin, nyolok, dicolok, colokkan, mencolokkan, tancap, tancapkan, nancep, ditancap, ditancapkan, unplug, cabut kabel, cabut charger, cabut colokan',
  ),
  concept(
    'hdmi',
    'it',
    'hdmi, vga, displayport, display port, dvi, kabel hdmi, kabel vga, mini displayport, mini dp',
  ),
  concept('dock', 'it', 'dock, docking, docking station, port replicator'),
  concept(
    'dongle',
    'it',
    'dongle, converter, konverter, hub, usb hub, multiport adapter, splitter, usb adapter, usb c adapter, hdmi adapter, display adapter, adapter hdmi, adaptor hdmi',
  ),
  concept(
    'peripheral',
    'it',
    'peripheral, periferal, aksesoris, accessories, accessory, aksesori, perangkat tambahan, perangkat eksternal',
  ),
  concept(
    'stylus',
    'it',
    'stylus, digital pen, pen digital, apple pencil, s pen, surface pen, stylus pen, pen stylus, touch pen, active pen, pen tablet',
  ),
  concept('touchscreen', 'it', 'touchscreen, touch screen, layar sentuh, sentuh, sentuhan'),
  concept(
    'sleep',
    'it',
    'sleep, sleep mode, mode tidur, hibernate, hibernation, hibernasi, standby, stand by',
  ),
  concept('brightness', 'it', 'brightness, kecerahan, terang, redup, dim, gelap, kurang terang'),
  concept(
    'resolution',
    'it',
    'resolution, resolusi, scaling, skala, display scale, display resolution, zoom in, zoom out, zoom level, perbesar tampilan, perkecil tampilan',
  ),
  concept(
    'color',
    'it',
    'color, colour, warna, berwarna, hitam putih, black and white, grayscale, greyscale',
  ),
  concept(
    'indicator',
    'it',
    'indicator, indikator, lampu indikator, indicator light, led, lampu led, status light, charging light, lampu pengisian, lampu charger, lampu power, lampu baterai',
  ),
  concept(
    'photocopy',
    'it',
    'photocopy, fotokopi, fotocopy, foto kopi, copier, mesin fotokopi, xerox, fotokopian, copy machine',
  ),
  concept(
    'barcode',
    'it',
    'barcode, qr, qr code, kode qr, barcode scanner, scan qr, qr scan, scan barcode, scan kode qr, scan qr code',
  ),
  concept('sim', 'it', 'sim, sim card, kartu sim, simcard, esim, e sim'),
  concept(
    'location',
    'it',
    'location, lokasi, gps, location services, layanan lokasi, google maps, gmaps, maps, peta',
  ),
  concept(
    'rotate',
    'problem',
    'rotate, rotation, rotasi, putar layar, layar terbalik, terbalik, upside down, miring, sideways',
  ),

  // ---------------------------------------------------------------- printing and scanning
  concept(
    'printer',
    'it',
    'printer, mesin cetak, pencetak, mfp, multifunction printer, multifunction, network printer, printer jaringan, label printer, plotter, printer hp, hp printer, hp laserjet, laserjet, hp deskjet, deskjet, hp officejet, officejet, hp smart tank, hp ink tank, printer epson, epson, printer canon, printer brother',
  ),
  concept(
    'print',
    'action',
    'print, cetak, nyetak, mencetak, dicetak, tercetak, print out, printout, cetakan, pencetakan, printing, printin, cetakin',
  ),
  concept(
    'printqueue',
    'it',
    'queue, antrian, antrean, print queue, antrian print, antrian cetak, spooler, print spooler, spool, print job, pekerjaan cetak',
  ),
  concept(
    'scan',
    'action',
    'scan, scanner, pindai, memindai, dipindai, pemindai, pemindaian, scaning, nyecan, scaner, skan, sken, ngesken, ngeskan, scanin, scanning',
  ),
  concept('paper', 'it', 'paper, kertas, paper tray, tray, baki kertas, baki, a4, a3, f4'),
  concept(
    'ink',
    'it',
    'toner, ink, tinta, cartridge, catridge, katrid, cartrige, katrij, catrige, drum, drum unit, tonner, ink cartridge, tinta hitam, black ink, black toner, toner hitam, cartridge hitam, catridge hitam, black cartridge',
  ),
  concept(
    'paperjam',
    'problem',
    'paper jam, printer jam, jammed, jamming, misfeed, kertas macet, kertas nyangkut, kertas tersangkut, kertas kesangkut, kertas tertahan, kertas stuck, paper stuck',
  ),
  concept('duplex', 'it', 'duplex, double sided, bolak balik, dua sisi, 2 sisi, two sided'),
  concept('page', 'it', 'page, halaman, lembar, lembaran'),
  concept('fax', 'it', 'fax, faks, faksimili, facsimile'),

  // ---------------------------------------------------------------- software
  concept(
    'software',
    'it',
    'software, perangkat lunak, piranti lunak, aplikasi, app, apk, program, application, aplication, applikasi, aplkasi, aplikas, aplikasih, apliksi, sw, desktop app, aplikasi desktop, desktop version, versi desktop, desktop client',
  ),
  concept(
    'install',
    'action',
    'install, instal, nginstal, nginstall, menginstal, menginstall, diinstal, diinstall, terinstal, terinstall, installation, instalasi, installer, instalan, installan, pasang, masang, memasang, dipasang, terpasang, pasangin, instll, intall, istall, isntall, intsall, installin, instalin',
  ),
  concept(
    'uninstall',
    'action',
    'uninstall, uninstal, uninstaller, unistall, copot, copot pemasangan, mencopot, dicopot, hapus instalan, hapus aplikasi, remove program, ngeuninstall, ngeuninstal, uninstalin, uninstallin, copotin',
  ),
  concept(
    'reinstall',
    'action',
    'reinstall, reinstal, re install, instal ulang, install ulang, pasang ulang, nginstal ulang, reinstalasi',
  ),
  concept(
    'update',
    'action',
    'update, pembaruan, perbaruan, perbarui, memperbarui, diperbarui, pembaharuan, perbaharui, memperbaharui, upgrade, apdet, apdate, updet, updte, upate, udpate, updatean, pemutakhiran, mutakhirkan, patch, patching, ngupdate, diupdate, ngupgrade, diupgrade, apdetin, updatein, upgradein',
  ),
  concept('version', 'it', 'version, versi, ver, latest version, versi terbaru, versi terakhir'),
  concept(
    'rollback',
    'action',
    'rollback, roll back, downgrade, turun versi, revert, versi sebelumnya, previous version, versi lama',
  ),
  concept(
    'old',
    'problem',
    'old, lawas, outdated, usang, jadul, obsolete, kuno, ketinggalan zaman',
  ),
  concept('new', 'action', 'new, baru, anyar, terbaru, brand new'),
  concept(
    'license',
    'it',
    'license, licence, lisensi, lisense, lisence, licens, licensing, license key, product key, serial key, kunci produk, activation key, kunci lisensi, unlicensed, tidak berlisensi',
  ),
  concept(
    'activate',
    'action',
    'activate, activated, activation, aktivasi, diaktivasi, mengaktivasi, product activation',
  ),
  concept(
    'disable',
    'action',
    'disable, disabled, nonaktif, non aktif, nonaktifkan, menonaktifkan, dinonaktifkan, deactivate, deactivated, deaktivasi, nonaktifin, suspend, suspended, ditangguhkan, dibekukan, bekukan, greyed out, grayed out, abu abu',
  ),
  concept(
    'subscription',
    'it',
    'subscription, langganan, berlangganan, subscribe, unsubscribe, berhenti berlangganan',
  ),
  concept(
    'renew',
    'action',
    'renew, renewal, perpanjang, perpanjangan, memperpanjang, diperpanjang, extend, perpanjangin',
  ),
  concept(
    'msoffice',
    'it',
    'microsoft office, ms office, office 365, o365, m365, microsoft 365, office365, microsoft365, msoffice, microsoft, office suite, office apps, aplikasi office, power bi, powerbi, power automate, power apps, powerapps',
  ),
  concept('word', 'it', 'word, ms word, microsoft word, winword, docx'),
  concept(
    'excel',
    'it',
    'excel, ms excel, microsoft excel, xls, xlsx, xlsm, csv, eksel, exel, excell, spreadsheet, lembar kerja, worksheet, workbook, macro, makro, vba',
  ),
  concept(
    'powerpoint',
    'it',
    'powerpoint, power point, ppt, pptx, slide, presentasi, presentation, salindia, powerpoin',
  ),
  concept('onenote', 'it', 'onenote, one note'),
  concept(
    'pdf',
    'it',
    'pdf, adobe, acrobat, adobe reader, acrobat reader, adobe acrobat, foxit, pdf reader, pdf editor',
  ),
  concept(
    'design',
    'it',
    'photoshop, illustrator, indesign, premiere, premiere pro, after effects, creative cloud, adobe creative cloud, canva, figma, autocad, coreldraw, corel, sketchup, lightroom',
  ),
  concept('onedrive', 'it', 'onedrive, one drive, onedrive for business'),
  concept(
    'sharepoint',
    'it',
    'sharepoint, share point, sharepoint site, team site, sharepoint online',
  ),
  concept('googledrive', 'it', 'google drive, gdrive, g drive, drive google'),
  concept(
    'googleworkspace',
    'it',
    'google workspace, g suite, gsuite, google apps, google docs, gdocs, google sheets, gsheet, gsheets, google slides, google form, google forms, gform, google',
  ),
  concept(
    'cloud',
    'it',
    'cloud, cloud storage, penyimpanan cloud, penyimpanan awan, dropbox, icloud, wetransfer',
  ),
  concept(
    'browser',
    'it',
    'browser, peramban, chrome, google chrome, edge, microsoft edge, safari, firefox, mozilla, mozilla firefox, opera, brave, internet explorer, ie, brouser, browzer, broswer, browsr, krom, chromium, incognito, mode penyamaran',
  ),
  concept(
    'cache',
    'it',
    'cache, cookie, cookies, tembolok, kuki, cached data, temporary files, temp files, file sementara, temp',
  ),
  concept('history', 'it', 'history, riwayat, histori, browsing history, riwayat penelusuran'),
  concept(
    'website',
    'it',
    'website, situs, web, link, url, laman, halaman web, webpage, web page, tautan, alamat web, homepage, situs web, websait, websit, hyperlink, site, web site',
  ),
  concept(
    'plugin',
    'it',
    'plugin, add in, addin, add on, addon, browser extension, ekstensi browser, chrome extension, ekstensi chrome, edge extension, extension chrome',
  ),
  concept('driver', 'it', 'driver, device driver, drv'),
  concept('os', 'it', 'os, operating system, sistem operasi'),
  concept(
    'windows',
    'it',
    'windows, win10, win11, win 10, win 11, windows 10, windows 11, windows 7, win7, windos, windws',
  ),
  concept('linux', 'it', 'linux, ubuntu, debian, fedora, redhat, red hat, centos'),
  concept(
    'mdm',
    'it',
    'mdm, intune, microsoft intune, device management, manajemen perangkat, jamf, workspace one, airwatch, mobileiron, kandji, enrollment, enrolment, enroll, enrol',
  ),
  concept(
    'appstore',
    'it',
    'app store, appstore, play store, playstore, google play, microsoft store, ms store, company portal, software center, software centre, self service, pusat perangkat lunak, katalog aplikasi, app catalog',
  ),
  concept(
    'erp',
    'it',
    'erp, sap, oracle, odoo, netsuite, hris, talenta, successfactors, sap successfactors',
  ),
  concept('crm', 'it', 'crm, salesforce, hubspot, dynamics 365, dynamics crm'),
  concept('jira', 'it', 'jira, confluence, atlassian'),
  concept('database', 'it', 'database, basis data, db, sql, pangkalan data'),
  concept('log', 'it', 'log, log file, event log, event viewer, logfile'),
  concept('captcha', 'it', 'captcha, recaptcha'),
  concept('filter', 'it', 'filter, saring, penyaring, filtering'),
  concept(
    'accessibility',
    'it',
    'accessibility, aksesibilitas, narrator, magnifier, kaca pembesar, screen reader, pembaca layar',
  ),
  concept(
    'terminal',
    'it',
    'command prompt, cmd, terminal, powershell, command line, baris perintah',
  ),
  concept('registry', 'it', 'registry, regedit'),
  concept('theme', 'it', 'theme, tema, dark mode, mode gelap, light mode, mode terang'),
  concept('default', 'it', 'default, bawaan, setelan awal, default app, aplikasi default'),
  concept(
    'clock',
    'it',
    'clock, timezone, time zone, zona waktu, date and time, tanggal dan waktu, tanggal dan jam, jam dan tanggal, system time, system date, waktu sistem, tanggal sistem, jam sistem, jam komputer, jam laptop, jam windows, wrong date, tanggal salah',
  ),
  concept(
    'language',
    'it',
    'language, bahasa, translate, translation, terjemahan, terjemahkan, menerjemahkan, keyboard layout, tata letak keyboard',
  ),
  concept('font', 'it', 'font, fon, huruf, jenis huruf, typeface, font size, ukuran huruf'),
  concept('text', 'it', 'text, teks, tulisan'),
  concept('image', 'it', 'image, gambar, foto, photo, picture, pict, img, jpg, jpeg, png'),
  concept(
    'screenshot',
    'it',
    'screenshot, tangkapan layar, ss, screen capture, capture, printscreen, print screen, prtsc, prt sc, snipping tool, snip, snipping, skrinsut, skrinshot, screen shot',
  ),
  concept(
    'shortcut',
    'it',
    'shortcut, pintasan, hotkey, keyboard shortcut, shortcut key, tombol pintas, jalan pintas',
  ),
  concept('icon', 'it', 'icon, ikon, desktop icon, desktop icons, ikon desktop, ikon di desktop'),
  concept(
    'taskbar',
    'it',
    'taskbar, task bar, start menu, menu start, system tray, notification area',
  ),
  concept(
    'taskmanager',
    'it',
    'task manager, pengelola tugas, taskmgr, ctrl alt del, ctrl alt delete, activity monitor, end task',
  ),
  concept('ads', 'problem', 'ads, iklan, advertisement, advertising, pop up iklan'),
  concept(
    'guide',
    'it',
    'guide, panduan, tutorial, petunjuk, instruksi, instruction, manual, langkah, langkah langkah, steps, step by step, dokumentasi, documentation, tips, trik, tutor, knowledge base, kb, artikel, article, faq',
  ),

  // ---------------------------------------------------------------- security
  concept(
    'virus',
    'it',
    'virus, malware, trojan, ransomware, spyware, adware, keylogger, rootkit, infected, terinfeksi, kena virus, virusan, antivirus, anti virus, virus scan, scan virus, antivirus scan, malware scan, scan malware, full scan, quick scan, defender, windows defender, microsoft defender, crowdstrike, sophos, symantec, mcafee, kaspersky, eset, avast, avg, norton, endpoint protection, edr, antimalware, anti malware',
  ),
  concept(
    'hack',
    'problem',
    'hack, hacked, hacker, diretas, retas, peretas, peretasan, kena hack, dibobol, bobol, kebobolan, compromised, breach, data breach, dihack, kehack, ngehack, account takeover, bocor, kebocoran, leak, leaked, data leak, data bocor',
  ),
  concept(
    'security',
    'it',
    'security, keamanan, secure, cybersecurity, cyber security, siber, keamanan siber, infosec, keamanan informasi, information security',
  ),
  concept(
    'encryption',
    'it',
    'encryption, enkripsi, encrypt, encrypted, bitlocker, filevault, recovery key, bitlocker key, kunci bitlocker, kunci pemulihan, decrypt, dekripsi',
  ),
  concept(
    'certificate',
    'it',
    'certificate, sertifikat, cert, ssl, tls, https, ssl certificate, not secure, tidak aman, koneksi tidak aman, not private',
  ),
  concept(
    'policy',
    'it',
    'policy, kebijakan, aturan, peraturan, rule, guideline, pedoman, sop, compliance, kepatuhan, regulation, regulasi, ketentuan',
  ),
  concept(
    'privacy',
    'it',
    'privacy, privasi, personal data, data pribadi, gdpr, pdp, data sensitif, sensitive data, confidential, rahasia, kerahasiaan',
  ),
  concept(
    'personal',
    'it',
    'personal, pribadi, private, privat, own device, byod, bring your own device, perangkat pribadi, milik pribadi, personal device',
  ),
  concept('external', 'it', 'external, eksternal, pihak luar, orang luar'),

  // ---------------------------------------------------------------- files and storage
  concept('file', 'it', 'file, berkas, dokumen, document, doc, dok, dokument, documen, fle'),
  concept(
    'folder',
    'it',
    'folder, direktori, directory, foder, foldr, subfolder, sub folder, polder, on the desktop, on my desktop, di desktop, desktop folder, folder desktop',
  ),
  concept(
    'drive',
    'it',
    'drive, shared drive, share drive, sharedrive, network drive, drive bersama, drive jaringan, shared folder, folder bersama, share folder, mapped drive, file server, fileserver, server file, nas, network share, file share, fileshare',
  ),
  concept('map', 'action', 'map, mapping, petakan, memetakan, dipetakan, pemetaan'),
  concept(
    'sync',
    'action',
    'sync, sinkron, singkron, sinkronisasi, singkronisasi, sinkronkan, menyinkronkan, disinkronkan, tersinkron, tersinkronisasi, synchronize, synchronise, synchronization, synchronisation, syncing, syncan, ngesync, nyinkron, sinc, sycn, resync, sinkron ulang',
  ),
  concept(
    'share',
    'action',
    'share, shared, bagikan, berbagi, membagikan, dibagikan, sharing, ngeshare, sharein, dishare',
  ),
  concept(
    'upload',
    'action',
    'upload, unggah, mengunggah, diunggah, aplod, apload, uploadan, ngupload, ngeupload, uploud, uploadin',
  ),
  concept(
    'download',
    'action',
    'download, unduh, mengunduh, diunduh, donlot, donlod, donload, downloadan, ngedownload, ngunduh, ngedonlot, downlaod, donwload, dowload, downloadin, donlotin',
  ),
  concept(
    'open',
    'action',
    'open, buka, membuka, dibuka, kebuka, bukain, ngebuka, terbuka, launch',
  ),
  concept('close', 'action', 'close, tutup, menutup, ditutup, ketutup, nutup, tutupin, tertutup'),
  concept(
    'save',
    'action',
    'save, simpan, menyimpan, disimpan, tersimpan, kesimpen, kesimpan, nyimpen, nyimpan, savean, ngesave, disave, autosave, auto save',
  ),
  concept(
    'edit',
    'action',
    'edit, sunting, menyunting, mengedit, ngedit, diedit, modify, modifikasi, memodifikasi',
  ),
  concept(
    'change',
    'action',
    'change, ganti, ubah, mengubah, diubah, rubah, merubah, dirubah, mengganti, diganti, gantiin, ngeganti, ngubah, ngerubah, switch, alter, berubah, perubahan',
  ),
  concept(
    'move',
    'action',
    'move, pindah, pindahkan, memindahkan, dipindah, dipindahkan, mindahin, pindahin, transfer, mentransfer, ditransfer, relocate, relokasi, migrate, migration, migrasi, drag and drop, drag drop',
  ),
  concept(
    'copy',
    'action',
    'copy, salin, menyalin, disalin, copas, copy paste, paste, tempel, menempel, ditempel, ngecopy, dicopy, kopas, kopi paste',
  ),
  concept(
    'duplicate',
    'problem',
    'duplicate, duplikat, dobel, ganda, terduplikasi, duplikasi, dua kali, twice',
  ),
  concept(
    'search',
    'action',
    'search, cari, mencari, nyari, dicari, pencarian, carikan, nyariin, cariin, find, temukan, menemukan, lookup, look up',
  ),
  concept(
    'lost',
    'problem',
    'lost, lose, missing, hilang, ilang, kehilangan, ngilang, raib, lenyap, gone, disappear, disappeared, vanished, misplaced, ketinggalan, tertinggal, not found, tidak ditemukan, tidak ketemu, 404',
  ),
  concept(
    'stolen',
    'problem',
    'stolen, steal, stole, theft, dicuri, curi, kecurian, pencurian, dirampok, rampok, perampokan, maling, kemalingan, dicopet, copet, kecopetan, dijambret, jambret',
  ),
  concept(
    'backup',
    'action',
    'backup, back up, backed up, backing up, cadangan, cadangkan, mencadangkan, dicadangkan, cadang, bekap, bekup, backupan, ngebackup, dibackup, backupin',
  ),
  concept(
    'restore',
    'action',
    'restore, pulihkan, memulihkan, dipulihkan, pemulihan, pulih, recover, recovery, kembalikan, mengembalikan, dikembalikan, balikin, undo, undelete, retrieve, restor, ngerestore, direstore, ambil kembali, restorin, balikan',
  ),
  concept(
    'delete',
    'action',
    'delete, hapus, apus, ngapus, ngehapus, menghapus, dihapus, terhapus, kehapus, keapus, hapusin, apusin, remove, buang, dibuang, membuang, delet, del, erase, kedelete, ngedelete, didelete',
  ),
  concept(
    'clear',
    'action',
    'clear, clean, cleanup, clean up, bersihkan, membersihkan, dibersihkan, bersihin, bersih, pembersihan, kosongkan, mengosongkan, dikosongkan, purge, flush',
  ),
  concept(
    'trash',
    'it',
    'trash, recycle bin, sampah, tempat sampah, deleted items, item terhapus, bin, recycle',
  ),
  concept(
    'factoryreset',
    'action',
    'factory reset, reset pabrik, setelan pabrik, pengaturan pabrik, hard reset, wipe, remote wipe, hapus total, factory default, default pabrik, wipe data',
  ),
  concept(
    'format',
    'action',
    'format, memformat, diformat, reformat, format ulang, ngeformat, keformat',
  ),
  concept(
    'zip',
    'it',
    'zip, rar, 7zip, winrar, compress, kompres, extract, ekstrak, unzip, unrar, zipped',
  ),
  concept('data', 'it', 'data'),
  concept('number', 'it', 'number, nomor, nomer'),
  concept('address', 'it', 'address, alamat'),

  // ---------------------------------------------------------------- generic actions
  concept('how', 'action', 'how, bagaimana, cara, caranya, how to, howto'),
  concept(
    'request',
    'action',
    'request, minta, meminta, diminta, permintaan, ajukan, mengajukan, diajukan, pengajuan, req, rekues, rikues, requestan',
  ),
  concept(
    'create',
    'action',
    'create, buat, bikin, membuat, dibuat, bikinin, buatkan, buatin, pembuatan, generate, dibikin, dibikinin',
  ),
  concept(
    'add',
    'action',
    'add, tambah, tambahkan, menambahkan, ditambahkan, tambahin, nambah, nambahin, penambahan',
  ),
  // Enabling a feature is setting it up ("aktifkan MFA", "enable automatic replies"); activating a
  // licence is 'activate', and powering a device on is 'turnon'.
  concept(
    'setup',
    'action',
    'setup, set, set up, setting up, enable, enabled, enabling, aktifkan, mengaktifkan, diaktifkan, aktifin, ngaktifin, ngaktifkan, setting, settings, configure, configuration, konfigurasi, mengkonfigurasi, dikonfigurasi, config, konfig, pengaturan, atur, mengatur, diatur, seting, setingan, settingan, setelan, setel, nyetting, nyeting, ngeset, nyetel, ngesetting, disetting, disetel, setingin, settingin, setelin, aturin, control panel, panel kontrol, preferences, preferensi, manage, managed, managing, management, kelola, mengelola, dikelola, pengelolaan',
  ),
  concept(
    'check',
    'action',
    'check, cek, periksa, memeriksa, diperiksa, mengecek, ngecek, dicek, pengecekan, ngecheck, dicheck',
  ),
  concept(
    'fix',
    'action',
    'fix, repair, perbaiki, memperbaiki, diperbaiki, perbaikan, benerin, dibenerin, benarin, betulin, betulkan, servis, reparasi, solve, solusi, solution, resolve, atasi, mengatasi, diatasi, troubleshoot, troubleshooting, workaround, penyelesaian, beresin, diberesin',
  ),
  concept(
    'cancel',
    'action',
    'cancel, cancelled, canceled, batal, batalkan, membatalkan, dibatalkan, pembatalan, abort, urungkan',
  ),
  concept(
    'register',
    'action',
    'register, registration, daftar, mendaftar, didaftarkan, daftarkan, mendaftarkan, pendaftaran, registrasi, sign up, signup, regis, ngedaftar',
  ),
  concept(
    'click',
    'action',
    'click, klik, ngeklik, diklik, mengklik, tap, tekan, menekan, ditekan, pencet, mencet, dipencet, double click, klik kanan, right click, klik dua kali',
  ),
  concept('scroll', 'action', 'scroll, gulir, menggulir, skrol, scroll down, scroll up'),
  concept(
    'select',
    'action',
    'select, pilih, memilih, dipilih, choose, selection, pilihan, drop down, dropdown, drop down list, dropdown list',
  ),
  concept(
    'input',
    'action',
    'input, ketik, mengetik, diketik, ngetik, ketikan, type, typing, isi, isikan, mengisi, diisi, masukkan, memasukkan, dimasukkan, masukin, masukan, entry, enter, isiin',
  ),
  concept('prompt', 'problem', 'prompt, prompted, keeps asking, minta terus, diminta terus'),
  concept(
    'appear',
    'problem',
    'appear, muncul, show up, shows up, showed up, showing up, tampil, tampilkan, menampilkan, ditampilkan, nongol, kelihatan, terlihat, visible, invisible, tidak muncul, not showing, not appearing',
  ),
  concept('function', 'problem', 'function, functioning, functional, berfungsi, fungsi'),

  // ---------------------------------------------------------------- generic problems
  concept(
    'cannot',
    'problem',
    "cannot, can't, cant, can not, unable, tidak bisa, tidak dapat, tidak mampu, couldn't, couldn, could not, tidak iso",
  ),
  concept(
    'not',
    'problem',
    "not, tidak, bukan, never, non, doesn, don, didn, isn, wasn, aren, won, weren, haven, hasn, hadn, wouldn, shouldn, mustn, needn, doesn't, don't, didn't, isn't, wasn't, aren't, won't, haven't, hasn't",
  ),
  concept('fail', 'problem', 'fail, failed, failure, gagal, tidak berhasil, unsuccessful, gagl'),
  concept(
    'broken',
    'problem',
    "broken, broke, rusak, ruksak, rsk, not working, not work, doesn't work, does not work, don't work, didn't work, did not work, won't work, isn't working, is not working, stopped working, tidak berfungsi, tidak jalan, tidak bekerja, tidak mau jalan, malfunction, malfunctioning, faulty, defect, defective, cacat, ngadat, ngaco, kacau, mogok, konslet, korslet, korsleting, bermasalah, tidak normal, abnormal",
  ),
  concept(
    'error',
    'problem',
    'error, eror, erorr, errorr, errror, erro, err, galat, kesalahan, error message, pesan error, pesan kesalahan, error code, kode error, kode kesalahan, exception, bug, ngebug, ngerror, ngeror',
  ),
  concept(
    'problem',
    'problem',
    'problem, masalah, issue, isu, kendala, trouble, trobel, trabel, troubel, permasalahan',
  ),
  concept(
    'weird',
    'problem',
    'weird, strange, aneh, odd, unusual, tidak biasa, janggal, unexpected, tidak wajar',
  ),
  concept(
    'slow',
    'problem',
    'slow, lambat, lemot, lelet, lag, ngelag, lagging, laggy, lemod, lmot, leled, lemoot, pelan, sluggish, slowness, lola, loading lama, lama loading, berat, slow down',
  ),
  concept(
    'delay',
    'problem',
    'delay, delayed, delays, telat, terlambat, late, lambat masuk, telat masuk, masuk telat, lambat sampai, telat sampai, delivery delay',
  ),
  concept(
    'freeze',
    'problem',
    'freeze, froze, frozen, hang, hung, ngehang, hank, beku, membeku, ngefreeze, freez, not responding, tidak merespons, tidak merespon, tidak responsif, unresponsive, tidak respon, no response, tidak ada respon',
  ),
  concept(
    'crash',
    'problem',
    'crash, crashed, crashing, force close, fc, keluar sendiri, tertutup sendiri, nutup sendiri, close sendiri, mati sendiri, restart sendiri, has stopped working, berhenti bekerja, berhenti berfungsi, berhenti sendiri, ngecrash, kecrash, force quit',
  ),
  concept(
    'stuck',
    'problem',
    'stuck, pending, tertunda, macet, nyangkut, tersangkut, sangkut, kesangkut, mandek, mentok, stuk, ketahan, tertahan, ngestuck, kejebak, terjebak',
  ),
  concept(
    'loading',
    'problem',
    'loading, load, loads, muter, muter muter, buffering, bufering, memuat, spinning, spinner, loading terus, loding, lodaing',
  ),
  concept(
    'empty',
    'problem',
    'empty, blank, kosong, habis, run out, ran out, running out, runs out, depleted, kehabisan',
  ),
  concept(
    'full',
    'problem',
    'full, penuh, kepenuhan, almost full, hampir penuh, nearly full, over quota, melebihi kuota, exceeded, melebihi, exceed, overload',
  ),
  concept('quota', 'it', 'quota, kuota, limit, batas, batasan, limitasi, size limit, batas ukuran'),
  concept(
    'large',
    'problem',
    'large, big, besar, huge, gede, gedhe, oversize, oversized, size, ukuran, file size, ukuran file, kebesaran, too large, too big, terlalu besar',
  ),
  concept('small', 'problem', 'small, kecil, tiny, kekecilan, terlalu kecil, too small'),
  concept(
    'wrong',
    'problem',
    'wrong, salah, incorrect, invalid, tidak valid, tidak sesuai, keliru, mismatch, tidak cocok, beda, berbeda',
  ),
  concept(
    'detect',
    'problem',
    'detect, detected, deteksi, terdeteksi, kedeteksi, mendeteksi, recognize, recognise, recognized, dikenali, kenali, terbaca, kebaca, not detected, tidak terdeteksi, tidak kedeteksi, not recognized, not recognised, tidak dikenali, undetected, unrecognized, unrecognised, tidak terbaca, tidak kebaca',
  ),
  concept('corrupt', 'problem', 'corrupt, corrupted, korup, corupt, file rusak, file corrupt'),
  concept(
    'timeout',
    'problem',
    'timeout, time out, timed out, times out, rto, request timed out, waktu habis, habis waktu, waktu tunggu habis',
  ),
  concept('weak', 'problem', 'weak, lemah, melemah'),
  concept(
    'quality',
    'problem',
    'quality, kualitas, poor, jelek, buruk, bad quality, kualitas buruk',
  ),
  concept(
    'choppy',
    'problem',
    'choppy, patah patah, tersendat, tersendat sendat, nyendat, robotic, robot voice, suara robot',
  ),
  concept(
    'blurry',
    'problem',
    'blurry, blurred, blur, buram, burem, ngeblur, tidak jelas, kabur, pixelated',
  ),
  concept(
    'widespread',
    'problem',
    'everyone, everybody, semua orang, semua karyawan, semua user, semua pengguna, all users, satu kantor, sekantor, satu lantai, seluruh kantor, whole office, entire office, many users, banyak orang, banyak user',
  ),

  // ---------------------------------------------------------------- off-topic (not handled by the IT service desk)
  // Each has the area that handles it instead. A word that is often mere context in an IT question
  // ("lunch", "hotel", "on leave") is kept out of the concepts that are subjects of their own
  // ("canteen", "leave balance"), so an article that mentions it in passing does not claim them.

  // ---- HR: pay, leave, benefits, attendance, hiring and the employee's records
  offtopic(
    'hr',
    'hr',
    'hr, hrd, human resources, human resource, sdm, personalia, hrga, bagian hr, tim hr, hr department, orang hr, bagian sdm, bagian personalia',
  ),
  offtopic(
    'salary',
    'hr',
    'salary, salaries, gaji, gajian, payroll, upah, wage, wages, take home pay, kenaikan gaji, naik gaji, pay raise, salary increase, rekening gaji, payroll cut off, cut off gaji, tanggal gajian, payday, pay day',
  ),
  offtopic(
    'payslip',
    'hr',
    'slip gaji, payslip, payslips, pay slip, salary slip, pay stub, paystub, e payslip, slip gaji online, bukti gaji',
  ),
  offtopic(
    'bonus',
    'hr',
    'bonus, thr, tunjangan hari raya, insentif, incentive, komisi, commission',
  ),
  offtopic(
    'benefits',
    'hr',
    'tunjangan, allowance, benefit, benefits, employee benefits, fasilitas karyawan, pensiun, pension, dana pensiun, jht, jaminan hari tua, koperasi karyawan, travel allowance, uang saku, per diem, perdiem, sppd, uang perjalanan dinas, tunjangan perjalanan',
  ),
  offtopic(
    'tax',
    'hr',
    'pajak, tax, pph, pph21, pph 21, npwp, bukti potong, spt tahunan, tax return, tax form',
  ),
  offtopic('overtime', 'hr', 'lembur, overtime, uang lembur, lemburan, jam lembur'),
  offtopic(
    'leave',
    'hr',
    'cuti, annual leave, cuti tahunan, paid leave, leave request, pengajuan cuti, ajukan cuti, mengajukan cuti, izin cuti, izin tidak masuk, izin pulang, izin pulang cepat, pulang cepat, izin setengah hari, setengah hari, half day, izin keluar kantor, day off, days off, time off, pto, vacation, liburan, holiday request, book holiday, book a holiday',
  ),
  offtopic(
    'leaveentitlement',
    'hr',
    'sisa cuti, saldo cuti, jatah cuti, hak cuti, cuti tersisa, kuota cuti, leave balance, leave entitlement, remaining leave, leave left, leave days, days of leave, days of annual leave, annual leave days, annual leave left, vacation days, vacation days left, holiday days, days of holiday, holiday left, leave allowance, holiday allowance, holiday entitlement, holiday balance, vacation balance, annual leave balance, cuti melahirkan, maternity leave, paternity leave, parental leave, cuti hamil, cuti haid, cuti menikah, marriage leave, cuti besar, unpaid leave, cuti di luar tanggungan, leave policy, kebijakan cuti, aturan cuti',
  ),
  offtopic(
    'sickleave',
    'hr',
    'sick leave, sick day, sick note, izin sakit, cuti sakit, surat sakit, surat dokter, surat keterangan sakit, medical certificate',
  ),
  offtopic(
    'reimbursement',
    'hr',
    'reimbursement, reimburse, reimbursment, rembes, rembers, reimburs, klaim, claim, klaim biaya, penggantian biaya, expense, expense claim, expense report, pengembalian dana, refund, nota, kwitansi, kuitansi, struk, receipt',
  ),
  offtopic(
    'insurance',
    'hr',
    'insurance, asuransi, bpjs, bpjs kesehatan, bpjs ketenagakerjaan, jamsostek, health insurance, klaim asuransi, insurance coverage, medical checkup, medical check up, mcu',
  ),
  offtopic(
    'attendance',
    'hr',
    'absensi, absen, attendance, presensi, kehadiran, clock in, clock out, timesheet, jam masuk, jam pulang, jam kerja, jam kantor, working hours, office hours, mesin absen, lupa absen, telat absen, terlambat masuk kerja, telat masuk kerja, datang terlambat, datang telat, izin datang terlambat, izin datang telat, izin terlambat, izin telat, late for work, late to work, jadwal shift, shift kerja, jadwal kerja, roster, jadwal piket, wfh schedule, jadwal wfh, jadwal wfo',
  ),
  offtopic(
    'employeerecords',
    'hr',
    'data kepegawaian, data karyawan, data pegawai, personnel data, personnel file, employee records, employee data, alamat rumah, home address, alamat domisili, alamat ktp, ktp, kartu keluarga, status pernikahan, marital status, surat keterangan kerja, paklaring, employment letter, reference letter, kontrak kerja, employment contract, perpanjangan kontrak, contract extension, dress code, seragam, uniform, pakaian kerja, baju kerja',
  ),
  offtopic(
    'recruitment',
    'hr',
    'lowongan, lowongan kerja, vacancy, job vacancy, job opening, rekrutmen, recruitment, recruiter, lamaran kerja, melamar kerja, curriculum vitae, psikotes, job application, interview kerja, wawancara kerja, job interview, referral karyawan',
  ),
  offtopic(
    'appraisal',
    'hr',
    'appraisal, kpi, okr, performance review, performance appraisal, penilaian kinerja, review kinerja, kinerja karyawan, employee performance, promosi jabatan, kenaikan jabatan, kenaikan pangkat, promotion',
  ),

  // ---- facilities: canteen and food, rooms and their booking, the building, parking, air conditioning,
  // cleaning, reception, furniture and office supplies
  offtopic(
    'canteen',
    'facilities',
    'kantin, canteen, cafeteria, kafetaria, kantin kantor, office canteen, office cafeteria, kafe, cafe, menu makan, menu kantin, menu makan siang, menu hari ini, menu today, lunch menu, todays menu, food court, foodcourt',
  ),
  offtopic(
    'food',
    'facilities',
    'makan siang, lunch, makanan, food, sarapan, breakfast, dinner, makan malam, nasi, lauk, maksi, tempat makan, jam makan',
  ),
  offtopic(
    'catering',
    'facilities',
    'catering, katering, konsumsi rapat, konsumsi meeting, snack, snek, cemilan, camilan, nasi kotak, snack box, coffee break, jamuan, pesan makanan, order food',
  ),
  offtopic(
    'pantry',
    'facilities',
    'pantry, dapur, galon, air minum, dispenser, air galon, coffee, coffee machine, coffee maker, mesin kopi, kulkas, fridge, refrigerator, microwave',
  ),
  offtopic(
    'room',
    'facilities',
    'meeting room, ruang rapat, ruang meeting, ruangan meeting, ruangan rapat, conference room, boardroom, ruangan, room, rooms, ruang pertemuan, training room, ruang training, aula, auditorium, huddle room, focus room, phone booth, desk booking, book a desk, booking meja, hot desk, hot desking, ruang kerja, workspace booking',
  ),
  offtopic(
    'parking',
    'facilities',
    'parkir, parking, park, parkiran, lahan parkir, tempat parkir, kartu parkir, stiker parkir, parkir kantor, parkiran kantor, office parking, car park, parking lot, parking space, parking pass, parkir motor, parkir mobil, valet',
  ),
  offtopic(
    'aircon',
    'facilities',
    'ac, air conditioner, air conditioning, aircon, pendingin ruangan, pendingin, ac ruangan, ac kantor, suhu ruangan, kedinginan, dingin, gerah, ruangan panas, kantor panas, ruang panas, ruangan dingin, too cold, heater, heating, pemanas, thermostat, kipas angin, standing fan, ceiling fan, remote ac, ac remote, ac bocor, ac mati, servis ac',
  ),
  offtopic(
    'toilet',
    'facilities',
    'toilet, wc, kamar mandi, restroom, bathroom, toilet paper, tisu, tissue, toilet kantor, sabun, hand dryer, wastafel',
  ),
  offtopic(
    'cleaning',
    'facilities',
    'cleaning service, petugas kebersihan, office boy, office girl, ob, janitor, sapu, menyapu, pel, ngepel, kebersihan kantor, kotor, dirty, tikus, rat, rats, kecoa, cockroach, semut, ants, pest, pest control, hama',
  ),
  offtopic(
    'furniture',
    'facilities',
    'furniture, furnitur, mebel, kursi, chair, meja kerja, lemari, loker, locker, laci, sofa, kunci loker, kunci lemari, kunci laci, desk chair, standing desk',
  ),
  offtopic(
    'building',
    'facilities',
    'gedung, lift, lift kantor, elevator, eskalator, escalator, tangga, atap, plafon, pintu, door, kunci pintu, kunci ruangan, akses gedung, building access, lampu ruangan, lampu kantor, lampu toilet, lampu lorong, lampu plafon, bohlam, light bulb, ceiling light, atap bocor, plafon bocor, pipa bocor, air bocor, bocor air, kebocoran air, water leak, roof leak, leaking roof, leaking ceiling, renovasi, renovation, gedung kantor',
  ),
  offtopic(
    'badge',
    'facilities',
    'badge, id card, access card, kartu akses, kartu karyawan, kartu pegawai, id badge, key card, keycard, kartu id, tanda pengenal, name tag, kartu identitas, id card karyawan',
  ),
  offtopic(
    'reception',
    'facilities',
    'reception, receptionist, resepsionis, front desk, frontdesk, lobby, lobi, satpam, security guard, pos satpam, cctv, kamera cctv, rekaman cctv, security camera, mailroom, paket kiriman, titip paket, ambil paket, parcel, buku tamu, daftar tamu, visitor registration',
  ),
  offtopic(
    'stationery',
    'facilities',
    'atk, alat tulis, alat tulis kantor, office supplies, pulpen, bolpen, pen, pena, pensil, pencil, stapler, staples, amplop, envelope, spidol, marker, buku tulis, lakban, gunting, stempel, kartu nama, business card',
  ),
  offtopic(
    'prayerroom',
    'facilities',
    'mushola, musholla, musala, prayer room, ruang sholat, tempat sholat, ruang ibadah',
  ),

  // ---- general: anything else (sport, weather, news, holidays, transport, shopping...)
  offtopic(
    'holiday',
    'general',
    'holiday, holidays, public holiday, public holidays, bank holiday, hari libur, libur, libur nasional, libur kantor, kantor libur, cuti bersama, tanggal merah, hari raya, lebaran, idul fitri, idul adha, natal, christmas, tahun baru, new year, imlek, nyepi, long weekend, hari kejepit',
  ),
  offtopic(
    'health',
    'general',
    'sakit, dokter, doctor, demam, flu, pilek, batuk, obat, medicine, klinik, clinic, rumah sakit, hospital, mental health, kesehatan mental, covid, vaksin, vaccine',
  ),
  offtopic(
    'travel',
    'general',
    'perjalanan dinas, business trip, tiket pesawat, flight ticket, plane ticket, hotel, penginapan, paspor, passport, visa, dinas luar kota, pesawat, flight, penerbangan, jadwal pesawat, jadwal penerbangan, travel agent',
  ),
  offtopic(
    'transport',
    'general',
    'ojek, ojol, gojek, taksi, taxi, shuttle, antar jemput, mobil dinas, company car, kendaraan, kendaraan dinas, bensin, fuel, tol, etoll, e toll, mobil, car, motor, sepeda motor, motorbike, motorcycle, kereta, kereta api, train, krl, mrt, lrt, commuter line, transjakarta, busway, bus, bis, sopir, supir, chauffeur, driver kantor, supir kantor, sopir kantor, company driver, pak driver, driver mobil, traffic jam, jalanan macet, jalan macet, macet di jalan, kena macet, terjebak macet, jadwal kereta, jadwal krl, jadwal bus, terminal bus, bus terminal, sim a, sim c, perpanjang sim, surat izin mengemudi, driving license, driving licence, driver license, drivers license',
  ),
  offtopic(
    'weather',
    'general',
    'weather, cuaca, prakiraan cuaca, ramalan cuaca, weather forecast, forecast, hujan, rain, raining, rainy, gerimis, mendung, cloudy, cerah, sunny, banjir, flood, flooding, badai, storm, snow, salju, bmkg, cuaca panas',
  ),
  offtopic(
    'news',
    'general',
    'berita, news, headline, headlines, breaking news, koran, newspaper, trending, viral',
  ),
  offtopic(
    'jokes',
    'general',
    'joke, lelucon, lawak, lawakan, humor, humour, jayus, pantun, tebak tebakan, tebakan',
  ),
  offtopic(
    'purchase',
    'general',
    'buy, beli, belanja, shopping, harga, price, murah, cheap, mahal, expensive, diskon, discount, promo, saran beli, rekomendasi beli, marketplace, tokopedia, shopee, lazada, bukalapak, toko, olshop, online shop, ongkir, cod',
  ),
  offtopic(
    'banking',
    'general',
    'bank, bank account, rekening, rekening bank, nomor rekening, bank details, detail bank, atm, kartu kredit, credit card, kartu debit, debit card, bank transfer, transfer bank, transfer uang, money transfer, wire transfer, mobile banking, m banking, internet banking, jatuh tempo, token listrik, token pln, tagihan listrik, bayar listrik, tagihan air, pdam',
  ),
  offtopic(
    'business',
    'general',
    'target penjualan, sales target, omzet, revenue, pendapatan perusahaan, laba, profit, keuntungan, market share, pangsa pasar, harga saham perusahaan',
  ),
  offtopic(
    'politics',
    'general',
    'politik, politics, political, pemilu, election, presiden, president, partai, capres, pilpres, pilkada, dpr, menteri, pemerintah, government, korupsi',
  ),
  offtopic(
    'sports',
    'general',
    'sport, sports, olahraga, sepak bola, sepakbola, football, soccer, main bola, nonton bola, pertandingan bola, skor bola, bola basket, bola voli, badminton, bulu tangkis, bulutangkis, futsal, basket, basketball, voli, volleyball, tenis, tennis, renang, swimming, marathon, maraton, gym, fitness, motogp, formula 1, piala dunia, world cup, piala, trophy, liga, premier league, liga inggris, nba, olimpiade, olympics, timnas, pertandingan, juara, kejuaraan, pemenang, winner, champion, skor',
  ),
  offtopic(
    'love',
    'general',
    'cinta, pacar, pacaran, jodoh, girlfriend, boyfriend, gebetan, romance, romantis, romantic, jomblo, mantan, valentine, gf, bf, dating',
  ),
  offtopic(
    'religion',
    'general',
    'agama, religion, sholat, salat, shalat, solat, ibadah, masjid, gereja, church, doa, kiblat, jadwal sholat, khotbah, puasa, fasting, buka puasa',
  ),
  offtopic(
    'entertainment',
    'general',
    'film, movie, netflix, drakor, sinetron, musik, music, lagu, song, konser, concert, bioskop, cinema, artis, selebriti, celebrity, gosip, gossip',
  ),
  offtopic(
    'games',
    'general',
    'game, gim, gaming, main game, mobile legends, mobile legend, pubg, free fire, valorant, dota, genshin, ps5, playstation, xbox, nintendo',
  ),
  offtopic(
    'finance',
    'general',
    'saham, investasi, investment, crypto, kripto, bitcoin, cryptocurrency, pinjol, pinjaman online, cicilan, kredit, kpr, trading, forex, reksadana, reksa dana, deposito, tabungan',
  ),
  offtopic(
    'courier',
    'general',
    'kurir, courier, ekspedisi, resi, nomor resi, jne, jnt, sicepat, pengiriman paket, kirim paket, ninja xpress, pos indonesia, lacak paket, track package',
  ),
  offtopic(
    'event',
    'general',
    'ulang tahun, ultah, birthday, gathering, outing, team building, family day, acara kantor, office party, halal bihalal, bukber, buka bersama, company event, pesta, arisan',
  ),
  offtopic(
    'homework',
    'general',
    'skripsi, thesis, tesis, tugas kuliah, tugas sekolah, pr sekolah, homework, essay, esai, makalah, ujian sekolah, matematika',
  ),
]);

/** [standard form, chat spellings that mean it] */
const SLANG_GROUPS: readonly (readonly [string, string])[] = [
  // negation and common chat contractions
  [
    'tidak',
    'gak ga gk nggak ngga nggk ngak ngk enggak engga egak kagak kaga kgk gag gx tdk tak ndak nda ndk ora mboten teu',
  ],
  ['tidak bisa', 'gabisa gbs gakbisa gbisa nggakbisa gabs'],
  ['tidak ada', 'gaada gada gakada gkada nggakada'],
  ['tidak jadi', 'gajadi gakjadi'],
  ['tidak tahu', 'gatau gatahu gktau gtw gataw gakngerti'],
  ['tidak mau', 'gamau gakmau'],
  ['habis', 'abis'],
  ['cepat', 'cepet'],
  ['tidak nyala', 'ganyala gaknyala'],
  ['tidak masuk', 'gamasuk gakmasuk'],
  ['bagaimana', 'gimana gmn gmna gmana gimna bgmn bgmna gimane piye'],
  ['tolong', 'tlg tolongin tulung tlong tolonk'],
  ['banget', 'bgt bngt bgtt bngtt bangett'],
  ['yang', 'yg yng'],
  ['sudah', 'udh udah sdh dah udeh uda sudh dh udahan'],
  ['belum', 'blm blum blom belom lom'],
  ['saya', 'sy aku gw gue gua ane ak aq sya kulo gwe'],
  ['kamu', 'km kmu lu lo loe elo elu'],
  ['bisa', 'bs bsa'],
  ['karena', 'krn karna krna krena soalnya'],
  ['because', 'coz cuz bcoz becoz bcs bcause'],
  ['dengan', 'dgn dg dng'],
  ['sama', 'sm ama'],
  ['untuk', 'utk untk tuk'],
  ['kalau', 'kalo klo kl kalu klw klu kalok'],
  ['kenapa', 'knp napa ngapa knapa kenape knpa'],
  ['jadi', 'jd jdi'],
  ['tapi', 'tp tpi'],
  ['terus', 'trs trus'],
  ['lagi', 'lg lgi'],
  ['saja', 'aja aj ajah wae'],
  ['sekarang', 'skrg skrng skg skr skarang skrang'],
  ['harus', 'hrs mesti musti'],
  ['dalam', 'dlm'],
  ['dari', 'dr dri'],
  ['juga', 'jg jga'],
  ['sebagai', 'sbg'],
  ['seperti', 'kyk kayak kek kaya'],
  ['atau', 'ato atw ataw'],
  ['dan', 'dn n'],
  ['sebenarnya', 'sbnrnya sebenernya sbnernya'],
  ['memang', 'emg emang emng'],
  ['tadi', 'td'],
  ['besok', 'bsk'],
  ['kemarin', 'kmrn kemaren kmarin'],
  ['nanti', 'ntar ntr entar nnti nti'],
  ['sebentar', 'bntr bentar bntar'],
  ['mau', 'mw mo'],
  ['ingin', 'pgn pengen pngen pingin pengin kepengen'],
  ['bukan', 'bkn'],
  ['telepon', 'tlpn tlp telp telfon telpon'],
  ['masuk', 'msk'],
  ['langsung', 'lgsg lgsung lgs'],
  ['sangat', 'sgt'],
  ['banyak', 'bnyk byk'],
  ['sedikit', 'dikit sdikit'],
  ['berapa', 'brp'],
  ['kapan', 'kpn'],
  ['dimana', 'dmn dmana'],
  ['siapa', 'sapa'],
  ['pakai', 'pake pkai'],
  ['benar', 'bnr bener'],
  ['tahu', 'tau'],
  ['begitu', 'gt gitu'],
  ['begini', 'gni gini'],
  ['tersebut', 'tsb'],
  ['dan lain lain', 'dll dsb dst'],
  ['mohon', 'mhn'],
  ['tentang', 'ttg'],
  ['kepada', 'kpd'],
  ['pada', 'pd'],
  ['sedang', 'sdg'],
  ['kita', 'kt'],
  ['kami', 'kmi'],
  ['lebih', 'lbh'],
  ['boleh', 'blh'],
  ['tanggal', 'tgl'],
  ['kantor', 'kntr ktr'],
  ['teman', 'tmn'],
  ['minta', 'mnta'],
  ['cuma', 'cm cuman'],
  ['semua', 'smua smw'],
  ['sebelum', 'sblm'],
  ['setelah', 'stlh'],
  ['lihat', 'liat'],
  ['ini', 'ni'],
  ['itu', 'tu'],
  ['apa', 'opo'],
  ['selamat', 'slmt'],
  ['malam', 'mlm'],
  ['pagi', 'pgi'],
  ['assalamualaikum', 'askum asskum aslm assalamu assalamualaikom'],
  // IT words as typed in chat
  ['laptop', 'lptp lptop laptp lapto lepi'],
  ['komputer', 'kompie komp komputr'],
  ['computer', 'computr'],
  // 'hp' is a concept term instead: a phone in chat, but also a printer and laptop brand.
  ['handphone', 'hape henpon hanphone handpone'],
  ['password', 'pw pwd pass passwd pswd passw paswd passwrd paswod paswot'],
  ['email', 'imel emel imail emial emai'],
  ['wifi', 'waifai wifii wify wfii wiifi wiffi'],
  ['internet', 'inet intenet internt interent'],
  ['print', 'ngeprint ngeprin ngprint ngprin prin'],
  ['printer', 'printr priter prnter pritner'],
  ['account', 'acct akkun'],
  ['meeting', 'mtg'],
  ['appointment', 'appt'],
  ['manager', 'mgr'],
  // English chat
  ['you', 'u'],
  ['your', 'ur'],
  ['are', 'r'],
  ['please', 'pls plz plis pliss plss plez'],
  [
    'thanks',
    'thx thnx thanx tks tq ty tx thks thnks makasih makasi mksh mks mkasih maksih makacih maaci trims trimakasih terimakasih trmksh tengkyu tenkyu thankyou thanku tengkiu nuhun suwun',
  ],
  ['do not', 'dont'],
  ['does not', 'doesnt'],
  ['did not', 'didnt'],
  ['is not', 'isnt'],
  ['was not', 'wasnt'],
  ['are not', 'arent'],
  ['will not', 'wont'],
  ['could not', 'couldnt'],
  ['have not', 'havent'],
  ['has not', 'hasnt'],
  ['i am', 'im'],
  ['i have', 'ive'],
  ['want to', 'wanna'],
  ['going to', 'gonna'],
  ['have to', 'gotta'],
  ['let me', 'lemme'],
  ['give me', 'gimme'],
  ['before', 'b4'],
  ['through', 'thru'],
  ['though', 'tho'],
  ['by the way', 'btw'],
  ['for your information', 'fyi'],
];

export const SLANG: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    SLANG_GROUPS.flatMap(([standard, spellings]) =>
      spellings
        .split(/\s+/)
        .filter((s) => s.length > 0)
        .map((s) => [s, standard] as const),
    ),
  ),
);

/**
 * Function words and chat fillers of both languages: they say nothing about the topic. Only these:
 * nouns and verbs with a meaning of their own (a car, a floor, a week, to work, to go home) are words
 * like any other, even when they rarely help find an article; IT words and negations are concepts.
 * ("morning" and its kin stay: in chat they are greetings or "since this morning" far more than a
 * subject, as "pagi" is small talk.)
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `
  a an the i me my mine myself we our ours us you your yours yourself he him his she her they them
  their it its this that these those is am are was were be been being have has had having do does
  did doing will would shall should may might must could to of for with at by from about into
  onto in on out up off over back as than then so too very just also only even still yet already
  again ever and or but if because since while although though whether what which who whom whose
  when where why there here please kindly any some all each every both few more most other another
  such same etc like via per within without ago after before during until till through
  someone somebody something anything everything nothing anyone anybody whatever whenever somehow
  one sure really actually maybe perhaps currently now today yesterday tomorrow tonight morning
  afternoon evening night always sometimes
  often anymore usually else much many lot lots bit little thing things way past next first last
  get gets got getting go goes going went want wants wanted need needs needed require try tries
  tried trying use uses used using able know let tell show see seems seem keep keeps kept give say
  says said think thought help helps helped assist assistance question ask asking asked information

  yang di ke dari dan atau ini itu saya kamu anda kami kita mereka dia ia beliau nya ku mu
  dengan untuk pada dalam oleh karena kalau jika apabila bila agar supaya sehingga tetapi tapi namun
  serta lalu kemudian terus setelah sesudah sebelum sejak sampai hingga sambil selama ketika saat
  waktu pas jadi maka makanya bahwa adalah ialah merupakan berarti artinya ada apa apakah siapa kapan
  dimana mana mengapa kenapa berapa sangat banget sekali amat lebih paling cukup hanya cuma saja
  doang semua semuanya setiap tiap beberapa banyak sedikit lain lainnya sama seperti begitu begini
  sini situ sana tersebut hal sesuatu orang seseorang masing bagi antara sebagai secara agak kurang
  mengenai tentang kepada terhadap sesuai terlalu sendiri bersama bareng sekalian berbagai
  walaupun meskipun padahal ternyata memang sebenarnya benar betul pasti mungkin sepertinya kayaknya
  harusnya seharusnya sebaiknya tetap biasanya biasa jarang selalu sering kadang terkadang tiba
  mendadak langsung ulang kembali berulang berkali kali dua tiga pertama kedua ketiga terakhir
  akhirnya awalnya sebelumnya selanjutnya berikutnya tadi nanti kemarin besok lusa sekarang barusan
  seharian semalam sebentar kelamaan lamanya depan belakang atas bawah samping sebelah tengah
  juga lagi masih telah pernah akan sedang mau ingin harus perlu butuh boleh bolehkah mohon tolong
  tolonglah bantu bantuan membantu dibantu bantuin coba cobalah mencoba dicoba nyoba cobain silakan
  silahkan punya memiliki milik pakai memakai menggunakan gunakan dipakai digunakan pemakaian
  penggunaan dapat kena tanya nanya bertanya pertanyaan tahu ngerti mengerti paham bilang lihat
  melihat kasih info informasi kirain katanya dibilang disuruh suruh nyuruh
  dong donk sih nih tuh deh kok kan kah lah pun yah ayo yuk lho loh toh eh ehh duh aduh waduh astaga
  ampun anu maaf sorry mudah susah sulit gampang ribet repot bingung pusing kesel kesal
  kak kakak min mimin pak bapak bu ibu mas mbak mba bang abang gan agan sis bro bos om cuy gaes guys

  nge ng ter ber se
  `
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

export const SMALL_TALK: readonly {
  readonly intent: 'greeting' | 'thanks' | 'ack' | 'farewell' | 'chitchat';
  readonly terms: readonly string[];
}[] = Object.freeze([
  {
    intent: 'greeting',
    terms: list(
      'halo, hallo, haloo, helo, hello, hai, hay, hi, hei, hey, heyy, hola, yo, pagi, siang, sore, malam, selamat pagi, selamat siang, selamat sore, selamat malam, good morning, good afternoon, good evening, morning all, morning team, good morning team, good morning all, good morning everyone, hi team, hello team, halo team, hi all, hello all, hi everyone, hello everyone, assalamualaikum, assalamualaikum wr wb, assalamualaikum warahmatullahi wabarakatuh, salam, salam sejahtera, shalom, om swastiastu, permisi, punten, misi, selamat, p, test, tes, testing, halo admin, hai admin, hi admin, hello admin, pagi admin, siang admin, sore admin, malam admin, permisi admin, selamat pagi admin, halo it, hai it, hi it, halo tim it, hai tim it, hi it team, hello it team, halo helpdesk, mau tanya, mau nanya, boleh tanya, numpang tanya, izin bertanya, izin tanya, ada pertanyaan, saya ada pertanyaan, i have a question, quick question, can i ask, can i ask something, need help, i need help, butuh bantuan, minta bantuan, minta tolong, tolong bantu, bisa bantu, bisa tolong, help me, please help, can you help, can you help me, anyone there, ada orang',
    ),
  },
  {
    intent: 'thanks',
    terms: list(
      'thanks, thank you, thank you so much, thanks a lot, many thanks, terima kasih, terima kasih banyak, matur nuwun, hatur, mantap, mantab, mantep, mantul, sip, sipp, nice, great, keren, awesome, cool, helpful, very helpful, sangat membantu, cukup membantu, good job, well done, appreciate it, much appreciated',
    ),
  },
  {
    intent: 'ack',
    terms: list(
      'ok, oke, okay, okey, okee, okeh, oce, okok, k, kk, siap, noted, baik, baiklah, iya, ya, iyaa, yes, belum, yup, yep, yeah, yoi, y, no, nope, nah, gpp, gapapa, gakpapa, tidak apa apa, tidak papa, nevermind, never mind, tidak jadi, sudah, done, got it, understood, i see, oh, oh begitu, oalah, hmm, hm, wkwk, wkwkwk, haha, hehe, hihi, lol, sudah bisa, sudah beres, beres, berhasil, solved, it works, it worked, works now, sudah aman, all good',
    ),
  },
  {
    intent: 'farewell',
    terms: list(
      'bye, bye bye, byebye, dadah, sampai jumpa, sampai nanti, see you, see ya, cya, good night, selamat tinggal, selamat jalan, pamit, duluan, take care, later, ttyl, wassalamualaikum, wassalam',
    ),
  },
  {
    intent: 'chitchat',
    terms: list(
      'apa kabar, kabar, how are you, how are you doing, how is it going, what s up, whats up, sup, lagi apa, lagi ngapain, ngapain, siapa kamu, kamu siapa, who are you, what are you, what is your name, your name, nama kamu, nama kamu siapa, kamu bot, are you a bot, are you human, are you real, bot, robot, manusia, tell me a joke, ceritakan lelucon, jokes, bored, bosan, bosen, lapar, laper, hungry, ngantuk, sleepy, capek, cape, tired, lelah, galau, sedih, sad, happy, senang, i love you, love you, saya sayang kamu, sayang, good bot, bad bot, stupid bot, bodoh, kamu bisa apa, what can you do, umur kamu, how old are you',
    ),
  },
]);
