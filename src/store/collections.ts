/** Collection names, in one place so indexes, repositories and tests agree. */
export const COLLECTIONS = {
  tickets: 'tickets',
  /** Version guards: one unique `${ticketId}@${version}` claim per ticket change (see version-guard.ts). */
  ticketVersions: 'ticket_versions',
  /** `${platform}:${threadId}` -> ticket id, insert-only (ticket-refs.ts). */
  ticketThreads: 'ticket_threads',
  /** A summary of each active ticket, read instead of the whole tickets collection (ticket-refs.ts). */
  activeTickets: 'active_tickets',
  /** When each timed ticket's reminder or auto-close is due, read by the sweep (ticket-refs.ts). */
  ticketTimers: 'ticket_timers',
  /** Marks of one-time data migrations that have run, by name. */
  migrations: 'migrations',
  counters: 'counters',
  sessions: 'l0_sessions',
  /** Version guards of L0 sessions, like ticketVersions. */
  sessionVersions: 'l0_session_versions',
  /** Pending inbound events and timer work, by delivery id (finished ones are deleted). */
  inbox: 'inbox',
  /** Pending outward effects (messages, cards, thread replies), by a deterministic key. */
  outbox: 'outbox',
  /** Insert-only dedupe records of both queues: `${queue}:${id}`, and `…#done` once finished. */
  workSeen: 'work_seen',
  /** Work items given up for good, kept for the record. */
  workFailed: 'work_failed',
  /** Claims of inbox/outbox items, one unique `${queue}:${itemId}#${n}` per try (mongo-work-queue.ts). */
  workClaims: 'work_claims',
  /** Timed leases of periodic jobs (the SLA sweep): one unique `${job}#${slot}` per period. */
  jobSlots: 'job_slots',
  /** Teams conversation references (the Teams channel's store). */
  conversations: 'conversation_refs',
  /** What the local console shows: its conversations' messages (the console channel's surface). */
  consoleMessages: 'console_messages',
  /** What happened to each L0 question, `_id` the outcome's deterministic id (read by time and kind). */
  l0Outcomes: 'l0_outcomes',
  /** Learned phrasings, `_id` learnedPhrasingId: article, text, language (insert-only). */
  learnedPhrasings: 'l0_phrasings',
  /** One unique `${phrasingId}:${key}` per confirmation: the count is the number of documents. */
  phrasingConfirmations: 'l0_phrasing_confirmations',
  /** Admin marks, insert-only: `${phrasingId}#removed`, `#approved`, `#exported`. */
  phrasingMarks: 'l0_phrasing_marks',
  /** Approved KB article drafts, `_id` kbDraftId(ticket id): one per ticket, the latest edit wins. */
  kbDrafts: 'kb_drafts',
  /** Files people sent (GridFS bucket `files`): `files.files` documents, `_id` the KeptFile id. */
  fileBucket: 'files',
  fileDocs: 'files.files',
  /** Their bytes, in chunks of the bucket. */
  fileChunks: 'files.chunks',
} as const;
