/** Collection names, in one place so indexes, repositories and tests agree. */
export const COLLECTIONS = {
  tickets: 'tickets',
  /** Version guards: one unique `${ticketId}@${version}` claim per ticket change (see version-guard.ts). */
  ticketVersions: 'ticket_versions',
  counters: 'counters',
  sessions: 'l0_sessions',
  /** Version guards of L0 sessions, like ticketVersions. */
  sessionVersions: 'l0_session_versions',
  deliveries: 'deliveries',
  conversations: 'conversation_refs',
} as const;
