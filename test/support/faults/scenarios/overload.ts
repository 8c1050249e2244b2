import { employees } from '../cast';
import { allAckedAnswered, dmOutcome, steadyDms } from '../dms';
import type { ScenarioContext } from '../scenario-context';
import { createUsers } from '../slack-user';
import { pollUntil } from '../wait';
import { inWorld } from '../world';
import { histogram } from './sigterm';

/**
 * More DMs than the bot can take: past MAX_BACKLOG waiting events it answers 503, and the sender
 * (like Slack) delivers those again later. In the end every DM is answered, and the bot's memory
 * (VmRSS, sampled every 500 ms) stays bounded.
 */
export interface OverloadSize {
  readonly perSecond: number;
  readonly seconds: number;
  /** Unset: the default (2000). */
  readonly maxBacklog?: number;
  readonly retryDelayMs: number;
  /** How long, from the first DM, the sender keeps retrying and answers are awaited. */
  readonly deadlineMs: number;
}

export interface OverloadOutcome {
  readonly sent: number;
  /** Refused with 503 at least once (then delivered again). */
  readonly refused503: number;
  readonly acked: number;
  /** Answered at least once (acknowledged or not: a write may land after its request gave up). */
  readonly answered: number;
  readonly answeredTwice: number;
  readonly idleRssMb: number;
  readonly maxRssMb: number;
  /** From the first DM until all were answered (or the deadline). */
  readonly seconds: number;
}

export async function overload(ctx: ScenarioContext, size: OverloadSize): Promise<OverloadOutcome> {
  const askers = employees('ov', size.perSecond * size.seconds);
  const env: Record<string, string> = size.maxBacklog
    ? { MAX_BACKLOG: String(size.maxBacklog) }
    : {};
  return inWorld({ mongoUri: ctx.mongoUri, people: askers, env }, async (w) => {
    const bot = await w.startBot();
    const idleRss = bot.rssMb() ?? 0;
    let maxRss = idleRss;
    const sampler = setInterval(() => (maxRss = Math.max(maxRss, bot.rssMb() ?? 0)), 500);
    const started = Date.now();
    const untilMs = started + size.deadlineMs;
    try {
      const sent = await steadyDms({
        users: createUsers(),
        url: () => bot.url,
        employees: askers,
        perSecond: size.perSecond,
        policy: { retries: 1000, delayMs: size.retryDelayMs, timeoutMs: 3000, untilMs },
      });
      await pollUntil(() => allAckedAnswered(w.stub, sent), untilMs - Date.now(), 500);
      const seconds = Math.round((Date.now() - started) / 1000);
      const o = dmOutcome(w.stub, sent);
      const statuses = histogram(sent.flatMap((d) => d.delivery.statuses));
      ctx.log(`overload: statuses ${statuses}; waited ${seconds} s for the answers`);
      return {
        sent: o.sent,
        refused503: sent.filter((d) => d.delivery.statuses.includes(503)).length,
        acked: o.acked,
        answered: o.ackedAnswered + o.unackedAnswered,
        answeredTwice: o.answeredTwice,
        idleRssMb: Math.round(idleRss),
        maxRssMb: Math.round(maxRss),
        seconds,
      };
    } finally {
      clearInterval(sampler);
    }
  });
}
