import { fixed, ms } from './latency';
import { commandsPer, type StepResult } from './load-step';
import type { BoltOutcome } from './phase-bolt';
import type { L0Outcome } from './phase-l0';
import type { RelayOutcome } from './phase-relays';
import type { SizeOutcome } from './phase-size';
import type { TwoOutcome } from './phase-two';
import { nearest, stepTable, topCommandsTable } from './report';
import type { Settings } from './settings';
import { markdownTable } from './table';

/** Each phase's section of the output, and the closing summary. */
const section = (title: string, ...parts: (string | undefined | false)[]) =>
  `\n## ${title}\n\n${parts.filter(Boolean).join('\n\n')}\n`;

const trouble = (text: string) =>
  text
    ? `Bot warnings and errors (count x message):\n\n\`\`\`\n${text}\n\`\`\``
    : 'No warnings or errors in the bot logs.';

/** "X/s" or "at least X/s" when the highest rate tried was sustained; "none" for 0. */
function sustainedText(
  rate: number,
  ladder: { results: readonly StepResult[] },
  unit: string,
): string {
  if (rate === 0) return `none of the rates tried`;
  const top = Math.max(...ladder.results.map((r) => r.rate));
  return rate >= top ? `at least ${rate} ${unit}/s (the highest rate tried)` : `${rate} ${unit}/s`;
}

export function printL0(
  o: L0Outcome,
  s: Settings,
  title = '1. L0 answers (Slack), one bot process, with the semantic opinion',
): string {
  return section(
    title,
    stepTable(o.results, { unit: 'DM', database: true, skipped: o.skipped, refined: o.refined }),
    `Idle before the phase: ${o.idle} (subtracted, scaled to each step's time).`,
    o.top &&
      `Top database commands per DM at ${o.top.rate} DM/s:\n\n${topCommandsTable(o.top.rows, 'DM')}`,
    `**Max sustained rate: ${sustainedText(o.sustained, o, 'DM')}** (steps of ${s.seconds} s).`,
    trouble(o.trouble),
  );
}

export function printBolt(o: BoltOutcome, l0: L0Outcome | undefined): string {
  return section(
    '2. Minimal Bolt app (ceiling)',
    stepTable(o.results, { unit: 'DM', database: false, skipped: o.skipped, refined: o.refined }),
    `**Max sustained rate: ${sustainedText(o.sustained, o, 'DM')}**.`,
    l0 && ratioText(l0.sustained, o),
  );
}

function ratioText(lapis: number, bolt: BoltOutcome): string {
  if (bolt.sustained === 0)
    return 'no ceiling measured (the minimal app sustained none of the rates).';
  const top = Math.max(...bolt.results.map((r) => r.rate));
  const atLeast = bolt.sustained >= top;
  const share = `${((100 * lapis) / bolt.sustained).toFixed(0)}%`;
  return atLeast
    ? `Lapis's ${lapis} DM/s is at most ${share} of the minimal app's ceiling (it kept up with every rate tried, up to ${bolt.sustained} DM/s).`
    : `Lapis's ${lapis} DM/s is ${share} of the minimal app's ${bolt.sustained} DM/s.`;
}

export function printRelays(o: RelayOutcome): string {
  const j = o.journeys;
  return section(
    '3. Ticket journeys and relays',
    markdownTable(
      ['journeys', 'wall time (s)', 'DM to L1 card p50 ms', 'p99 ms', 'DB cmds/journey'],
      [
        [
          j.count,
          fixed(j.ms / 1000),
          ms(j.latency.p50),
          ms(j.latency.p99),
          fixed(total(j.commands)),
        ],
      ],
    ),
    `A journey is 10 at a time: the question, "still need help" (when an article came), the form button, the modal submitted; each step waits for the bot's visible answer (polled every 100 ms), so a journey's time includes up to ~0.1 s of polling per step.\n\nTop database commands per journey:\n\n${topCommandsTable(j.top, 'journey')}`,
    `Relays through the ${j.count} tickets (agent thread replies and requester DMs by turns):`,
    stepTable(o.results, { unit: 'relay', database: true, skipped: o.skipped, refined: o.refined }),
    o.top &&
      `Top database commands per relay at ${o.top.rate} relays/s:\n\n${topCommandsTable(o.top.rows, 'relay')}`,
    `Idle: ${o.idle}. **Max sustained relay rate: ${sustainedText(o.sustained, o, 'relay')}**.`,
    trouble(o.trouble),
  );
}

