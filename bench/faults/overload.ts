import { employees } from './cast';
import { allAckedAnswered, dmOutcome, steadyDms } from './dms';
import { histogram } from './sigterm';
import { createUsers } from './slack-user';
import { exact, judged, type Row, type ScenarioContext } from './types';
import { pollUntil } from './wait';
import { inWorld } from './world';

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
  readonly rssLimitMb: number;
}

export async function overload(ctx: ScenarioContext, size: OverloadSize): Promise<Row[]> {
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
      const refused503 = sent.filter((d) => d.delivery.statuses.includes(503)).length;
      const limit = size.rssLimitMb;
      return [
        judged(
          'overload: DMs refused with 503 (then retried)',
          o.sent,
          size.maxBacklog ? '> 0' : 'reported',
          refused503,
          !size.maxBacklog || refused503 > 0,
        ),
        exact('overload: DMs acknowledged in the end', o.sent, o.sent, o.acked),
        exact('overload: DMs answered', o.sent, o.sent, o.ackedAnswered + o.unackedAnswered),
        exact('overload: DMs answered twice', o.sent, 0, o.answeredTwice),
        judged(
          'overload: bot RSS max (MB)',
          o.sent,
          `< ${limit} (idle ${Math.round(idleRss)})`,
          Math.round(maxRss),
          maxRss < limit,
        ),
        judged(
          'overload: seconds until all answered',
          o.sent,
          `<= ${size.deadlineMs / 1000}`,
          seconds,
          o.ackedAnswered === o.sent,
        ),
      ];
    } finally {
      clearInterval(sampler);
    }
  });
}
