/**
 * The bench's sizes, from the environment. Defaults keep a full run under ~15 minutes on two cores;
 * BENCH_QUICK=1 is a smoke run of about two minutes. Every setting can be overridden on its own.
 */
export type PhaseName = 'l0' | 'l0-lexical' | 'bolt' | 'relays' | 'two' | 'size';
export const PHASES: readonly PhaseName[] = ['l0', 'l0-lexical', 'bolt', 'relays', 'two', 'size'];

export interface Settings {
  readonly quick: boolean;
  /** L0 DMs per second, one step each (also the minimal Bolt app's). */
  readonly rates: readonly number[];
  /** Relays per second, one step each. */
  readonly relayRates: readonly number[];
  readonly seconds: number;
  /** After the last send of a step, how long answers are awaited before they count as missing. */
  readonly drainMs: number;
  /** Tickets opened (as full journeys) before the relay steps. */
  readonly tickets: number;
  /** Resolved tickets inserted before the second L0 step of the database-size phase. */
  readonly seedTickets: number;
  /** The rate of the database-size steps and of the top-commands table. */
  readonly refRate: number;
  /** Idle time measured before a phase, to take the bot's own polling out of the command counts. */
  readonly idleMs: number;
  readonly phases: readonly PhaseName[];
  /** Run every rate even after a saturated step (BENCH_ALL_RATES=1); by default higher ones are skipped. */
  readonly allRates: boolean;
  /** Extra steps narrowing the sustained rate down between two tried rates (BENCH_REFINE). */
  readonly refine: number;
  /** Extra bot settings, e.g. BENCH_BOT_ENV="WORKER_CONCURRENCY=32 LOG_LEVEL=warn". */
  readonly botEnv: Readonly<Record<string, string>>;
}

const list = (text: string | undefined, fallback: readonly number[]): readonly number[] => {
  if (!text?.trim()) return fallback;
  const values = text.split(',').map((s) => Number(s.trim()));
  if (values.some((v) => !(v > 0))) throw new Error(`not a list of positive numbers: ${text}`);
  return values;
};

const number = (text: string | undefined, fallback: number): number => {
  if (!text?.trim()) return fallback;
  const value = Number(text);
  if (!(value >= 0)) throw new Error(`not a number: ${text}`);
  return value;
};

/** `K=V` pairs separated by spaces or commas. */
function pairs(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (text ?? '').split(/[\s,]+/).filter(Boolean)) {
    const [key, ...value] = pair.split('=');
    if (!key || value.length === 0) throw new Error(`BENCH_BOT_ENV: not KEY=VALUE: ${pair}`);
    out[key] = value.join('=');
  }
  return out;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const quick = env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true';
  const phases = (env.BENCH_PHASES?.trim() ? env.BENCH_PHASES.split(',') : PHASES).map((p) => {
    const name = p.trim() as PhaseName;
    if (!PHASES.includes(name))
      throw new Error(`BENCH_PHASES: unknown phase ${p} (${PHASES.join(', ')})`);
    return name;
  });
  return {
    quick,
    rates: list(env.BENCH_RATES, quick ? [5, 20] : [10, 20, 50, 100, 150]),
    relayRates: list(env.BENCH_RELAY_RATES, quick ? [5, 20] : [5, 10, 20, 40]),
    seconds: number(env.BENCH_SECONDS, quick ? 5 : 20),
    drainMs: number(env.BENCH_DRAIN_SECONDS, quick ? 15 : 30) * 1000,
    tickets: number(env.BENCH_TICKETS, quick ? 10 : 40),
    seedTickets: number(env.BENCH_SEED_TICKETS, quick ? 1000 : 10_000),
    refRate: number(env.BENCH_REF_RATE, 20),
    idleMs: number(env.BENCH_IDLE_SECONDS, quick ? 3 : 5) * 1000,
    phases,
    allRates: env.BENCH_ALL_RATES === '1' || env.BENCH_ALL_RATES === 'true',
    botEnv: pairs(env.BENCH_BOT_ENV),
    refine: number(env.BENCH_REFINE, quick ? 0 : 1),
  };
}
