import type { Db, Document, Filter } from 'mongodb';
import { ACTIVE_STATUSES } from '../core/ticket';
import type { ReportInput } from '../report/report-input';
import type { ReportQuery } from '../report/report-types';
import { COLLECTIONS } from './collections';
import { filterDate, filterOneOf, filterString } from './filter-values';
import {
  DRAFT_PROJECTION,
  OUTCOME_PROJECTION,
  readReportDraft,
  readReportOutcome,
  readReportTicket,
  TICKET_PROJECTION,
} from './report-documents';
import { PLATFORMS } from './ticket-document';
import { LOCALES } from '../core/locale';

/** What the period needs, and how many documents did not read back (skipped). */
export interface LoadedReportInput extends ReportInput {
  readonly skipped: { readonly tickets: number; readonly outcomes: number };
}

const BATCH = 5000;

/**
 * Reads what a report of [from, to) needs, projecting only the fields it uses: tickets created
 * before `to` and either changed since `from` or still active (a ticket untouched since before the
 * period is as it was then), the period's L0 outcomes, and the KB drafts. Channel, category and language filters go into the queries. On MongoDB the
 * indexes `by_updated`, `queue` and l0_outcomes `by_time` serve these; FerretDB 1.24 (SQLite)
 * reads the collections whatever the index.
 */
export async function loadReportInput(db: Db, query: ReportQuery): Promise<LoadedReportInput> {
  const from = filterDate(query.from, 'from');
  const to = filterDate(query.to, 'to');
  const f = query.filters ?? {};
  const ticketFilter: Filter<Document> = {
    createdAt: { $lt: to },
    $or: [{ updatedAt: { $gte: from } }, { status: { $in: [...ACTIVE_STATUSES] } }],
  };
  const outcomeFilter: Filter<Document> = { at: { $gte: from, $lt: to } };
  if (f.channel) {
    const channel = filterOneOf(f.channel, PLATFORMS, 'channel');
    ticketFilter['requester.platform'] = channel;
    outcomeFilter['user.platform'] = channel;
  }
  if (f.language) {
    const language = filterOneOf(f.language, LOCALES, 'language');
    ticketFilter.locale = language;
    outcomeFilter.locale = language;
  }
  if (f.category) ticketFilter.category = filterString(f.category, 'category');
  const [tickets, outcomes, drafts] = await Promise.all([
    readAll(db, COLLECTIONS.tickets, ticketFilter, TICKET_PROJECTION, readReportTicket),
    readAll(db, COLLECTIONS.l0Outcomes, outcomeFilter, OUTCOME_PROJECTION, readReportOutcome),
    readAll(db, COLLECTIONS.kbDrafts, {}, DRAFT_PROJECTION, readReportDraft),
  ]);
  return {
    tickets: tickets.items,
    outcomes: outcomes.items,
    drafts: drafts.items,
    skipped: { tickets: tickets.skipped, outcomes: outcomes.skipped },
  };
}

async function readAll<T>(
  db: Db,
  collection: string,
  filter: Filter<Document>,
  projection: Document | undefined,
  read: (d: Document) => T | undefined,
): Promise<{ items: T[]; skipped: number }> {
  const items: T[] = [];
  let skipped = 0;
  const cursor = db
    .collection(collection)
    .find(filter, { ...(projection ? { projection } : {}), batchSize: BATCH });
  for await (const document of cursor) {
    const item = read(document);
    if (item === undefined) skipped += 1;
    else items.push(item);
  }
  return { items, skipped };
}
