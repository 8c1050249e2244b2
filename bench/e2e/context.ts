import type { BotProcess } from '../../test/support/bot-process';
import { employees } from '../../test/support/faults/cast';
import { settled } from '../../test/support/faults/checks';
import type { Users } from '../../test/support/faults/slack-user';
import { pollUntil, sleep } from '../../test/support/faults/wait';
import type { World } from '../../test/support/faults/world';
import type { BenchContext } from './bench-context';
import { BENCH_TOKEN } from './bot-metrics';
import { measureIdle } from './commands';
import { dmPlan } from './dm-load';
import type { StepSubject } from './load-step';
import type { PostWatch } from './post-watch';
import type { Measured } from './proc';

/** What the phases share: bots as measured subjects, warm-up, pauses. */

/** Every bot's settings: /metrics answers the bench's bearer token; BENCH_BOT_ENV on top. */
export const botEnv = (ctx: BenchContext) => ({
  DASHBOARD_TOKEN: BENCH_TOKEN,
  ...ctx.settings.botEnv,
});

export const baseUrl = (bot: BotProcess) => bot.url.replace(/\/slack\/events$/, '');

export const measuredBot = (bot: BotProcess): Measured => ({
  pid: () => bot.pid,
  rssMb: () => bot.rssMb(),
});

/** Bots as a step's subject; their idle command rate measured now (call once warm). */
export async function botSubject(
  ctx: BenchContext,
  bots: readonly BotProcess[],
): Promise<StepSubject> {
  const metricsUrls = bots.map(baseUrl);
  const idle = await measureIdle(metricsUrls, ctx.settings.idleMs);
  return { apps: bots.map(measuredBot), ...(ctx.db && { db: ctx.db }), metricsUrls, idle };
}

/**
 * A few DMs to each URL, answered before measuring: the first requests of a process pay for lazy
 * loading and compilation. `tag` names the warm-up employees (they must be in the stub's cast).
 */
export const WARM_UP_DMS = 10;
export const warmUpCrowd = (tag: string) => employees(tag, WARM_UP_DMS);

export async function warmUp(users: Users, urls: readonly string[], watch: PostWatch, tag: string) {
  const crowd = warmUpCrowd(tag);
  const plan = dmPlan({ users, urls, employees: crowd, rate: 5, drainMs: 0, watch });
  await Promise.all(crowd.map((_, i) => plan.send(i)));
  const answered = await pollUntil(
    () => (watch.scan(), crowd.every((e) => watch.firstPostAt(e.dm) !== undefined)),
    30_000,
  );
  if (!answered) throw new Error('the warm-up DMs were not answered within 30 s');
}

/**
 * Between steps: the bots' queues empty, then a second of quiet. After a step well past capacity
 * this can take minutes (the bot slows down as its backlog grows); past SETTLE_MS the next step
 * starts anyway, on a busy bot, and the log says so.
 */
const SETTLE_MS = 180_000;

export async function settleBetween(ctx: BenchContext, world: World): Promise<void> {
  if (!(await settled(world.db, SETTLE_MS)))
    ctx.log(
      `  (work still pending after ${SETTLE_MS / 1000} s; the next step starts on a busy bot)`,
    );
  await sleep(1000);
}