export function printTwo(o: TwoOutcome, l0: L0Outcome | undefined): string {
  return section(
    '4. Two instances on one database (DMs alternating)',
    stepTable(o.results, { unit: 'DM', database: true, skipped: o.skipped, refined: o.refined }),
    `App CPU is both processes together; peak RSS is each.`,
    `**Max sustained rate with two: ${sustainedText(o.sustained, o, 'DM')}**${l0 ? `; one process: ${oneProcess(l0)}. ${twoVersusOne(o, l0)}` : '.'}`,
    trouble(o.trouble),
  );
}

function twoVersusOne(two: TwoOutcome, one: L0Outcome): string {
  const parts: string[] = [];
  for (const r of two.results) {
    const single = one.results.find((x) => x.rate === r.rate);
    if (!single) continue;
    parts.push(
      `at ${r.rate} DM/s two processes: p50 ${ms(r.latency.p50)} / p99 ${ms(r.latency.p99)} ms, ${fixed(r.appCores, 2)} cores, ${fixed(commandsPer(r))} cmds/DM; one: p50 ${ms(single.latency.p50)} / p99 ${ms(single.latency.p99)} ms, ${fixed(single.appCores, 2)} cores, ${fixed(commandsPer(single))} cmds/DM`,
    );
  }
  return parts.length ? `Same rates: ${parts.join('; ')}.` : '';
}

export function printSize(o: SizeOutcome): string {
  return section(
    `5. Database size: L0 at ${o.before.rate} DM/s before and after ${o.seeded} resolved tickets`,
    stepTable([o.before, o.after], {
      unit: 'DM',
      database: true,
      label: (_, i) => (i === 0 ? 'empty tickets' : `${o.seeded} tickets`),
    }),
    `Seeding ${o.seeded} tickets (insertMany, batches of 1,000) took ${(o.seedMs / 1000).toFixed(1)} s. p50 ${ms(o.before.latency.p50)} -> ${ms(o.after.latency.p50)} ms, p99 ${ms(o.before.latency.p99)} -> ${ms(o.after.latency.p99)} ms, DB commands per DM ${fixed(commandsPer(o.before))} -> ${fixed(commandsPer(o.after))}, DB CPU ${fixed(o.before.dbCores, 2)} -> ${fixed(o.after.dbCores, 2)} cores.`,
    commandChanges(o.before, o.after),
    trouble(o.trouble),
  );
}

/** Command/collection pairs whose count per DM changed by more than 0.1 between two steps. */
function commandChanges(before: StepResult, after: StepResult): string | undefined {
  if (!before.commands || !after.commands) return undefined;
  const keys = new Set([...before.commands.keys(), ...after.commands.keys()]);
  const rows = [...keys]
    .map((key) => [key, before.commands?.get(key) ?? 0, after.commands?.get(key) ?? 0] as const)
    .filter(([, b, a]) => Math.abs(a - b) > 0.1)
    .sort((x, y) => Math.abs(y[2] - y[1]) - Math.abs(x[2] - x[1]))
    .map(([key, b, a]) => [key, b.toFixed(2), a.toFixed(2)]);
  return rows.length
    ? `Commands per DM that changed:\n\n${markdownTable(['command collection', 'before', 'after'], rows)}`
    : 'No command/collection pair changed by more than 0.1 per DM.';
}

/** One process's sustained rate, and the next rate tried (so that "two sustain more" is read right). */
function oneProcess(l0: L0Outcome): string {
  const failed = l0.results.filter((r) => !r.sustained && r.rate > l0.sustained).map((r) => r.rate);
  return failed.length
    ? `${l0.sustained} DM/s (not sustained at ${Math.min(...failed)} DM/s, the next rate tried)`
    : sustainedText(l0.sustained, l0, 'DM');
}

