import { fixed, ms } from './latency';
import { commandsPer, P99_LIMIT_MS, type StepResult } from './load-step';
import { markdownTable } from './table';

/** The step tables every phase prints: one row per rate. */
export interface StepTableOptions {
  /** What a request is: "DM", "relay". */
  readonly unit: string;
  /** Database columns (commands, FerretDB CPU); off for the minimal Bolt app. */
  readonly database: boolean;
  /** A first column naming the row (e.g. "before seeding"); default none. */
  readonly label?: (r: StepResult, index: number) => string;
  readonly skipped?: readonly number[];
  /** Rates added to narrow the sustained rate down (marked in the rate column). */
  readonly refined?: readonly number[];
}

export function stepTable(results: readonly StepResult[], o: StepTableOptions): string {
  const headers = [
    ...(o.label ? ['step'] : []),
    `rate (${o.unit}/s)`,
    'sent',
    'sent/s',
    'acked',
    'refused attempts',
    'answered',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    ...(o.database ? [`DB cmds/${o.unit}`] : []),
    'app CPU (cores)',
    ...(o.database ? ['DB CPU (cores)'] : []),
    'driver CPU (cores)',
    'peak RSS (MB)',
    'sustained',
  ];
  const rows = results.map((r, i) => [
    ...(o.label ? [o.label(r, i)] : []),
    o.refined?.includes(r.rate) ? `${r.rate} (refinement)` : r.rate,
    r.sent,
    fixed(r.sendRate),
    r.acked,
    r.refused,
    r.answered,
    ms(r.latency.p50),
    ms(r.latency.p95),
    ms(r.latency.p99),
    ...(o.database ? [fixed(commandsPer(r))] : []),
    fixed(r.appCores, 2),
    ...(o.database ? [fixed(r.dbCores, 2)] : []),
    fixed(r.driverCores, 2),
    r.rssPeakMb.map((mb) => Math.round(mb)).join(' / '),
    r.sustained ? 'yes' : `no (${whyNot(r)})`,
  ]);
  const blank = headers.slice(o.label ? 2 : 1).map(() => '');
  const skipped = (o.skipped ?? []).map((rate) => [
    ...(o.label ? [''] : []),
    rate,
    ...blank.slice(0, -1),
    'not run (a lower rate was saturated)',
  ]);
  return markdownTable(headers, [...rows, ...skipped]);
}

export function whyNot(r: StepResult): string {
  const why: string[] = [];
  if (r.acked < r.sent) why.push(`${r.sent - r.acked} never acked`);
  if (r.answered < r.sent) why.push(`${r.sent - r.answered} unanswered`);
  if ((r.latency.p99 ?? Infinity) > P99_LIMIT_MS) why.push(`p99 > ${P99_LIMIT_MS} ms`);
  if (r.tailAnswerRate < 0.9 * r.tailSendRate)
    why.push(`backlog: ${fixed(r.tailAnswerRate)} answers/s for ${fixed(r.tailSendRate)} sent/s`);
  return why.join(', ');
}

/** Per-request commands of one step, most frequent first. */
export function topCommandsTable(rows: readonly [string, number][], unit: string): string {
  return markdownTable(
    ['command collection', `per ${unit}`],
    rows.map(([key, n]) => [key, n.toFixed(2)]),
  );
}

/** The step whose rate is nearest to `rate`. */
export function nearest(results: readonly StepResult[], rate: number): StepResult | undefined {
  return [...results].sort((a, b) => Math.abs(a.rate - rate) - Math.abs(b.rate - rate))[0];
}
