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

/**
 * What an overload may add to the bot's resident memory (VmRSS) over its idle size, in MB. The
 * events waiting are in the database (MAX_BACKLOG of them, then 503s), not in memory; what a burst
 * adds is the requests in flight (at 200 DM/s, with 3 s timeouts and retries, hundreds of connections
 * at once) and V8's heap headroom. It added 103-111 MB at 200 DM/s on this machine; a queue or a
 * cache that grew with the events would go past this. Relative to idle, because the idle size
 * depends on what is loaded (the embedding model, tsx in the jest run), which is not this bound's
 * business.
 */
export const OVERLOAD_RSS_ADDED_MB = 150;
