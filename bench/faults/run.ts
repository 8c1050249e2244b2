import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFerretdb, type FerretdbDatabase } from '../../src/store/embedded/start-ferretdb';
import { SCENARIOS } from './scenarios';
import { markdownTable, type Row } from './table';

/**
 * `npm run bench:faults`: every fault scenario at full size against real bot processes, printed as a
 * markdown table; exits 1 when any row is not ok. Arguments: scenario names to run only those (the
 * jest project `process` runs them all at small sizes). MONGODB_URI, when set, serves the scenarios
 * that do not stop the database; otherwise (and for "database down" always) a FerretDB is started here.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => !SCENARIOS.some((s) => s.name === a));
  if (unknown.length) throw new Error(`no such scenario: ${unknown.join(', ')}`);
  const chosen = SCENARIOS.filter((s) => args.length === 0 || args.includes(s.name));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lapis-faults-'));
  let ferretdb: FerretdbDatabase | undefined;
  const rows: Row[] = [];
  try {
    const mongoUri =
      process.env.MONGODB_URI ?? (ferretdb = await startFerretdb({ dataDir: dir })).uri;
    for (const scenario of chosen) {
      const started = Date.now();
      log(`${scenario.name}...`);
      try {
        rows.push(...(await scenario.run({ mongoUri, log })));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        rows.push({
          scenario: scenario.name,
          sent: '-',
          expected: 'runs',
          observed: message,
          ok: false,
        });
      }
      log(`${scenario.name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await ferretdb?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`\n${markdownTable(rows)}\n`);
  return rows.every((r) => r.ok) ? 0 : 1;
}

function log(line: string): void {
  process.stderr.write(`[faults] ${line}\n`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
