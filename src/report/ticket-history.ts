import type { AuditEntry, Level } from '../core/ticket';
import type { ReportTicket } from './report-input';

/**
 * A ticket's life read back from its audit trail and transcript, as of an instant (`until`): where
 * it was at each moment, who acted, what stood at the end. Everything at or after `until` is ignored,
 * so a report of a past period shows what was known then. Pure.
 */
export interface Arrival {
  readonly level: Level;
  readonly at: Date;
  readonly how: 'created' | 'escalated' | 'sent_back';
}

export interface Resolution {
  readonly level: Level;
  readonly at: Date;
  readonly agent: Agent | undefined;
  /** Not followed by a reopen (before `until`). */
  readonly standing: boolean;
}

export interface Agent {
  readonly id: string;
  readonly name: string;
}

export interface TicketHistory {
  readonly arrivals: readonly Arrival[];
  /** Agents' actions (claim, escalate, send back, wait, resolve) and relayed replies, by level. */
  readonly responses: readonly { readonly level: Level; readonly at: Date }[];
  readonly resolutions: readonly Resolution[];
  readonly escalations: readonly {
    readonly from: Level;
    readonly at: Date;
    readonly automatic: boolean;
  }[];
  readonly sendBacks: readonly { readonly from: Level; readonly at: Date }[];
  readonly reopens: readonly { readonly level: Level; readonly at: Date }[];
  /** The rating that stands (given after the standing resolution), with that resolution. */
  readonly rating:
    { readonly score: number; readonly at: Date; readonly of: Resolution } | undefined;
  readonly sla: readonly {
    readonly kind: 'warning' | 'breach';
    readonly clock: string;
    readonly level: Level;
    readonly at: Date;
  }[];
  /** Highest level reached before `until`. */
  readonly maxLevel: Level;
  /** At `until`: existed, and was open, claimed or waiting on the requester. */
  readonly activeAtEnd: boolean;
  readonly levelAtEnd: Level;
}

const ACTIVE_AFTER = new Set([
  'created',
  'claimed',
  'escalated',
  'sent_back',
  'waiting_on_requester',
  'requester_replied',
  'reopened',
]);
const INACTIVE_AFTER = new Set(['resolved', 'confirmed', 'cancelled']);
const AGENT_ACTIONS = new Set([
  'claimed',
  'escalated',
  'sent_back',
  'resolved',
  'waiting_on_requester',
]);

const asLevel = (value: unknown, fallback: Level): Level =>
  value === 1 || value === 2 || value === 3 ? value : fallback;

function agentOf(entry: AuditEntry): Agent | undefined {
  if (entry.actor === 'system') return undefined;
  return {
    id: `${entry.actor.platform}:${entry.actor.id}`,
    name: entry.actor.name ?? entry.actor.id,
  };
}

export function readHistory(ticket: ReportTicket, until: Date): TicketHistory {
  const end = until.getTime();
  let level: Level = 1;
  let maxLevel: Level = 1;
  let active = false;
  let created = false;
  const h = {
    arrivals: [] as Arrival[],
    responses: [] as { level: Level; at: Date }[],
    resolutions: [] as Resolution[],
    escalations: [] as { from: Level; at: Date; automatic: boolean }[],
    sendBacks: [] as { from: Level; at: Date }[],
    reopens: [] as { level: Level; at: Date }[],
    sla: [] as TicketHistory['sla'][number][],
  };
  let rating: { score: number; at: Date; of: Resolution } | undefined;
  for (const entry of ticket.audit) {
    if (entry.at.getTime() >= end) break; // appended in time order
    const { action, at } = entry;
    const detail = entry.detail ?? {};
    if (AGENT_ACTIONS.has(action) && entry.actor !== 'system') h.responses.push({ level, at });
    if (action === 'created') {
      created = true;
      h.arrivals.push({ level: 1, at, how: 'created' });
    } else if (action === 'escalated') {
      h.escalations.push({ from: level, at, automatic: detail.automatic === true });
      level = asLevel(detail.to, Math.min(3, level + 1) as Level);
      if (level > maxLevel) maxLevel = level;
      h.arrivals.push({ level, at, how: 'escalated' });
    } else if (action === 'sent_back') {
      h.sendBacks.push({ from: level, at });
      level = asLevel(detail.to, Math.max(1, level - 1) as Level);
      h.arrivals.push({ level, at, how: 'sent_back' });
    } else if (action === 'resolved') {
      h.resolutions.push({ level, at, agent: agentOf(entry), standing: true });
    } else if (action === 'reopened') {
      const last = h.resolutions.pop();
      if (last) h.resolutions.push({ ...last, standing: false });
      h.reopens.push({ level: last?.level ?? level, at });
      rating = undefined;
    } else if (action === 'rated' && typeof detail.score === 'number') {
      const of = h.resolutions.at(-1);
      if (of) rating = { score: detail.score, at, of };
    } else if (action === 'sla_warning' || action === 'sla_breach') {
      const kind = action === 'sla_warning' ? 'warning' : 'breach';
      h.sla.push({ kind, clock: String(detail.clock ?? 'unknown'), level, at });
    }
    if (ACTIVE_AFTER.has(action)) active = true;
    else if (INACTIVE_AFTER.has(action)) active = false;
  }
  for (const said of ticket.transcript) {
    if (said.from === 'agent' && !said.internal && said.at.getTime() < end)
      h.responses.push({ level: said.level, at: said.at });
  }
  h.responses.sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    ...h,
    rating,
    maxLevel,
    activeAtEnd: created && active,
    levelAtEnd: level,
  };
}
