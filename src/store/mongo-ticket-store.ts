import { randomUUID } from 'node:crypto';
import { MongoServerError, type Db, type Filter, type Sort } from 'mongodb';
import type { UserRef } from '../core/people';
import type { NewTicket, TicketStore } from '../core/ports/ticket-store';
import {
  ACTIVE_STATUSES,
  LEVELS,
  type Level,
  type Ticket,
  type TicketStatus,
} from '../core/ticket';
import { COLLECTIONS } from './collections';
import { filterDate, filterOneOf, filterString, filterVersion } from './filter-values';
import { nextSequence } from './next-sequence';
import {
  fromTicketDocument,
  PLATFORMS,
  TICKET_STATUSES,
  toTicketDocument,
  type TicketDocument,
} from './ticket-document';
import { createTicketRefs, requesterKey, type ActiveSummary, type TicketRefs } from './ticket-refs';
import { createVersionGuard, isDuplicateKey } from './version-guard';

/**
 * Tickets in MongoDB (or FerretDB): one document each, `_id` the ticket id (a UUID), key from the
 * `ticket` sequence (IT-1001...). Every change goes through the version guard (see version-guard.ts),
 * because a conditional replace alone is not atomic on FerretDB.
 */
export interface MongoTicketStoreOptions {
  /** A stored document that does not read back as a ticket: reported, skipped in lists. */
  readonly onMalformed?: (error: Error) => void;
  /** The lookup documents beside the tickets (ticket-refs.ts); one per process is enough. */
  readonly refs?: TicketRefs;
}

const onlyActive = (statuses: readonly TicketStatus[]) =>
  statuses.length > 0 && statuses.every((s) => ACTIVE_STATUSES.includes(s));
const cmp = (a: Ticket, b: Ticket) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byCreatedAt = (direction: 1 | -1) => (a: Ticket, b: Ticket) =>
  direction * (a.createdAt.getTime() - b.createdAt.getTime()) || cmp(a, b);

