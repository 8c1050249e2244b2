import type { SlackApiStub } from '../slack-api-stub';
import type { Employee } from './cast';
import {
  deliver,
  freshId,
  freshTs,
  type Delivery,
  type RetryPolicy,
  type Users,
} from './slack-user';
import { atRate } from './wait';
import { postsByChannel } from './world';

/**
 * A steady stream of DMs, one per employee (so each answer is matched to its message by DM channel),
 * and what became of them: acknowledged or not, answered how often.
 */
export interface SentDm {
  readonly employee: Employee;
  readonly delivery: Delivery;
}

export async function steadyDms(options: {
  users: Users;
  url: (index: number) => string;
  employees: readonly Employee[];
  perSecond: number;
  policy: RetryPolicy;
  /** Stops sending (what was sent still completes). */
  stop?: () => boolean;
}): Promise<SentDm[]> {
  const { users, employees } = options;
  return atRate(
    employees.length,
    options.perSecond,
    async (i) => {
      const employee = employees[i]!;
      const text = `my vpn keeps dropping, ticket ref ${employee.id}`;
      const send = users.dm(options.url(i), employee, text, freshId('Ev'), freshTs());
      return { employee, delivery: await deliver(send, options.policy) };
    },
    { ...(options.stop && { stop: options.stop }) },
  );
}

export interface DmOutcome {
  readonly sent: number;
  readonly acked: number;
  /** Acknowledged and answered (at least once). */
  readonly ackedAnswered: number;
  /** Answered more than once. */
  readonly answeredTwice: number;
  /** Never acknowledged, yet answered (the write landed after the platform gave up). */
  readonly unackedAnswered: number;
  /** Got a non-2xx at least once. */
  readonly refusedOnce: number;
}

export function dmOutcome(stub: SlackApiStub, sent: readonly SentDm[]): DmOutcome {
  const posts = postsByChannel(stub);
  const answers = (d: SentDm) => posts.get(d.employee.dm) ?? 0;
  const acked = sent.filter((d) => d.delivery.acked);
  return {
    sent: sent.length,
    acked: acked.length,
    ackedAnswered: acked.filter((d) => answers(d) > 0).length,
    answeredTwice: sent.filter((d) => answers(d) > 1).length,
    unackedAnswered: sent.filter((d) => !d.delivery.acked && answers(d) > 0).length,
    refusedOnce: sent.filter((d) => d.delivery.statuses.some((s) => s < 200 || s >= 300)).length,
  };
}

/** Answers waited for: every acknowledged DM answered, or the timeout. */
export function allAckedAnswered(stub: SlackApiStub, sent: readonly SentDm[]) {
  const o = dmOutcome(stub, sent);
  return o.ackedAnswered === o.acked;
}
