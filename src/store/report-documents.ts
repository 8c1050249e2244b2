import { LOCALES, type Locale } from '../core/locale';
import type { L0OutcomeKind } from '../core/ports/l0-learning';
import {
  CATEGORIES,
  LEVELS,
  PRIORITIES,
  type AuditEntry,
  type Category,
  type Level,
  type Priority,
} from '../core/ticket';
import type { ReportDraft, ReportOutcome, ReportTicket } from '../report/report-input';
import { DRAFT_STATUSES } from '../report/report-types';
import { L0_OUTCOME_KINDS } from './l0-learning-documents';
import { PLATFORMS, TICKET_STATUSES } from './ticket-document';

/**
 * The projected documents the report reads, checked field by field (the full zod schemas of the
 * stores would reject a projection, and parsing 50,000 tickets with them costs seconds). A document
 * that does not read back is skipped and counted, never guessed at.
 */
export const TICKET_PROJECTION = {
  key: 1,
  locale: 1,
  category: 1,
  priority: 1,
  status: 1,
  level: 1,
  createdAt: 1,
  'requester.platform': 1,
  audit: 1,
  'transcript.at': 1,
  'transcript.from': 1,
  'transcript.level': 1,
  'transcript.internal': 1,
} as const;

export const OUTCOME_PROJECTION = {
  at: 1,
  kind: 1,
  locale: 1,
  question: 1,
  articleId: 1,
  suggestions: 1,
  ticketId: 1,
  'user.platform': 1,
  'user.id': 1,
} as const;

export const DRAFT_PROJECTION = {
  articleId: 1,
  ticketKey: 1,
  lang: 1,
  title: 1,
  questions: 1,
  status: 1,
  exportedAt: 1,
} as const;

type Doc = Record<string, unknown>;
const isObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null;
const isDate = (v: unknown): v is Date =>
  Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime());
const oneOf = <T>(list: readonly T[], v: unknown): v is T => list.includes(v as T);
const optionalString = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function readReportTicket(d: Doc): ReportTicket | undefined {
  const requester = d.requester;
  if (
    typeof d._id !== 'string' ||
    typeof d.key !== 'string' ||
    !oneOf<Locale>(LOCALES, d.locale) ||
    !oneOf<Category>(CATEGORIES, d.category) ||
    !oneOf<Priority>(PRIORITIES, d.priority) ||
    !oneOf(TICKET_STATUSES, d.status) ||
    !oneOf<Level>(LEVELS, d.level) ||
    !isDate(d.createdAt) ||
    !isObject(requester) ||
    !oneOf(PLATFORMS, requester.platform) ||
    !Array.isArray(d.audit) ||
    !Array.isArray(d.transcript)
  )
    return undefined;
  const audit = d.audit.map(readAudit);
  const transcript = d.transcript.map(readTranscript);
  if (audit.includes(undefined) || transcript.includes(undefined)) return undefined;
  return {
    id: d._id,
    key: d.key,
    locale: d.locale,
    category: d.category,
    priority: d.priority,
    status: d.status,
    level: d.level,
    createdAt: d.createdAt,
    requester: { platform: requester.platform },
    audit: audit as AuditEntry[],
    transcript: transcript as ReportTicket['transcript'][number][],
  };
}

function readAudit(e: unknown): AuditEntry | undefined {
  if (!isObject(e) || !isDate(e.at) || typeof e.action !== 'string') return undefined;
  const actor = e.actor;
  const user =
    isObject(actor) && oneOf(PLATFORMS, actor.platform) && typeof actor.id === 'string'
      ? {
          platform: actor.platform,
          id: actor.id,
          ...(typeof actor.name === 'string' ? { name: actor.name } : {}),
        }
      : undefined;
  if (actor !== 'system' && !user) return undefined;
  const detail = isObject(e.detail) ? (e.detail as AuditEntry['detail']) : undefined;
  return { at: e.at, actor: user ?? 'system', action: e.action, ...(detail ? { detail } : {}) };
}

function readTranscript(e: unknown): ReportTicket['transcript'][number] | undefined {
  if (
    !isObject(e) ||
    !isDate(e.at) ||
    !oneOf(['requester', 'agent', 'bot'] as const, e.from) ||
    !oneOf<Level>(LEVELS, e.level) ||
    typeof e.internal !== 'boolean'
  )
    return undefined;
  return { at: e.at, from: e.from, level: e.level, internal: e.internal };
}

export function readReportOutcome(d: Doc): ReportOutcome | undefined {
  const user = d.user;
  if (
    !isDate(d.at) ||
    !oneOf<L0OutcomeKind>(L0_OUTCOME_KINDS, d.kind) ||
    !oneOf<Locale>(LOCALES, d.locale) ||
    typeof d.question !== 'string' ||
    !isObject(user) ||
    typeof user.platform !== 'string' ||
    typeof user.id !== 'string'
  )
    return undefined;
  const articleId = optionalString(d.articleId);
  const ticketId = optionalString(d.ticketId);
  const suggestions = Array.isArray(d.suggestions)
    ? d.suggestions.filter((s): s is string => typeof s === 'string')
    : undefined;
  return {
    at: d.at,
    kind: d.kind,
    locale: d.locale,
    question: d.question,
    user: { platform: user.platform, id: user.id },
    ...(articleId ? { articleId } : {}),
    ...(ticketId ? { ticketId } : {}),
    ...(suggestions ? { suggestions } : {}),
  };
}

/**
 * A KB draft (src/store/mongo-kb-drafts.ts): saving it is its approval, `exportedAt` marks it
 * written to the KB; an explicit `status` is taken as it is. Its id is the article id it is saved
 * as, the one the bot names to the agent and the KB file gets (the document's own key is internal).
 */
export function readReportDraft(d: Doc): ReportDraft | undefined {
  const id = optionalString(d.articleId) ?? optionalString(d._id) ?? optionalString(d.id);
  const status = oneOf(DRAFT_STATUSES, d.status)
    ? d.status
    : isDate(d.exportedAt)
      ? 'exported'
      : 'approved';
  if (!id || typeof d.title !== 'string' || typeof d.ticketKey !== 'string') return undefined;
  if (!oneOf<Locale>(LOCALES, d.lang)) return undefined;
  const questions = Array.isArray(d.questions)
    ? d.questions.filter((q): q is string => typeof q === 'string')
    : [];
  return { id, title: d.title, ticketKey: d.ticketKey, lang: d.lang, status, questions };
}
