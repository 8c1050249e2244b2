import type { Employee } from '../../test/support/faults/cast';
import {
  deliver,
  freshId,
  freshTs,
  LIKE_SLACK,
  type Users,
} from '../../test/support/faults/slack-user';
import type { BenchContext } from './bench-context';
import type { Crowd } from './crowd';
import { climb, type Ladder } from './ladder';
import { runStep, type StepPlan, type StepSubject } from './load-step';
import type { PostWatch } from './post-watch';

/**
 * L0 load: one DM from each of `employees` (new people, so each answer is matched by its DM
 * channel), questions the knowledge base answers, to the bots' URLs in turn; delivered like Slack
 * (3 s to answer, then up to 3 retries 1 s apart).
 */
export const QUESTIONS = [
  'how do I reset my password',
  'vpn keeps disconnecting',
  'printer paper jam',
  'lupa password email',
] as const;

export function dmPlan(o: {
  readonly users: Users;
  readonly urls: readonly string[];
  readonly employees: readonly Employee[];
  readonly rate: number;
  readonly drainMs: number;
  readonly watch: PostWatch;
}): StepPlan {
  return {
    rate: o.rate,
    count: o.employees.length,
    drainMs: o.drainMs,
    send: (i) => {
      const employee = o.employees[i]!;
      const url = o.urls[i % o.urls.length]!;
      const text = QUESTIONS[i % QUESTIONS.length]!;
      return deliver(o.users.dm(url, employee, text, freshId('Ev'), freshTs()), LIKE_SLACK);
    },
    answeredAt: (i) => o.watch.firstPostAt(o.employees[i]!.dm),
    refresh: () => o.watch.scan(),
  };
}

/** A DM ladder (see climb): each step's DMs from employees of `crowd` no one has heard from yet. */
export function dmLadder(
  ctx: Pick<BenchContext, 'log' | 'settings'>,
  o: {
    readonly rates: readonly number[];
    readonly crowd: Crowd;
    readonly users: Users;
    readonly urls: readonly string[];
    readonly watch: PostWatch;
    readonly subject: StepSubject;
    readonly pause: () => Promise<void>;
  },
): Promise<Ladder> {
  const { seconds, drainMs } = ctx.settings;
  return climb(
    o.rates,
    (rate) => {
      const employees = o.crowd.take(Math.round(rate * seconds));
      return runStep(o.subject, dmPlan({ ...o, employees, rate, drainMs }));
    },
    o.pause,
    ctx,
  );
}
