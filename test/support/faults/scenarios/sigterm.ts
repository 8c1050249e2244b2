import { repostBound } from '../bounds';
import { employees } from '../cast';
import { settled } from '../checks';
import { allAckedAnswered, dmOutcome, steadyDms } from '../dms';
import type { ScenarioContext } from '../scenario-context';
import { createUsers, NO_RETRY } from '../slack-user';
import { pollUntil, sleep } from '../wait';
import { inWorld, troubleSummary } from '../world';

/**
 * SIGTERM while DMs arrive at a steady rate: the process exits 0 within SHUTDOWN_SECONDS (+1 s),
 * everything that reaches it after it started stopping gets 503 (or, once it is gone, a refused
 * connection), and once another bot is started on the database every acknowledged DM is answered.
 * The sender does not retry here: each status is what the bot answered.
 */
export interface SigtermSize {
  readonly perSecond: number;
  readonly beforeMs: number;
  readonly afterMs: number;
  readonly shutdownSeconds: number;
  /** WORKER_CONCURRENCY: the bound of texts posted twice (see repostBound). */
  readonly concurrency: number;
}

export interface SigtermOutcome {
  readonly exitCode: number | null;
  /** From SIGTERM to the exit. */
  readonly exitMs: number;
  /** SHUTDOWN_SECONDS, and a second for the process to end. */
  readonly exitLimitMs: number;
  readonly sent: number;
  /** Sent after the bot logged that it is stopping. */
  readonly sentAfterStopping: number;
  /** Of those, answered 503 or refused (the connection). */
  readonly refusedAfterStopping: number;
  readonly acked: number;
  /** Acknowledged DMs answered, by the bot started after it. */
  readonly ackedAnswered: number;
  readonly answeredTwice: number;
  /** At most this many DMs may be answered twice (see repostBound). */
  readonly repostBound: number;
}

export async function sigterm(ctx: ScenarioContext, size: SigtermSize): Promise<SigtermOutcome> {
  const count = Math.round((size.perSecond * (size.beforeMs + size.afterMs)) / 1000);
  const askers = employees('st', count);
  const env = {
    SHUTDOWN_SECONDS: String(size.shutdownSeconds),
    WORKER_CONCURRENCY: String(size.concurrency),
  };
  return inWorld({ mongoUri: ctx.mongoUri, people: askers, env }, async (w) => {
    const bot = await w.startBot();
    const users = createUsers();
    const dms = steadyDms({
      users,
      url: () => bot.url,
      employees: askers,
      perSecond: size.perSecond,
      policy: NO_RETRY,
    });
    await sleep(size.beforeMs);
    bot.kill('SIGTERM');
    const exit = await bot.waitExit((size.shutdownSeconds + 10) * 1000);
    const sent = await dms;
    const stoppingAt = bot.logs.find((l) => l.msg.startsWith('stopping'))?.time ?? Infinity;
    const late = sent.filter((d) => d.delivery.startedAt > stoppingAt);
    // Before it: 200, or a 5xx when the write outlasted INTAKE_TIMEOUT_MS (Slack retries those).
    const early = sent.filter((d) => d.delivery.startedAt <= stoppingAt && !d.delivery.acked);
    ctx.log(
      `sigterm: ${early.length} of ${sent.length - late.length} DMs before stopping not acknowledged (${histogram(early.map((d) => d.delivery.status)) || 'none'})`,
    );
    await w.startBot();
    await pollUntil(() => allAckedAnswered(w.stub, sent), 300_000, 250);
    if (!(await settled(w.db, 300_000)))
      ctx.log(`sigterm: work still pending\n${troubleSummary(w)}`);
    const o = dmOutcome(w.stub, sent);
    return {
      exitCode: exit.code,
      exitMs: exit.ms,
      exitLimitMs: (size.shutdownSeconds + 1) * 1000,
      sent: o.sent,
      sentAfterStopping: late.length,
      refusedAfterStopping: late.filter((d) => [503, 0].includes(d.delivery.status)).length,
      acked: o.acked,
      ackedAnswered: o.ackedAnswered,
      answeredTwice: o.answeredTwice,
      repostBound: repostBound({ concurrency: size.concurrency, killed: 1 }),
    };
  });
}

/** "500 x3, -1 x2": statuses and how often each came. */
export function histogram(statuses: readonly number[]): string {
  const counts = new Map<number, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${s} x${n}`).join(', ');
}
