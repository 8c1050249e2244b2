import { loadConfig } from '../../../src/config/config';
import { formatMarkdown } from '../../../src/report/format-markdown';
import { reportSettingsFromConfig } from '../../../src/app/report-settings';
import { ensureIndexes } from '../../../src/store/ensure-indexes';
import { createMongoKbDrafts } from '../../../src/store/mongo-kb-drafts';
import { createMongoSessionStore } from '../../../src/store/mongo-session-store';
import { createMongoTicketStore } from '../../../src/store/mongo-ticket-store';
import { createMongoWorkQueue } from '../../../src/store/mongo-work-queue';
import { createReportLoader } from '../../../src/app/report-loader';
import { createHarness, people } from '../../support/helpdesk-harness';
import { textOf } from '../../support/recording-surface';
import { openTestDatabase } from '../../support/test-database';

/**
 * "Draft KB article" on the real server: the draft is made of the ticket alone (not the employee's
 * earlier questions on other subjects), the id the agent is told is the one the report lists, and
 * the report's heading counts its rows by the statuses they show.
 */
describe('KB drafts on MongoDB', () => {
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    conn = await openTestDatabase();
    await ensureIndexes(conn.db);
  });
  afterAll(() => conn.dispose());

  it('drafts from the ticket’s own question, under one id, counted as its rows show', async () => {
    const drafts = createMongoKbDrafts(conn.db);
    const h = createHarness({
      drafts,
      stores: {
        tickets: createMongoTicketStore(conn.db),
        sessions: createMongoSessionStore(conn.db),
        inbox: createMongoWorkQueue(conn.db, 'inbox'),
        outbox: createMongoWorkQueue(conn.db, 'outbox'),
      },
    });
    await h.dm(people.budi, 'my wifi keeps dropping in the meeting room');
    h.advance(30);
    await h.dm(people.budi, "it doesn't work");
    h.advance(30);
    const question = 'the printer on floor 3 has a paper jam';
    await h.dm(people.budi, question);
    await h.press(people.budi, h.button('l0_need_help'));
    await h.press(people.budi, h.button('ticket_form'), {
      category: 'printing',
      impact: 'me',
      urgency: 'low',
    });
    await h.press(people.ayu, h.button('claim', 'L1'));
    await h.press(people.ayu, h.button('resolve', 'L1'), { summary: 'Opened tray 2. Removed it.' });
    const button = h.button('draft_article');
    const initial = Object.fromEntries((button.form ?? []).map((f) => [f.name, f.initial ?? '']));
    expect(initial.questions).toBe(question);
    await h.press(people.ayu, button, initial);

    const [stored] = await drafts.list();
    expect(stored?.questions).toEqual([question]);
    const id = stored!.articleId;
    expect(id).toBe('the-printer-on-floor-3-has-a-paper-jam');
    expect(textOf(h.sent.at(-1)!.message)).toContain(` as ${id} `);

    const load = createReportLoader(conn.db, reportSettingsFromConfig(loadConfig({})));
    const to = new Date(h.now().getTime() + 60_000);
    const report = await load({ from: new Date(to.getTime() - 86_400_000), to });
    expect(report.drafts).toMatchObject({
      waiting: 1,
      total: 1,
      byStatus: { draft: 0, approved: 1, exported: 0 },
      items: [{ id, ticketKey: 'IT-1001', status: 'approved' }],
    });
    expect(formatMarkdown(report)).toContain(
      `## KB drafts (1 approved)\n\n| draft | title | ticket | language | status |\n| --- | --- | --- | --- | --- |\n| ${id} |`,
    );

    await drafts.markExported(stored!.id, `hardware/${id}.en.md`, to);
    const after = await load({ from: new Date(to.getTime() - 86_400_000), to });
    expect(formatMarkdown(after)).toContain('## KB drafts (1 exported)');
    expect(after.drafts.items.map((d) => d.status)).toEqual(['exported']);
  });
});
