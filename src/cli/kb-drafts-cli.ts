import { Command } from 'commander';
import path from 'node:path';
import type { KbDraft } from '../core/ports/kb-drafts';
import { exportDrafts } from '../kb/export-drafts';
import { openDrafts, type OpenDrafts } from './open-drafts';
import { draftFilePath } from '../kb/render-draft';

/**
 * `kb drafts list|export DIR`: the KB articles agents drafted from resolved tickets ("Draft KB
 * article"), in the bot's database (see docs/kb-cli.md).
 */
export function draftsCommand(): Command {
  const drafts = new Command('drafts')
    .description('KB articles drafted by agents from resolved tickets (in the bot database)')
    .showHelpAfterError();

  drafts
    .command('list')
    .description('list the approved drafts, oldest first')
    .option('--json', 'one JSON object per line')
    .action((opts: { json?: boolean }) =>
      withDrafts(async ({ drafts: store }) => {
        const rows = (await store.list()).map(toRow);
        if (opts.json) for (const row of rows) print(JSON.stringify(row));
        else printTable(rows);
      }),
    );

  drafts
    .command('export')
    .description('write the drafts not exported yet as KB files under DIR (never overwriting)')
    .argument('<dir>', 'a KB folder (e.g. kb/) or an empty folder to review them in')
    .action((dir: string) =>
      withDrafts(async ({ drafts: store }) => {
        process.exitCode = await exportDrafts(store, path.normalize(dir), {
          out: print,
          err: (line) => process.stderr.write(`${line}\n`),
        });
      }),
    );
  return drafts;
}

async function withDrafts(run: (open: OpenDrafts) => Promise<void>): Promise<void> {
  const open = await openDrafts();
  try {
    await run(open);
  } finally {
    await open.close();
  }
}

/**
 * A draft as the CLI shows it. Its id is the article id it is saved as, the one the bot named to the
 * agent, the report and the dashboard show, and its KB file gets; its status is the report's
 * (approved: waiting for `export`; exported: written into the KB).
 */
function toRow(d: KbDraft) {
  return {
    id: d.articleId,
    status: d.exportedAt ? 'exported' : 'approved',
    /** Kept under its earlier name too (the same value), for scripts that read it. */
    articleId: d.articleId,
    ticketId: d.ticketId,
    ticketKey: d.ticketKey,
    lang: d.lang,
    category: d.category,
    title: d.title,
    tags: d.tags,
    questions: d.questions,
    summary: d.summary,
    steps: d.steps,
    file: draftFilePath(d),
    by: d.by.name ?? d.by.id,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    exportedAt: d.exportedAt?.toISOString() ?? null,
    exportedTo: d.exportedTo ?? null,
  };
}

function printTable(rows: readonly ReturnType<typeof toRow>[]): void {
  if (!rows.length) return print('no KB drafts');
  const table = [
    ['ID', 'STATUS', 'TICKET', 'FILE', 'BY', 'UPDATED', 'TITLE'],
    ...rows.map((r) => [
      r.id,
      r.status,
      r.ticketKey,
      r.file,
      r.by,
      r.updatedAt.slice(0, 10),
      r.title,
    ]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  for (const row of table)
    print(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '));
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}
