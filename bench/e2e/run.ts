import os from 'node:os';
import type { BenchContext } from './bench-context';
import { openBenchDatabase } from './database';
import { boltPhase, type BoltOutcome } from './phase-bolt';
import { l0Phase, type L0Outcome } from './phase-l0';
import { relayPhase, type RelayOutcome } from './phase-relays';
import { sizePhase, type SizeOutcome } from './phase-size';
import { twoPhase, twoRates, type TwoOutcome } from './phase-two';
import { CLOCK_TICKS } from './proc';
import { readSettings, type Settings } from './settings';
import { printBolt, printL0, printRelays, printSize, printTwo, summary } from './print';

/**
 * `npm run bench:e2e`: the built bot (dist/) against a loopback Slack Web API and a database, under
 * open-loop load at rising rates: L0 answers, a minimal Bolt app for comparison, ticket journeys and
 * relays, two instances on one database, and L0 on a database with history. Markdown on stdout,
 * progress on stderr. Sizes: see settings.ts (BENCH_QUICK=1 for a smoke run).
 */
export interface Outcomes {
  l0?: L0Outcome;
  l0Lexical?: L0Outcome;
  bolt?: BoltOutcome;
  relays?: RelayOutcome;
  two?: TwoOutcome;
  size?: SizeOutcome;
}

async function main(): Promise<void> {
  const settings = readSettings();
  const started = Date.now();
  const database = await openBenchDatabase((line) => log(`[db] ${line}`));
  const out = (text: string) => process.stdout.write(`${text}\n`);
  const outcomes: Outcomes = {};
  try {
    out(header(settings, database.description));
    const ctx: BenchContext = { settings, mongoUri: database.uri, db: database.process, log };
    const phase = async <T>(name: string, run: () => Promise<T>, print: (o: T) => string) => {
      const t0 = Date.now();
      log(`${name}...`);
      try {
        const outcome = await run();
        out(print(outcome));
        return outcome;
      } catch (error) {
        out(
          `\n## ${name}\n\nfailed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        );
        return undefined;
      } finally {
        log(`${name} done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      }
    };
    const has = (p: Settings['phases'][number]) => settings.phases.includes(p);
    if (has('l0'))
      outcomes.l0 = await phase(
        '1. L0 answers',
        () => l0Phase(ctx),
        (o) => printL0(o, settings),
      );
    if (has('l0-lexical'))
      outcomes.l0Lexical = await phase(
        '1b. L0 answers, words alone',
        () => l0Phase(ctx, { L0_SEMANTIC: 'off' }),
        (o) =>
          printL0(
            o,
            settings,
            '1b. L0 answers (Slack), one bot process, words alone (L0_SEMANTIC=off)',
          ),
      );
    if (has('bolt'))
      outcomes.bolt = await phase(
        '2. Minimal Bolt app',
        () => boltPhase(ctx),
        (o) => printBolt(o, outcomes.l0),
      );
    if (has('relays'))
      outcomes.relays = await phase(
        '3. Ticket journeys and relays',
        () => relayPhase(ctx),
        printRelays,
      );
    if (has('two')) {
      const rates = twoRates(outcomes.l0?.sustained ?? 0, settings.rates[0] ?? 10);
      outcomes.two = await phase(
        '4. Two instances',
        () => twoPhase(ctx, rates),
        (o) => printTwo(o, outcomes.l0),
      );
    }
    if (has('size'))
      outcomes.size = await phase('5. Database size', () => sizePhase(ctx), printSize);
    out(`\n## Summary\n\n${summary(outcomes, settings)}\n`);
    out(
      `Total run time ${((Date.now() - started) / 60_000).toFixed(1)} min; load average now ${loadavg()}.`,
    );
  } finally {
    await database.stop();
  }
}

const loadavg = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');

function header(s: Settings, database: string): string {
  const cpus = os.cpus();
  return [
    '# Lapis end-to-end bench',
    '',
    `- machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GB; load average (1/5/15 min) ${loadavg()}; CLK_TCK ${CLOCK_TICKS}`,
    `- node ${process.version}; the bot from dist/ (LAPIS_BOT_BUILD=${process.env.LAPIS_BOT_BUILD ?? 'unset: from source via tsx'})`,
    `- database: ${database}`,
    `- settings${s.quick ? ' (BENCH_QUICK)' : ''}: L0 rates ${s.rates.join(', ')} DM/s, relay rates ${s.relayRates.join(', ')}/s, ${s.seconds} s per step, drain ${s.drainMs / 1000} s, ${s.tickets} tickets, ${s.seedTickets} seeded tickets, reference rate ${s.refRate}/s; phases ${s.phases.join(', ')}${
      Object.keys(s.botEnv).length
        ? `; bot settings ${Object.entries(s.botEnv)
            .map(([k, v]) => `${k}=${v}`)
            .join(' ')}`
        : ''
    }`,
    `- delivery like Slack: 3 s to acknowledge, then up to 3 retries 1 s apart. Latency: from a request's first attempt to its answer's chat.postMessage at the stub. Sustained: every request acknowledged and answered, p99 <= 1000 ms, answers over the second half of the step >= 90% of the sends. App CPU / DB CPU / driver CPU: cores used (CPU s per wall s) by the app process(es), FerretDB, and this process (load driver + Slack stub), all on the same machine.`,
  ].join('\n');
}

function log(line: string): void {
  process.stderr.write(`[e2e] ${line}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
