import { Command, InvalidArgumentError, Option } from 'commander';
import type { LearnedPhrasing } from '../core/ports/l0-learning';
import type { PhrasingChange } from '../core/ports/l0-learning';
import { exportLearned } from '../kb/export-learned';
import { minConfirmationsFromEnv, openLearning, type OpenLearning } from './open-learning';
import { isUsable } from '../kb/search/learning-knowledge-base';

/**
 * `kb learned list|remove|approve|export`: the phrasings the bot learned from L0 outcomes, in its
 * database (see docs/kb-cli.md). Exit 1 for an unknown id or a KB with errors.
 */
export function learnedCommand(kbOption: () => Option): Command {
  const learned = new Command('learned')
    .description('phrasings learned from confirmed L0 answers (in the bot database)')
    .showHelpAfterError();

  learned
    .command('list')
    .description('list the learned phrasings')
    .option('--json', 'one JSON object per line')
    .addOption(minOption())
    .action((opts: { json?: boolean; min?: number }) => {
      const min = opts.min ?? minConfirmationsFromEnv();
      return withLearning(async ({ learning }) => {
        const rows = (await learning.learned()).map((p) => toRow(p, min));
        if (opts.json) for (const row of rows) print(JSON.stringify(row));
        else printTable(rows);
      });
    });

  for (const [name, verb] of [
    ['remove', 'remove a phrasing for good (it is not learned again)'],
    ['approve', 'let search use a phrasing whatever its confirmations'],
  ] as const) {
    learned
      .command(name)
      .description(verb)
      .argument('<id>', 'the phrasing id, as `learned list` shows it')
      .action((id: string) =>
        withLearning(async ({ learning }) => {
          const change = await learning[name](id);
          report(name, id, change);
        }),
      );
  }

  learned
    .command('export')
    .description("write used phrasings into their articles' questions")
    .addOption(kbOption())
    .addOption(minOption())
    .action((opts: { kb: string; min?: number }) => {
      const min = opts.min ?? minConfirmationsFromEnv();
      return withLearning(async ({ learning }) => {
        process.exitCode = await exportLearned(learning, opts.kb, min, {
          out: print,
          err: (line) => process.stderr.write(`${line}\n`),
        });
      });
    });
  return learned;
}

const minOption = () =>
  new Option(
    '--min <n>',
    'confirmations that make a phrasing used by search (default LEARN_MIN_CONFIRMATIONS or 2)',
  ).argParser((value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 1)
      throw new InvalidArgumentError('expected a whole number >= 1');
    return n;
  });

async function withLearning(run: (open: OpenLearning) => Promise<void>): Promise<void> {
  const open = await openLearning();
  try {
    await run(open);
  } finally {
    await open.close();
  }
}

function report(name: 'remove' | 'approve', id: string, change: PhrasingChange): void {
  if (change === 'unknown') {
    process.stderr.write(`no learned phrasing with id ${id} (see \`kb learned list\`)\n`);
    process.exitCode = 1;
    return;
  }
  const done = name === 'remove' ? 'removed' : 'approved';
  print(change === 'changed' ? `${done} ${id}` : `${id} was already ${done}`);
}

function toRow(p: LearnedPhrasing, min: number) {
  return {
    id: p.id,
    articleId: p.articleId,
    lang: p.lang ?? null,
    text: p.text,
    confirmations: p.confirmations,
    approved: p.approved,
    used: isUsable(p, min),
    exportedAt: p.exportedAt?.toISOString() ?? null,
    firstAt: p.firstAt.toISOString(),
    lastAt: p.lastAt.toISOString(),
  };
}

function printTable(rows: readonly ReturnType<typeof toRow>[]): void {
  if (!rows.length) return print('no learned phrasings');
  const yesNo = (b: boolean) => (b ? 'yes' : 'no');
  const table = [
    ['ID', 'ARTICLE', 'LANG', 'CONFIRMED', 'APPROVED', 'USED', 'EXPORTED', 'TEXT'],
    ...rows.map((r) => [
      r.id,
      r.articleId,
      r.lang ?? '-',
      String(r.confirmations),
      yesNo(r.approved),
      yesNo(r.used),
      r.exportedAt?.slice(0, 10) ?? 'no',
      r.text,
    ]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  for (const row of table)
    print(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '));
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}
