import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../../../src/config/config';
import { buildReport } from '../../../src/report/build-report';
import { dayFormatter } from '../../../src/report/csat-figures';
import { formatMarkdown } from '../../../src/report/format-markdown';
import { reportSettingsFromConfig } from '../../../src/app/report-settings';
import type { Report } from '../../../src/report/report-types';
import { ensureIndexes } from '../../../src/store/ensure-indexes';
import { createMongoKbDrafts } from '../../../src/store/mongo-kb-drafts';
import { createMongoL0Learning } from '../../../src/store/mongo-l0-learning';
import { createMongoSessionStore } from '../../../src/store/mongo-session-store';
import { createMongoTicketStore } from '../../../src/store/mongo-ticket-store';
import { createMongoWorkQueue } from '../../../src/store/mongo-work-queue';
import { createReportLoader } from '../../../src/app/report-loader';
import { loadReportInput } from '../../../src/store/report-source';
import { createHarness } from '../../support/helpdesk-harness';
import { openTestDatabase } from '../../support/test-database';
import { expectedFigures } from './expected-figures';
import { newTally } from './month-tally';
import { scriptedKb } from './scripted-kb';
import { createMonth } from './simulate-month';

const run = promisify(execFile);
const DAY_MS = 86_400_000;

/**
 * A month of the help desk through the real core on the real database (40 employees, four L1-L3
 * agents, SLA sweeps with automatic escalation), then the report checked figure by figure against
 * the simulation's own tally, in process and through the CLI in each format.
 */
