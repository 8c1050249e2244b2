/** Collection names, in one place so indexes, repositories and tests agree. */
export const COLLECTIONS = {
  tickets: 'tickets',
  counters: 'counters',
  sessions: 'l0_sessions',
  deliveries: 'deliveries',
  conversations: 'conversation_refs',
} as const;
