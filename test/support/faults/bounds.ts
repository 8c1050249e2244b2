/**
 * Texts posted twice after a bot process is killed (SIGKILL), or stopped with work still in hand at
 * its SHUTDOWN_SECONDS deadline (SIGTERM). Delivery is at least once: an outbox entry whose post the
 * platform accepted, but whose "sent" record the process had not written when it died, is posted
 * again by the process that takes it over. Only entries in hand at that moment can be, and a process
 * holds at most WORKER_CONCURRENCY outbox entries at once: so at most that many per process killed.
 * (Inbox items redone after a kill repeat nothing: their effects are queued under the same keys. A
 * process that lives on through a database outage repeats nothing either: it records a send again
 * until the database is back, within its lease; see work-runner.ts.)
 */
export function repostBound(o: { readonly concurrency: number; readonly killed: number }): number {
  return o.concurrency * o.killed;
}
