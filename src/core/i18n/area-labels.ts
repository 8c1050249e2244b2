import type { Locale } from '../locale';
import type { MessageTable } from './message-table';

/**
 * How the KB's areas (article categories) are named on their buttons, in both languages. Category
 * ids are whatever a company's KB calls its folders; the common ones are named here, a plural or
 * singular spelling finds the same entry, and any other id is shown readably as written.
 */
export const AREA_LABELS: MessageTable = {
  accounts: { en: 'Accounts and passwords', id: 'Akun dan kata sandi' },
  access: { en: 'Access and permissions', id: 'Akses dan izin' },
  identity: { en: 'Sign-in and identity', id: 'Masuk akun dan identitas' },
  network: { en: 'Network, Wi-Fi and VPN', id: 'Jaringan, Wi-Fi, dan VPN' },
  internet: { en: 'Internet', id: 'Internet' },
  wifi: { en: 'Wi-Fi', id: 'Wi-Fi' },
  vpn: { en: 'VPN', id: 'VPN' },
  'remote-access': { en: 'Remote access', id: 'Akses jarak jauh' },
  email: { en: 'Email and calendar', id: 'Email dan kalender' },
  calendar: { en: 'Calendar', id: 'Kalender' },
  devices: { en: 'Devices', id: 'Perangkat' },
  hardware: { en: 'Laptop and hardware', id: 'Laptop dan perangkat keras' },
  laptops: { en: 'Laptops', id: 'Laptop' },
  mobile: { en: 'Mobile devices', id: 'Perangkat seluler' },
  phones: { en: 'Phones', id: 'Telepon' },
  telephony: { en: 'Phones', id: 'Telepon' },
  software: { en: 'Apps and software', id: 'Aplikasi dan perangkat lunak' },
  apps: { en: 'Apps', id: 'Aplikasi' },
  applications: { en: 'Apps', id: 'Aplikasi' },
  licences: { en: 'Licences', id: 'Lisensi' },
  licenses: { en: 'Licences', id: 'Lisensi' },
  browser: { en: 'Web browser', id: 'Peramban web' },
  files: { en: 'Files and shared folders', id: 'Berkas dan folder bersama' },
  storage: { en: 'Storage', id: 'Penyimpanan' },
  backup: { en: 'Backup and restore', id: 'Cadangan dan pemulihan data' },
  printing: { en: 'Printing and scanning', id: 'Pencetakan dan pemindaian' },
  printers: { en: 'Printers', id: 'Pencetak' },
  security: { en: 'Security', id: 'Keamanan' },
  collaboration: { en: 'Meetings and collaboration', id: 'Rapat dan kolaborasi' },
  meetings: { en: 'Meetings and video calls', id: 'Rapat dan panggilan video' },
  'audio-video': { en: 'Audio and video', id: 'Audio dan video' },
  onboarding: { en: 'New joiners', id: 'Karyawan baru' },
  offboarding: { en: 'Leavers', id: 'Karyawan yang keluar' },
  equipment: { en: 'Equipment requests', id: 'Permintaan perangkat' },
  general: { en: 'General', id: 'Umum' },
  other: { en: 'Something else', id: 'Lainnya' },
};

/** The id as a lookup key: lower case, words joined by hyphens ("Remote Access" -> remote-access). */
function keyOf(id: string): string {
  return id
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

function entryOf(id: string) {
  const key = keyOf(id);
  return (
    AREA_LABELS[key] ??
    AREA_LABELS[`${key}s`] ??
    (key.endsWith('s') ? AREA_LABELS[key.slice(0, -1)] : undefined)
  );
}

/** "remote-access" -> "Remote access": hyphens and underscores as spaces, the first letter capital. */
export function readableAreaName(id: string): string {
  const words = id.replace(/[-_\s]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The button label of a KB area in `locale`. */
export function areaLabel(id: string, locale: Locale): string {
  return entryOf(id)?.[locale] ?? readableAreaName(id);
}
