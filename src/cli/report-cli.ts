import { Command, Option } from 'commander';
import { loadConfig } from '../config/config';
import { parseReportQuery } from '../lead/report-query';
import { DATABASE_VARIABLES, openAdminDatabase } from './open-admin-database';
import { createReportLoader } from '../app/report-loader';
import { formatHtml } from '../report/format-html';
import { formatMarkdown } from '../report/format-markdown';
import { reportSettingsFromConfig } from '../app/report-settings';
import type { Report } from '../report/report-types';

/**
 * `npm run -s report -- [--from DATE] [--to DATE] [--format md|html|json] [filters]`: the lead's
 * report of a period (default the 7 days before now) from the bot's database, on stdout. Reads only
 * the database variables, the desk's calendar (TIME_ZONE, BUSINESS_HOURS, HOLIDAYS,
 * SLA_AROUND_THE_CLOCK) and REPORT_L1_TARGET, so a half-set chat configuration does not stop it.
 * Exit 1 for a bad option, 2 when the report could not be made.
 */
/** Besides the database's (open-admin-database.ts): the desk's calendar and the L1 band. */
const VARIABLES = [
  'TIME_ZONE',
  'BUSINESS_HOURS',
  'HOLIDAYS',
  'SLA_AROUND_THE_CLOCK',
  'REPORT_L1_TARGET',
] as const;
const DEFAULT_DAYS = 7;
const FORMATS: Record<string, (report: Report) => string> = {
  md: formatMarkdown,
  html: formatHtml,
  json: (report) => `${JSON.stringify(report, null, 2)}\n`,
};

interface Options {
  from?: string;
  to?: string;
  format: string;
  channel?: string;
  category?: string;
  language?: string;
  level?: string;
}

async function run(opts: Options): Promise<number> {
  const config = loadConfig(
    Object.fromEntries(
      [...DATABASE_VARIABLES, ...VARIABLES].map((name) => [name, process.env[name]]),
    ),
  );
  const now = new Date();
  const { format, ...raw } = opts;
  const parsed = parseReportQuery(raw, config.TIME_ZONE, now);
  if (!parsed.ok) {
    for (const p of parsed.problems) process.stderr.write(`--${p.field}: ${p.message}\n`);
    return 1;
  }
  const { to, filters } = parsed.query;
  const from = opts.from ? parsed.query.from : new Date(to.getTime() - DEFAULT_DAYS * 86_400_000);
  const { db } = await openAdminDatabase(process.env, VARIABLES);
  try {
    const load = createReportLoader(db.db, reportSettingsFromConfig(config));
    const report = await load({ from, to, filters });
    process.stdout.write((FORMATS[format] ?? formatMarkdown)(report));
    return 0;
  } finally {
    await db.close();
  }
}

const program = new Command('report')
  .description("the service-desk lead's report of a period")
  .option(
    '--from <date>',
    'start (YYYY-MM-DD at the desk, or an ISO time); default 7 days before --to',
  )
  .option('--to <date>', 'end, exclusive (YYYY-MM-DD or ISO time); default now')
  .addOption(new Option('--format <format>', 'output').choices(Object.keys(FORMATS)).default('md'))
  .addOption(
    new Option('--channel <channel>', "the requester's platform").choices([
      'slack',
      'teams',
      'console',
    ]),
  )
  .option('--category <category>', 'ticket category (account, email, network, ...)')
  .addOption(
    new Option('--language <language>', 'ticket or question language').choices(['en', 'id']),
  )
  .addOption(
    new Option('--level <level>', 'tickets that reached this level').choices(['1', '2', '3']),
  )
  .showHelpAfterError()
  .action(async (opts: Options) => {
    process.exitCode = await run(opts);
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`report: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