/** At the single process's sustained rate: the two processes' figures against the one's. */
function twoAtSingle(two: TwoOutcome, one: L0Outcome): string {
  const a = two.results.find((r) => r.rate === one.sustained);
  const b = one.results.find((r) => r.rate === one.sustained);
  if (!a || !b) return '';
  return `; at ${a.rate} DM/s two answered p50 ${ms(a.latency.p50)} ms (p99 ${ms(a.latency.p99)}) against ${ms(b.latency.p50)} ms (${ms(b.latency.p99)}) for one, with ${fixed(a.appCores, 2)} against ${fixed(b.appCores, 2)} bot cores and ${fixed(commandsPer(a))} against ${fixed(commandsPer(b))} commands per DM`;
}

const total = (counts: ReadonlyMap<string, number>) =>
  [...counts.values()].reduce((a, b) => a + b, 0);

export function summary(
  o: {
    l0?: L0Outcome;
    l0Lexical?: L0Outcome;
    bolt?: BoltOutcome;
    relays?: RelayOutcome;
    two?: TwoOutcome;
    size?: SizeOutcome;
  },
  s: Settings,
): string {
  const parts: string[] = [];
  if (o.l0) {
    const ref = nearest(o.l0.results, s.refRate);
    const hundred = o.l0.results.find((r) => r.rate === 100) ?? o.l0.results.at(-1);
    parts.push(
      `One Lapis process sustained ${sustainedText(o.l0.sustained, o.l0, 'DM')} of L0 answers` +
        (ref
          ? `; at ${ref.rate} DM/s an answer was posted p50 ${ms(ref.latency.p50)} ms (p99 ${ms(ref.latency.p99)} ms) after the event, for ${fixed(commandsPer(ref))} database commands per answer`
          : '') +
        (hundred
          ? `; peak RSS at ${hundred.rate} DM/s was ${Math.round(hundred.rssPeakMb[0] ?? 0)} MB`
          : '') +
        '.',
    );
  }
  if (o.l0Lexical) {
    const ref = nearest(o.l0Lexical.results, s.refRate);
    parts.push(
      `Words alone (L0_SEMANTIC=off), the same process sustained ${sustainedText(o.l0Lexical.sustained, o.l0Lexical, 'DM')}` +
        (ref
          ? `; at ${ref.rate} DM/s p50 ${ms(ref.latency.p50)} ms (p99 ${ms(ref.latency.p99)} ms)`
          : '') +
        '.',
    );
  }
  if (o.bolt)
    parts.push(
      `A minimal Bolt app on the same machine sustained ${sustainedText(o.bolt.sustained, o.bolt, 'DM')}` +
        (o.l0 ? `. ${ratioText(o.l0.sustained, o.bolt)}` : '.'),
    );
  if (o.relays) {
    const j = o.relays.journeys;
    const ref = nearest(o.relays.results, 10);
    parts.push(
      `${j.count} ticket journeys took p50 ${ms(j.latency.p50)} ms (p99 ${ms(j.latency.p99)} ms) from the DM to the L1 card, ${fixed(total(j.commands))} database commands each; relays were sustained up to ${sustainedText(o.relays.sustained, o.relays, 'relay')}` +
        (ref
          ? `, p50 ${ms(ref.latency.p50)} ms at ${ref.rate}/s with ${fixed(commandsPer(ref))} commands per relay`
          : '') +
        '.',
    );
  }
  if (o.two)
    parts.push(
      `Two processes on one database sustained ${sustainedText(o.two.sustained, o.two, 'DM')}` +
        (o.l0 ? ` against ${oneProcess(o.l0)} for one${twoAtSingle(o.two, o.l0)}` : '') +
        ' (on this 2-core machine they share the cores with the database and the driver).',
    );
  if (o.size)
    parts.push(
      `With ${o.size.seeded} resolved tickets in the database, an L0 answer at ${o.size.before.rate} DM/s went from p50 ${ms(o.size.before.latency.p50)} / p99 ${ms(o.size.before.latency.p99)} ms and ${fixed(commandsPer(o.size.before))} commands to p50 ${ms(o.size.after.latency.p50)} / p99 ${ms(o.size.after.latency.p99)} ms and ${fixed(commandsPer(o.size.after))} commands.`,
    );
  return parts.join(' ');
}
