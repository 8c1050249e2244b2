/** The people and channels of the Slack end-to-end tests, and how Slack encodes what they type. */
/** The cast: ids as Slack has them. Ayu and Hendra are configured agents, Rudi and Dewi channel members. */
export const PEOPLE = {
  budi: { id: 'UBUDI0001', name: 'Budi Santoso' },
  sari: { id: 'USARI0001', name: 'Sari Wulandari' },
  nina: { id: 'UNINA0001', name: 'Nina Putri' },
  joko: { id: 'UJOKO0001', name: 'Joko Susilo' },
  tono: { id: 'UTONO0001', name: 'Tono Prasetyo' },
  ayu: { id: 'UAYU00001', name: 'Ayu Lestari' },
  rudi: { id: 'URUDI0001', name: 'Rudi Hartono' },
  dewi: { id: 'UDEWI0001', name: 'Dewi Anggraini' },
  hendra: { id: 'UHENDRA01', name: 'Hendra Wijaya' },
  mallory: { id: 'UMALLORY1', name: 'Mallory' },
} as const;
export type Person = (typeof PEOPLE)[keyof typeof PEOPLE];

export const CHANNELS = {
  l1: 'C0L1DESK01',
  l2: 'C0L2DESK01',
  l3: 'C0L3DESK01',
  general: 'C0GENERAL1',
} as const;
export const SIGNING_SECRET = 'test-signing-secret';
export const L2_GROUP = 'S0L2GROUP1';

/** What a user types, as Slack puts it in an event: `&`, `<` and `>` entity-encoded. */
export function typed(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const dmChannelOf = (person: { readonly id: string }) => `D${person.id.slice(1)}`;
