import type { UserRef } from '../../../src/core/people';
import type { AuditEntry, Level, Priority } from '../../../src/core/ticket';
import type { ReportOutcome, ReportTicket } from '../../../src/report/report-input';

/** Hand-written report records for the unit tests: times are minutes after START. */
export const START = new Date('2026-03-02T00:00:00Z'); // a Monday, 07:00 in Jakarta
export const at = (minutes: number): Date => new Date(START.getTime() + minutes * 60_000);
export const DAY = 24 * 60;

export const agent = (id: string): UserRef => ({ platform: 'console', id, name: id });

type Step =
  | [minutes: number, action: 'claimed' | 'resolved' | 'waiting_on_requester', by: string]
  | [minutes: number, action: 'escalated', by: string, to: Level]
  | [minutes: number, action: 'sent_back', by: string, to: Level]
  | [minutes: number, action: 'reopened' | 'confirmed' | 'cancelled']
  | [minutes: number, action: 'rated', score: number]
  | [minutes: number, action: 'sla_warning' | 'sla_breach', clock: string]
  | [minutes: number, action: 'reply' | 'note', by: string, level: Level];

export function ticket(
  id: string,
  created: number,
  steps: readonly Step[],
  extra: Partial<Pick<ReportTicket, 'locale' | 'category' | 'requester'>> & {
    priority?: Priority;
  } = {},
): ReportTicket {
  const audit: AuditEntry[] = [
    { at: at(created), actor: { platform: 'console', id: 'emp' }, action: 'created' },
  ];
  const transcript: ReportTicket['transcript'][number][] = [];
  let level: Level = 1;
  for (const step of steps) {
    const [m, action] = step;
    const when = at(m);
    if (action === 'reply' || action === 'note') {
      transcript.push({
        at: when,
        from: 'agent',
        level: step[3],
        internal: action === 'note',
      });
      continue;
    }
    const actorOf = (who: unknown) => (who === 'system' ? 'system' : agent(String(who)));
    if (action === 'escalated' || action === 'sent_back') {
      const to = step[3];
      audit.push({
        at: when,
        actor: actorOf(step[2]),
        action,
        detail: { from: level, to, automatic: step[2] === 'system' },
      });
      level = to;
    } else if (action === 'rated')
      audit.push({ at: when, actor: agent('emp'), action, detail: { score: step[2] } });
    else if (action === 'sla_warning' || action === 'sla_breach')
      audit.push({ at: when, actor: 'system', action, detail: { clock: step[2] } });
    else if (action === 'claimed' || action === 'resolved' || action === 'waiting_on_requester')
      audit.push({ at: when, actor: agent(step[2]), action });
    else audit.push({ at: when, actor: agent('emp'), action });
  }
  return {
    id,
    key: `IT-${id}`,
    locale: extra.locale ?? 'en',
    category: extra.category ?? 'printing',
    priority: extra.priority ?? 'P3',
    status: 'open', // the report reads the audit trail, not the current status
    level,
    createdAt: at(created),
    requester: extra.requester ?? { platform: 'console' },
    audit,
    transcript,
  };
}

export function outcome(
  minutes: number,
  kind: ReportOutcome['kind'],
  user: string,
  question: string,
  extra: Partial<ReportOutcome> = {},
): ReportOutcome {
  return {
    at: at(minutes),
    kind,
    locale: 'en',
    question,
    user: { platform: 'console', id: user },
    ...extra,
  };
}