describe('the report of a simulated month', () => {
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  const tally = newTally();
  // The desk's defaults (Asia/Jakarta, Mon-Fri 08:00-17:00, P1 around the clock), as the harness runs.
  const settings = reportSettingsFromConfig(loadConfig({}));
  let from: Date;
  let to: Date;
  let report: Report;

  beforeAll(async () => {
    conn = await openTestDatabase();
    await ensureIndexes(conn.db);
    const h = createHarness({
      kb: scriptedKb(),
      learning: createMongoL0Learning(conn.db),
      autoEscalate: true,
      stores: {
        tickets: createMongoTicketStore(conn.db),
        sessions: createMongoSessionStore(conn.db),
        inbox: createMongoWorkQueue(conn.db, 'inbox'),
        outbox: createMongoWorkQueue(conn.db, 'outbox'),
      },
    });
    from = h.now(); // Monday 2026-11-30, 09:00 in Jakarta
    const month = createMonth(h, tally);
    for (let week = 0; week < 4; week++)
      for (let weekday = 0; weekday < 5; weekday++)
        await month.day(new Date(from.getTime() + (week * 7 + weekday) * DAY_MS), 3);
    h.advance(1);
    to = h.now();
    await h.helpdesk.stop(5000);
    report = await createReportLoader(conn.db, settings)({ from, to });
  }, 120_000);
  afterAll(() => conn.dispose());

  it('did a month of work worth reporting', () => {
    expect(tally.tickets.length).toBeGreaterThan(15);
    expect(tally.tickets.some((t) => t.escalations.some((e) => e.automatic))).toBe(true);
    expect(tally.tickets.some((t) => t.sendBacks.length)).toBe(true);
    expect(tally.sla.length).toBeGreaterThan(0);
  });

  it('shows every figure as the simulation tallied it', () => {
    const expected = expectedFigures(tally, to, settings.calendar, dayFormatter('Asia/Jakarta'));
    expect(report.period).toEqual({ from: from.toISOString(), to: to.toISOString() });
    expect(report.l0).toEqual(expected.l0);
    expect(report.levels).toEqual(expected.levels);
    const l1 = expected.levels[0]!.resolutionRate;
    expect(report.l1Target).toMatchObject({ rate: l1, low: 0.7, high: 0.8 });
    expect(report.sla).toEqual(expected.sla);
    expect(report.csat).toEqual({ byAgent: expected.csatByAgent, trend: expected.trend });
    expect(report.backlog).toEqual(expected.backlog);
    expect(report.gaps.weakArticles).toEqual(expected.weakArticles);
    const byExample = (groups: readonly { examples: readonly string[] }[]) =>
      [...groups].sort((a, b) => (a.examples[0] ?? '').localeCompare(b.examples[0] ?? ''));
    expect(byExample(report.gaps.groups)).toEqual(byExample(expected.gaps));
    expect(report.drafts).toEqual({
      waiting: 0,
      total: 0,
      byStatus: { draft: 0, approved: 0, exported: 0 },
      items: [],
    });
  });

  it('filters by language and level as the tally says', async () => {
    const load = createReportLoader(conn.db, settings);
    const id = await load({ from, to, filters: { language: 'id' } });
    const idTickets = tally.tickets.filter((t) => t.locale === 'id');
    expect(id.levels[0]?.received).toBe(idTickets.length);
    expect(
      id.l0.questions +
        id.l0.offTopic +
        id.l0.confirmedSolved +
        (id.l0.notSolved ?? 0) +
        id.l0.suggestionPicked +
        id.l0.ticketsOpened,
    ).toBe(tally.outcomesByLocale.get('id') ?? 0);
    const l2 = await load({ from, to, filters: { level: 2 } });
    expect(l2.levels[0]?.received).toBe(
      tally.tickets.filter((t) => t.arrivals.some((a) => a.level === 2)).length,
    );
  });

  it('reads only what the period needs', async () => {
    const lastWeek = new Date(to.getTime() - 7 * DAY_MS);
    const input = await loadReportInput(conn.db, { from: lastWeek, to });
    const expected = tally.tickets.filter(
      (t) =>
        t.active ||
        [...t.responses, ...t.arrivals, ...t.resolutions].some((x) => x.at >= lastWeek) ||
        (t.rating?.at ?? 0) >= lastWeek,
    );
    expect(input.tickets.map((t) => t.key).sort()).toEqual(expected.map((t) => t.key).sort());
    const partial = buildReport(input, { ...settings, from: lastWeek, to });
    expect(partial.levels[0]?.received).toBe(
      tally.tickets.filter((t) => t.createdAt >= lastWeek).length,
    );
  });

  it('lists the KB drafts the agents saved, waiting until exported, next to the gap they fill', async () => {
    const drafts = createMongoKbDrafts(conn.db);
    const at = new Date(to.getTime() - 60_000);
    const draft = {
      ticketId: tally.tickets[0]!.id,
      ticketKey: tally.tickets[0]!.key,
      articleId: 'loud-laptop-fan',
      lang: 'en' as const,
      title: 'A loud laptop fan',
      category: 'hardware',
      tags: [],
      questions: ['laptop fan is very loud'],
      summary: 'Clean the vents.',
      steps: ['Shut down', 'Clean the vents'],
      by: { platform: 'console' as const, id: 'ayu' },
      createdAt: at,
      updatedAt: at,
    };
    await drafts.save({ id: 'draft:one', ...draft });
    await drafts.save({
      id: 'draft:two',
      ...draft,
      ticketKey: 'IT-2',
      articleId: 'loud-laptop-fan-2',
      questions: ['x'],
    });
    await drafts.markExported('draft:two', 'hardware/x.en.md', at);
    const withDrafts = await createReportLoader(conn.db, settings)({ from, to });
    // Each draft is named by the article id it is saved as, as the bot names it to the agent.
    expect(withDrafts.drafts).toEqual({
      waiting: 1,
      total: 2,
      byStatus: { draft: 0, approved: 1, exported: 1 },
      items: [
        {
          id: 'loud-laptop-fan',
          title: 'A loud laptop fan',
          ticketKey: draft.ticketKey,
          lang: 'en',
          status: 'approved',
        },
        {
          id: 'loud-laptop-fan-2',
          title: 'A loud laptop fan',
          ticketKey: 'IT-2',
          lang: 'en',
          status: 'exported',
        },
      ],
    });
    // The section's heading counts the statuses its rows show.
    const md = formatMarkdown(withDrafts);
    expect(md).toContain('## KB drafts (1 approved, 1 exported)');
    expect(md).toMatch(/\| loud-laptop-fan \| A loud laptop fan \| .* \| en \| approved \|/);
    expect(md).not.toContain('draft:');
    const fan = withDrafts.gaps.groups.find((g) => g.examples.includes('laptop fan is very loud'));
    expect(fan?.drafts).toEqual(
      tally.unsettled.has('laptop fan is very loud') ? ['loud-laptop-fan'] : undefined,
    );
    await conn.db.collection('kb_drafts').deleteMany({});
  });

  it.each(['json', 'md', 'html'])(
    'prints the same report from the CLI as %s',
    async (format) => {
      const { stdout } = await run(
        process.execPath,
        [
          require.resolve('tsx/cli'),
          'src/cli/report-cli.ts',
          '--from',
          from.toISOString(),
          '--to',
          to.toISOString(),
          '--format',
          format,
        ],
        {
          cwd: path.resolve(__dirname, '../../..'),
          env: {
            ...process.env,
            MONGODB_URI: process.env.LAPIS_TEST_MONGODB_URI,
            MONGODB_DB: conn.db.databaseName,
          },
          timeout: 60_000,
        },
      );
      if (format === 'json') {
        const printed = JSON.parse(stdout) as Report;
        expect({ ...printed, generatedAt: '' }).toEqual({ ...report, generatedAt: '' });
      } else if (format === 'md') {
        expect(stdout).toMatch(/^# Service desk report, /);
        expect(stdout).toContain(
          `| L1 | ${report.levels[0]?.received} | ${report.levels[0]?.resolved} |`,
        );
      } else {
        expect(stdout).toMatch(/^<!doctype html>/);
        expect(stdout).not.toMatch(/<script|<link|src=|href=/);
        expect(stdout).toContain(`<td>L1</td><td>${report.levels[0]?.received}</td>`);
      }
    },
    60_000,
  );
});
