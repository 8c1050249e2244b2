import type { UserRef } from '../../core/people';
import type { Level } from '../../core/ticket';

/** Who a console user plays: an employee asking for help, or an agent of one level. */
export type ConsoleRole = 'employee' | 'l1' | 'l2' | 'l3';

export interface ConsoleUser {
  readonly id: string;
  readonly name: string;
  readonly role: ConsoleRole;
}

/** The cast of the local demo: two employees and agents for every level. */
export const CONSOLE_USERS: readonly ConsoleUser[] = [
  { id: 'budi', name: 'Budi Santoso', role: 'employee' },
  { id: 'sari', name: 'Sari Wulandari', role: 'employee' },
  { id: 'ayu', name: 'Ayu Lestari', role: 'l1' },
  { id: 'rudi', name: 'Rudi Hartono', role: 'l1' },
  { id: 'dewi', name: 'Dewi Anggraini', role: 'l2' },
  { id: 'hendra', name: 'Hendra Wijaya', role: 'l3' },
];

/** The console's user ids are lowercase words; they also appear in conversation names (`dm:budi`). */
export const CONSOLE_USER_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export function toUserRef(user: ConsoleUser): UserRef {
  return { platform: 'console', id: user.id, name: user.name };
}

export function levelOfRole(role: ConsoleRole): Level | undefined {
  return role === 'l1' ? 1 : role === 'l2' ? 2 : role === 'l3' ? 3 : undefined;
}
