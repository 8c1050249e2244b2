import { LRUCache } from 'lru-cache';
import type { Db, Document, Filter } from 'mongodb';
import { ACTIVE_STATUSES, LEVELS, type Level, type TicketStatus } from '../core/ticket';
import { COLLECTIONS } from './collections';
import type { TicketDocument } from './ticket-document';
import { createGroupCommit } from './group-commit';
import { isDuplicateKey } from './version-guard';

/**
 * Small lookup documents beside the tickets, so that the hot paths never read the tickets collection
 * other than by `_id` (on FerretDB 1.24 any other query decodes every ticket ever stored):
 * - `ticket_threads`: `_id` `${platform}:${threadId}` -> ticketId, insert-only, written before the
 *   ticket that names the thread (an agent's reply finds its ticket by one read);
 * - `active_tickets`: one summary per active ticket (requester, level, SLA check time, cards), so
 *   "the requester's open ticket", queue views and the SLA sweep read a collection the size of the
 *   backlog, then the tickets by `_id`.
 * - `ticket_timers`: `_id` ticketId -> `at`, the ticket's `nextTimerAt` (a reminder or auto-close of
 *   a ticket waiting on the requester or resolved), so the timer sweep reads a collection the size of
 *   the timed tickets.
 * All are hints: readers check every ticket they fetch. A summary is written before a ticket becomes
 * active (a DM can never miss its open ticket) and after the other changes; what a crash leaves stale
 * is put right by `reconcile` (run at start and periodically).
 */
export interface ActiveSummary {
  readonly _id: string;
  readonly requester: string;
  readonly level: Level;
  readonly status: TicketStatus;
  readonly createdAt: Date;
  /** The SLA's next check, or absent when nothing is timed. */
  readonly nextCheckAt?: Date;
  /** Levels whose card has been posted. */
  readonly cards: readonly Level[];
  /** When this summary was written: reconcile leaves fresh ones alone (a write may be under way). */
  readonly writtenAt: Date;
}

export interface TimerRef {
  readonly _id: string;
  readonly at: Date;
  readonly writtenAt: Date;
}

interface ThreadRef {
  readonly _id: string;
  readonly ticketId: string;
}

interface MigrationMark {
  readonly _id: string;
  readonly at: Date;
}

const MIGRATION = 'ticket-refs-1';
/** A summary younger than this may belong to a write still under way: reconcile keeps it. */
const SETTLE_MS = 5 * 60_000;
/** Summaries this process wrote, by ticket: an unchanged one is not written again. */
const REMEMBERED = 20_000;

export const requesterKey = (platform: string, id: string) => `${platform}:${id}`;

function summaryOf(doc: TicketDocument, at: Date): ActiveSummary | undefined {
  if (!ACTIVE_STATUSES.includes(doc.status)) return undefined;
  const cards = LEVELS.filter((level) => doc.cards[`L${level}`] !== undefined);
  return {
    _id: doc._id,
    requester: requesterKey(doc.requester.platform, doc.requester.id),
    level: doc.level,
    status: doc.status,
    createdAt: doc.createdAt,
    ...(doc.sla.nextCheckAt ? { nextCheckAt: doc.sla.nextCheckAt } : {}),
    cards,
    writtenAt: at,
  };
}

/** The summary's content, without its write time: what decides whether it must be written. */
const contentOf = (s: ActiveSummary | undefined) =>
  s ? JSON.stringify({ ...s, writtenAt: undefined }) : 'inactive';

