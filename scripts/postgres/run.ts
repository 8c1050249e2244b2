/**
 * `npm run db:postgres [-- --data-dir DIR] [--port N] [--postgresql-url URL]`: PostgreSQL plus FerretDB
 * on it, for trying Lapis on that backend by hand. Prints the MONGODB_URI to give Lapis and stays up
 * until Ctrl-C (or SIGTERM), then stops both in order. The cluster in DIR (default
 * `.data/ferretdb-postgres`) is kept and reused by the next run.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../../src/util/project-root';
import { startFerretdbPostgres } from './start-ferretdb-postgres';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'postgresql-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'usage: npm run db:postgres [-- --data-dir DIR] [--port N] [--postgresql-url URL]\n' +
        '  --data-dir        where the PostgreSQL cluster and the FerretDB state go\n' +
        '                    (default .data/ferretdb-postgres, kept between runs)\n' +
        "  --port            FerretDB's port on 127.0.0.1 (default: a free one)\n" +
        '  --postgresql-url  use this PostgreSQL database instead of starting one',
    );
    return;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    throw new Error(`--port: expected a port number, got ${values.port}`);
  }
  const dataDir = path.resolve(
    values['data-dir'] ?? path.join(projectRoot(), '.data', 'ferretdb-postgres'),
  );
  const log = (msg: string) => console.log(`db:postgres: ${msg}`);
  const db = await startFerretdbPostgres({
    dataDir,
    log,
    ...(port !== undefined && { port }),
    ...(values['postgresql-url'] && { postgresUrl: values['postgresql-url'] }),
  });
  console.log(
    [
      '',
      'FerretDB on PostgreSQL is up. Start Lapis on it with:',
      '',
      `  MONGODB_URI=${db.uri} npm start`,
      '',
      `PostgreSQL: ${db.postgresUrl}${db.postgres ? ` (logs in ${db.postgres.logPath})` : ''}`,
      `FerretDB log: ${db.ferretdbLogPath}`,
      'Ctrl-C stops both.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping FerretDB and PostgreSQL`);
    db.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`db:postgres: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`db:postgres: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
