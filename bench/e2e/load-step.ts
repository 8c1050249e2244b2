import type { Delivery } from '../../test/support/faults/slack-user';
import { atRate, pollUntil } from '../../test/support/faults/wait';
import { total, type CommandCounts } from './bot-metrics';
import { commandMeter, type IdleRate } from './commands';
import { spread, type Spread } from './latency';
import { cpuClock, rssPeaks, type Measured } from './proc';

/**
 * One open-loop step: `count` requests sent at `rate` per second whatever the answers (as Slack
 * delivers), each with Slack's delivery policy; then answers awaited until every acknowledged request
 * has one or `drainMs` after the last send. Measured over the step: latency from a request's first
 * attempt to its answer's post, the database commands it caused, CPU and peak RSS.
 */
export interface StepSubject {
  /** The app processes (bots, or the minimal Bolt app): CPU summed, RSS peak each. */
  readonly apps: readonly Measured[];
  /** The database server process when the bench runs it (FerretDB). */
  readonly db?: Measured;
  /** Bot base URLs whose /metrics count database commands; empty for an app without one. */
  readonly metricsUrls: readonly string[];
  readonly idle: IdleRate;
}

export interface StepPlan {
  readonly rate: number;
  readonly count: number;
  readonly drainMs: number;
  /** Sends request i with its retries. */
  readonly send: (i: number) => Promise<Delivery>;
  /** When request i's answer was posted; called while polling (keep it cheap). */
  readonly answeredAt: (i: number) => number | undefined;
  /** Called before each poll for answers (e.g. PostWatch.scan). */
  readonly refresh?: () => void;
}

export interface StepResult {
  readonly rate: number;
  readonly sent: number;
  /** Sends per second actually achieved (the driver shares the machine). */
  readonly sendRate: number;
  readonly acked: number;
  /** Attempts not acknowledged: non-2xx, refused connections, no answer within 3 s. */
  readonly refused: number;
  readonly answered: number;
  readonly latency: Spread;
  /** Database commands per request by command/collection (undefined without /metrics). */
  readonly commands: CommandCounts | undefined;
  readonly appCores: number | undefined;
  readonly dbCores: number | undefined;
  readonly driverCores: number;
  readonly rssPeakMb: readonly number[];
  /** Over the second half of the sending: answers and sends per second. */
  readonly tailAnswerRate: number;
  readonly tailSendRate: number;
  readonly sustained: boolean;
  readonly wallMs: number;
}

export const P99_LIMIT_MS = 1000;

const ok = (s: number) => s >= 200 && s < 300;

export async function runStep(subject: StepSubject, plan: StepPlan): Promise<StepResult> {
  const commands = subject.metricsUrls.length
    ? await commandMeter(subject.metricsUrls, subject.idle)
    : undefined;
  const appCpu = cpuClock(subject.apps);
  const dbCpu = subject.db ? cpuClock([subject.db]) : undefined;
  const rss = rssPeaks(subject.apps);
  const started = Date.now();
  let lastSendAt = started;
  const deliveries = await atRate(plan.count, plan.rate, (i) => {
    lastSendAt = Date.now();
    return plan.send(i);
  });
  const deadline = lastSendAt + plan.drainMs;
  const answeredAt = (i: number) => {
    const at = plan.answeredAt(i);
    return at !== undefined && at <= deadline ? at : undefined;
  };
  await pollUntil(
    () => {
      plan.refresh?.();
      return deliveries.every((d, i) => !d.acked || answeredAt(i) !== undefined);
    },
    deadline - Date.now(),
    100,
  );
  plan.refresh?.();
  const wallMs = Date.now() - started;
  const cpu = appCpu.stop();
  const perRequest = await commands?.stop(plan.count);
  const latencies: number[] = [];
  let answered = 0;
  deliveries.forEach((d, i) => {
    const at = answeredAt(i);
    if (at === undefined) return;
    answered += 1;
    latencies.push(at - d.startedAt);
  });
  const firstAt = deliveries[0]?.startedAt ?? started;
  const lastAt = deliveries.at(-1)?.startedAt ?? started;
  // The second half of the sending time: answers keep up with sends when there is no backlog.
  const half = (plan.count / plan.rate) * 500;
  const from = started + half;
  const to = started + 2 * half;
  const inTail = (t: number | undefined) => t !== undefined && t >= from && t < to;
  const tailSends = deliveries.filter((d) => inTail(d.startedAt)).length;
  const tailAnswers = deliveries.filter((_, i) => inTail(answeredAt(i))).length;
  const acked = deliveries.filter((d) => d.acked).length;
  const latency = spread(latencies);
  const tailAnswerRate = tailAnswers / (half / 1000);
  const tailSendRate = tailSends / (half / 1000);
  return {
    rate: plan.rate,
    sent: deliveries.length,
    sendRate: lastAt > firstAt ? ((deliveries.length - 1) * 1000) / (lastAt - firstAt) : plan.rate,
    acked,
    refused: deliveries.reduce((n, d) => n + d.statuses.filter((s) => !ok(s)).length, 0),
    answered,
    latency,
    commands: perRequest,
    appCores: cpu.cores,
    dbCores: dbCpu?.stop().cores,
    driverCores: cpu.driverCores,
    rssPeakMb: rss.stop(),
    tailAnswerRate,
    tailSendRate,
    sustained:
      acked === deliveries.length &&
      answered === deliveries.length &&
      (latency.p99 ?? Infinity) <= P99_LIMIT_MS &&
      tailAnswerRate >= 0.9 * tailSendRate,
    wallMs,
  };
}

/** The highest rate that was sustained (rates are tried in rising order); 0 if none. */
export function maxSustained(results: readonly StepResult[]): number {
  return Math.max(0, ...results.filter((r) => r.sustained).map((r) => r.rate));
}

/** Commands per request in all. */
export const commandsPer = (r: StepResult) => (r.commands ? total(r.commands) : undefined);

/** Well past what the app can take: higher rates would only pile up more (and take long to drain). */
export function saturated(r: StepResult): boolean {
  return r.answered < 0.5 * r.sent || (r.latency.p50 ?? Infinity) > 10_000;
}