export function createMongoTicketStore(db: Db, options: MongoTicketStoreOptions = {}): TicketStore {
  // ignoreUndefined: an undefined optional field is left out of the document, never stored as null.
  const tickets = db.collection<TicketDocument>(COLLECTIONS.tickets, { ignoreUndefined: true });
  const guard = createVersionGuard(db, COLLECTIONS.ticketVersions);
  const refs = options.refs ?? createTicketRefs(db);

  const findOne = async (filter: Filter<TicketDocument>): Promise<Ticket | undefined> => {
    const document = await tickets.findOne(filter);
    return document ? fromTicketDocument(document) : undefined;
  };
  const findMany = async (
    filter: Filter<TicketDocument>,
    sort: Sort,
    limit = 0,
  ): Promise<Ticket[]> =>
    (await tickets.find(filter).sort(sort).limit(limit).toArray()).flatMap((document) => {
      // One bad document must not stop a queue view or the SLA sweep for every other ticket.
      try {
        return [fromTicketDocument(document)];
      } catch (error) {
        options.onMalformed?.(error instanceof Error ? error : new Error(String(error)));
        return [];
      }
    });
  /**
   * Active tickets whose summary matches, read by `_id` and checked (a summary is a hint), never by a
   * query over the tickets collection.
   */
  const activeTickets = async (
    summaries: Filter<ActiveSummary> | Promise<string[]>,
  ): Promise<Ticket[]> => {
    const ids = await (summaries instanceof Promise ? summaries : refs.activeIds(summaries));
    const found = await Promise.all(
      ids.map(async (id) => {
        try {
          return await findOne({ _id: id });
        } catch (error) {
          options.onMalformed?.(error instanceof Error ? error : new Error(String(error)));
          return undefined;
        }
      }),
    );
    return found.filter((t): t is Ticket => t !== undefined && ACTIVE_STATUSES.includes(t.status));
  };
  const statusFilter = (statuses: readonly TicketStatus[]) => ({
    $in: statuses.map((s) => filterOneOf(s, TICKET_STATUSES, 'status')),
  });

  return {
    async create(input: NewTicket, id?: string): Promise<Ticket> {
      // Checked before a number is used up.
      toTicketDocument({ ...input, id: 'new', key: 'new', version: 0 }, 'new ticket');
      if (id) {
        const existing = await findOne({ _id: filterString(id, 'ticket id') });
        if (existing) return existing;
      }
      const key = `IT-${await nextSequence(db, 'ticket', 1001)}`;
      const document = toTicketDocument({ ...input, id: id ?? randomUUID(), key, version: 0 });
      await refs.beforeWrite(document);
      try {
        await tickets.insertOne(document);
      } catch (error) {
        // Two workers redoing one item at once: the first insert stands (its key number is kept).
        if (id && isDuplicateKey(error)) {
          const stored = await findOne({ _id: id });
          if (stored) return stored;
        }
        throw error;
      }
      return fromTicketDocument(document);
    },

    async get(id: string): Promise<Ticket | undefined> {
      return findOne({ _id: filterString(id, 'ticket id') });
    },

    async getByThread(platform: string, threadId: string): Promise<Ticket | undefined> {
      const where = `${filterString(platform, 'platform')}:${filterString(threadId, 'thread id')}`;
      const id = await refs.ticketOfThread(where);
      const ticket = id === undefined ? undefined : await findOne({ _id: id });
      const named = Object.values(ticket?.threads ?? {}).some(
        (t) => t !== undefined && `${t.platform}:${t.threadId}` === where,
      );
      return named ? ticket : undefined;
    },

    async update(next: Ticket, expectedVersion: number): Promise<Ticket | undefined> {
      const id = filterString(next.id, 'ticket id');
      const version = filterVersion(expectedVersion, 'expected version');
      // Validated before the claim, so a malformed ticket cannot leave a claim behind.
      const document = toTicketDocument({ ...next, version: version + 1 });
      const claim = await guard.claim(
        id,
        version,
        async () =>
          (await tickets.findOne({ _id: id }, { projection: { version: 1 } }))?.version === version,
      );
      if (!claim) return undefined;
      let matched: boolean;
      try {
        await refs.beforeWrite(document);
        matched = (await tickets.replaceOne({ _id: id, version }, document)).matchedCount > 0;
      } catch (error) {
        // A server's refusal means nothing was written; on a network error the write may still
        // happen, so the claim stays (it goes stale in 30 s).
        if (error instanceof MongoServerError) await claim.abandoned();
        throw error;
      }
      if (!matched) {
        await claim.abandoned();
        return undefined;
      }
      await claim.moved();
      await refs.afterWrite(document);
      return fromTicketDocument(document);
    },

    async listByRequester(
      requester: UserRef,
      statuses?: readonly TicketStatus[],
    ): Promise<Ticket[]> {
      const platform = filterOneOf(requester.platform, PLATFORMS, 'requester platform');
      const userId = filterString(requester.id, 'requester id');
      if (statuses !== undefined && onlyActive(statuses)) {
        const found = await activeTickets(refs.activeIdsOf(requesterKey(platform, userId)));
        return found
          .filter((t) => t.requester.platform === platform && t.requester.id === userId)
          .filter((t) => statuses.includes(t.status))
          .sort(byCreatedAt(-1));
      }
      // Every ticket of the person ("my tickets"): rare, so it may read the whole collection.
      const filter: Filter<TicketDocument> = {
        'requester.platform': platform,
        'requester.id': userId,
      };
      if (statuses !== undefined) filter.status = statusFilter(statuses);
      return findMany(filter, { createdAt: -1, _id: 1 });
    },

    async listByLevel(level: Level, statuses: readonly TicketStatus[]): Promise<Ticket[]> {
      const at = filterOneOf(level, LEVELS, 'level');
      if (onlyActive(statuses)) {
        const found = await activeTickets({ level: at });
        return found
          .filter((t) => t.level === at && statuses.includes(t.status))
          .sort(byCreatedAt(1));
      }
      return findMany({ level: at, status: statusFilter(statuses) }, { createdAt: 1, _id: 1 });
    },

    async listDueForSla(now: Date, limit: number): Promise<Ticket[]> {
      // A limit below 1 returns nothing, Infinity everything.
      if (!(limit >= 1)) return [];
      const due = filterDate(now, 'now');
      const found = await activeTickets({ nextCheckAt: { $lte: due } });
      return found
        .filter((t) => t.sla.nextCheckAt !== undefined && t.sla.nextCheckAt <= due)
        .sort((a, b) => a.sla.nextCheckAt!.getTime() - b.sla.nextCheckAt!.getTime() || cmp(a, b))
        .slice(0, limit);
    },

    async listDueForTimers(now: Date, limit: number): Promise<Ticket[]> {
      if (!(limit >= 1)) return [];
      const due = filterDate(now, 'now');
      // Read by `_id` from the small timer refs (ticket-refs.ts), never by a query over the tickets.
      const ids = await refs.dueTimerIds(due, Number.isFinite(limit) ? limit : 0);
      const found = await Promise.all(
        ids.map(async (id) => {
          try {
            const ticket = await findOne({ _id: id });
            if (!ticket?.nextTimerAt) await refs.dropStaleTimer(id);
            return ticket;
          } catch (error) {
            options.onMalformed?.(error instanceof Error ? error : new Error(String(error)));
            return undefined;
          }
        }),
      );
      return found
        .filter((t): t is Ticket => t?.nextTimerAt !== undefined && t.nextTimerAt <= due)
        .sort((a, b) => a.nextTimerAt!.getTime() - b.nextTimerAt!.getTime() || cmp(a, b));
    },

    async listMissingCards(createdBefore: Date, limit: number): Promise<Ticket[]> {
      const before = filterDate(createdBefore, 'created before');
      const found = await activeTickets({ createdAt: { $lt: before } });
      return found
        .filter((t) => t.createdAt < before && t.cards[`L${t.level}`] === undefined)
        .sort(byCreatedAt(1))
        .slice(0, Math.max(0, limit));
    },
  };
}