export function createTicketRefs(db: Db, now: () => Date = () => new Date()) {
  const threads = db.collection<ThreadRef>(COLLECTIONS.ticketThreads);
  const active = db.collection<ActiveSummary>(COLLECTIONS.activeTickets, {
    ignoreUndefined: true,
  });
  const timers = db.collection<TimerRef>(COLLECTIONS.ticketTimers);
  const migrations = db.collection<MigrationMark>(COLLECTIONS.migrations);
  /** What this process last made of each ticket's timer ref (its time, or 'none'), by version. */
  const timersWritten = new LRUCache<string, { version: number; at: string }>({ max: REMEMBERED });
  const timerContent = (doc: TicketDocument) =>
    doc.nextTimerAt ? String(doc.nextTimerAt.getTime()) : 'none';
  /** As `unchanged`, for the timer ref. */
  const timerUnchanged = (doc: TicketDocument) => {
    const last = timersWritten.get(doc._id);
    return last !== undefined && last.version === doc.version - 1 && last.at === timerContent(doc);
  };
  const rememberTimer = (doc: TicketDocument) =>
    timersWritten.set(doc._id, { version: doc.version, at: timerContent(doc) });
  async function putTimer(doc: TicketDocument, at: Date, writtenAt: Date): Promise<void> {
    await timers.replaceOne({ _id: doc._id }, { at, writtenAt }, { upsert: true });
    rememberTimer(doc);
  }
  /** What this process last made of each ticket's summary, at which ticket version. */
  const written = new LRUCache<string, { version: number; content: string }>({ max: REMEMBERED });
  /** Thread refs known to be stored (`ticketId|threadKey`). */
  const knownThreads = new LRUCache<string, true>({ max: REMEMBERED });

  function remember(doc: TicketDocument, content: string): void {
    written.set(doc._id, { version: doc.version, content });
  }
  /**
   * Whether this process made the summary `content` at the version just before `doc`'s: then no other
   * write came between (it would have moved the version) and the stored summary needs no change.
   */
  const unchanged = (doc: TicketDocument, content: string) => {
    const last = written.get(doc._id);
    return last !== undefined && last.version === doc.version - 1 && last.content === content;
  };

  /** Inserts the thread refs of `doc` not known to exist (`stored`: every ref in the database). */
  async function insertThreads(doc: TicketDocument, stored?: ReadonlySet<string>): Promise<void> {
    for (const key of doc.threadIds) {
      if (knownThreads.has(`${doc._id}|${key}`) || stored?.has(key)) continue;
      try {
        await threads.insertOne({ _id: key, ticketId: doc._id });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      knownThreads.set(`${doc._id}|${key}`, true);
    }
  }

  async function putSummary(doc: TicketDocument, summary: ActiveSummary): Promise<void> {
    await active.replaceOne({ _id: summary._id }, summary, { upsert: true });
    remember(doc, contentOf(summary));
  }

  return {
    /** Before a ticket write: its threads' refs, and its summary when it is (or becomes) active. */
    async beforeWrite(doc: TicketDocument): Promise<void> {
      await insertThreads(doc);
      // A timer ref is written before the ticket that names it (a timer is never missed).
      if (doc.nextTimerAt) {
        if (timerUnchanged(doc)) rememberTimer(doc);
        else await putTimer(doc, doc.nextTimerAt, now());
      } else if (doc.version === 0) rememberTimer(doc); // a new ticket has no timer ref to delete
      const summary = summaryOf(doc, now());
      if (!summary) return;
      if (unchanged(doc, contentOf(summary))) remember(doc, contentOf(summary));
      else await putSummary(doc, summary);
    },

    /** After a successful write: a ticket no longer active loses its summary. */
    async afterWrite(doc: TicketDocument): Promise<void> {
      if (!doc.nextTimerAt) {
        if (!timerUnchanged(doc)) await timers.deleteOne({ _id: doc._id });
        rememberTimer(doc);
      }
      if (summaryOf(doc, now())) return;
      if (!unchanged(doc, 'inactive')) await active.deleteOne({ _id: doc._id });
      remember(doc, 'inactive');
    },

    async ticketOfThread(key: string): Promise<string | undefined> {
      return (await threads.findOne({ _id: key }))?.ticketId;
    },

    /** Ids of the requester's active tickets (a hint); lookups made at once share one read. */
    activeIdsOf: createGroupCommit<string, string[]>(async (requesters) => {
      const found = await active
        .find({ requester: { $in: [...new Set(requesters)] } }, { projection: { requester: 1 } })
        .toArray();
      return requesters.map((r) => found.filter((s) => s.requester === r).map((s) => s._id));
    }),

    /** Ids of the tickets whose timer is due by `at`, earliest first (a hint: the caller checks). */
    async dueTimerIds(at: Date, limit: number): Promise<string[]> {
      const found = await timers
        .find({ at: { $lte: at } }, { projection: { _id: 1 } })
        .sort({ at: 1, _id: 1 })
        .limit(limit)
        .toArray();
      return found.map((r) => r._id);
    },

    /** Drops the timer ref of a ticket found to have no timer, unless it may be a write under way. */
    async dropStaleTimer(id: string): Promise<void> {
      const ref = await timers.findOne({ _id: id });
      if (ref && isSettled(ref, now()))
        await timers.deleteOne({ _id: id, writtenAt: ref.writtenAt });
    },

    /** Ids of the tickets whose summary matches (a hint: the caller checks the tickets). */
    async activeIds(filter: Filter<ActiveSummary>): Promise<string[]> {
      const found = await active.find(filter, { projection: { _id: 1 } }).toArray();
      return found.map((s) => s._id);
    },

    /**
     * Makes the refs agree with the tickets: thread refs and summaries that are missing or stale are
     * written, summaries of tickets no longer active (and not just written) are deleted. Reads every
     * ticket once: run at start (first on a database from before the refs) and now and then.
     */
    async reconcile(): Promise<{ written: number; deleted: number }> {
      const at = now();
      let [put, deleted] = [0, 0];
      const stored = new Map<string, Document>();
      for await (const s of active.find({})) stored.set(String(s._id), s);
      const storedThreads = new Set(
        (await threads.find({}, { projection: { _id: 1 } }).toArray()).map((t) => t._id),
      );
      const storedTimers = new Map<string, TimerRef>();
      for await (const r of timers.find({})) storedTimers.set(r._id, r);
      const tickets = db.collection<TicketDocument>(COLLECTIONS.tickets);
      for await (const doc of tickets.find({})) {
        await insertThreads(doc, storedThreads);
        const timer = storedTimers.get(doc._id);
        storedTimers.delete(doc._id);
        if (doc.nextTimerAt && timer?.at.getTime() !== doc.nextTimerAt.getTime()) {
          await putTimer(doc, doc.nextTimerAt, at);
          put += 1;
        } else if (!doc.nextTimerAt && timer && isSettled(timer, at)) {
          await timers.deleteOne({ _id: doc._id });
          deleted += 1;
        }
        const summary = summaryOf(doc, at);
        const current = stored.get(doc._id);
        stored.delete(doc._id);
        if (summary && contentOf(current as ActiveSummary | undefined) !== contentOf(summary)) {
          await putSummary(doc, summary);
          put += 1;
        } else if (!summary && current && isSettled(current, at)) {
          await active.deleteOne({ _id: doc._id });
          deleted += 1;
        }
      }
      for (const [id, r] of storedTimers) {
        if (!isSettled(r, at)) continue;
        await timers.deleteOne({ _id: id });
        deleted += 1;
      }
      // Summaries of tickets that were never stored (their create failed after the summary).
      for (const [id, s] of stored) {
        if (!isSettled(s, at)) continue;
        await active.deleteOne({ _id: id });
        deleted += 1;
      }
      return { written: put, deleted };
    },

    /** Runs `reconcile` once per database, before the refs are relied on (databases from before them). */
    async migrate(): Promise<boolean> {
      if (await migrations.findOne({ _id: MIGRATION })) return false;
      await this.reconcile();
      try {
        await migrations.insertOne({ _id: MIGRATION, at: now() });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      return true;
    },
  };
}

function isSettled(summary: Document, at: Date): boolean {
  const writtenAt = summary.writtenAt as unknown;
  return !(writtenAt instanceof Date) || at.getTime() - writtenAt.getTime() > SETTLE_MS;
}

export type TicketRefs = ReturnType<typeof createTicketRefs>;
