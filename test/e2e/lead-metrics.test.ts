import path from 'node:path';
import type { Db } from 'mongodb';
import { createConsoleAgentDirectory } from '../../src/channels/console/console-agent-directory';
import type { ConversationName } from '../../src/core/ports/console-messages';
import {
  createConsoleSurface,
  type ConsoleMessageDoc,
} from '../../src/channels/console/console-surface';
import { CONSOLE_USERS } from '../../src/channels/console/console-users';
import { composeHelpdesk } from '../../src/app/compose-helpdesk';
import { loadConfig } from '../../src/config/config';
import type { Helpdesk } from '../../src/core/inbound';
import type { ActionId } from '../../src/core/messages';
import type { Ticket } from '../../src/core/ticket';
import type { Report } from '../../src/report/report-types';
import { reportLoader } from '../../src/app/report-loader';
import { loadKnowledgeBase } from '../../src/kb/load-kb';
import { createKnowledgeBase } from '../../src/kb/search/create-knowledge-base';
import { meterDatabaseCommands } from '../../src/metrics/database-commands';
import { startMetricsServer } from '../../src/metrics/metrics-route';
import { createPrometheusMetrics, type LapisMetrics } from '../../src/metrics/prometheus-meter';
import { projectRoot } from '../../src/util/project-root';
import { COLLECTIONS } from '../../src/store/collections';
import { createBacklogCounter } from '../../src/store/count-backlog';
import { ensureIndexes } from '../../src/store/ensure-indexes';
import { createMongoConsoleMessages } from '../../src/store/mongo-console-messages';
import { startLeadApp, TEST_TOKEN, tokenAccess } from '../support/lead-app';
import { parsePrometheusText, type Scrape } from '../support/prometheus-text';
import { openTestDatabase } from '../support/test-database';

/**
 * /metrics on the REAL core: composeHelpdesk with the Prometheus meter on the test database, the
 * console's HTTP API in front (as main.ts mounts it in the local console's mode), events driven
 * through that API, and the exposition read back as Prometheus text.
 */
describe('Prometheus metrics from real events', () => {
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  let helpdesk: Helpdesk;
  let metrics: LapisMetrics;
  let app: Awaited<ReturnType<typeof startLeadApp>>;
  let clockOffsetMs = 0;

  beforeAll(async () => {
    const config = loadConfig({});
    const kb = createKnowledgeBase(loadKnowledgeBase(path.join(projectRoot(), 'kb')), {
      answerThreshold: config.KB_ANSWER_THRESHOLD,
    });
    conn = await openTestDatabase();
    await ensureIndexes(conn.db);
    metrics = createPrometheusMetrics({
      countBacklog: createBacklogCounter(conn.db),
      backlogMaxAgeMs: 0,
    });
    meterDatabaseCommands(conn.client, metrics.registry);
    const surface = createConsoleSurface(createMongoConsoleMessages(conn.db));
    helpdesk = composeHelpdesk({
      config,
      db: conn.db,
      kb,
      channels: [{ platform: 'console', surface: surface, agents: createConsoleAgentDirectory() }],
      clock: { now: () => new Date(Date.now() + clockOffsetMs) },
      meter: metrics.meter,
    });
    helpdesk.start();
    app = await startLeadApp({
      access: { mode: 'open' },
      metrics: metrics.registry,
      loadReport: reportLoader(conn.db, config),
      console: {
        helpdesk,
        feed: surface,
        users: CONSOLE_USERS,
        timeZone: config.TIME_ZONE,
        locales: { agent: config.AGENT_LOCALE, default: config.DEFAULT_LOCALE },
      },
    });
  });

  afterAll(async () => {
    await app?.close();
    await helpdesk?.stop(2000);
    await conn?.dispose();
  });

  async function scrape(url = `${app.url}/metrics`, init?: RequestInit): Promise<Scrape> {
    const res = await fetch(url, init);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(await res.text());
  }

  async function post(endpoint: string, body: object): Promise<void> {
    const res = await fetch(`${app.url}/api/${endpoint}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    await helpdesk.idle();
  }

  const press = async (as: string, c: ConversationName, action: ActionId, form?: object) =>
    post('action', {
      as,
      action,
      payload: (await storedButton(conn.db, c, action)).payload,
      ...(form && { form }),
    });

  it('counts L0 outcomes, tickets, escalations, breaches, searches and reply times', async () => {
    const before = await scrape();
    expect(before.types.get('lapis_l0_questions_total')).toBe('counter');
    expect(before.types.get('lapis_event_to_reply_seconds')).toBe('histogram');
    expect(before.types.get('lapis_backlog')).toBe('gauge');

    // Budi (English) is answered, says it did not help and opens a ticket.
    await post('dm', { as: 'budi', text: 'the printer on floor 3 has a paper jam' });
    await press('budi', 'dm:budi', 'l0_need_help');
    await press('budi', 'dm:budi', 'ticket_form', {
      category: 'printing',
      impact: 'team',
      urgency: 'degraded',
      details: 'Error E-42 on the display',
    });
    // Ayu claims it at L1 and escalates it to L2.
    await press('ayu', 'level:1', 'claim');
    await press('ayu', 'level:1', 'escalate', { reason: 'Fuser fault', tried: 'Cleared the jam' });
    // Sari (Indonesian) is answered and it solves her problem.
    await post('dm', { as: 'sari', text: 'saya lupa password' });
    await press('sari', 'dm:sari', 'l0_solved');
    // A month later nobody has resolved the ticket: the SLA sweep finds it breached.
    clockOffsetMs = 30 * 86_400_000;
    expect(await helpdesk.sweepSla()).toBeGreaterThan(0);
    await helpdesk.idle();

    const after = await scrape();
    const moved = (name: string, labels?: Record<string, string>) =>
      after.sum(name, labels) - before.sum(name, labels);

    expect(moved('lapis_l0_questions_total', { outcome: 'answered', language: 'en' })).toBe(1);
    expect(moved('lapis_l0_questions_total', { outcome: 'answered', language: 'id' })).toBe(1);
    expect(moved('lapis_l0_questions_total')).toBe(2);
    expect(moved('lapis_l0_answers_total', { language: 'en' })).toBe(1);
    expect(moved('lapis_l0_answers_total', { language: 'id' })).toBe(1);
    expect(moved('lapis_l0_solved_total', { language: 'id' })).toBe(1);
    expect(moved('lapis_l0_solved_total')).toBe(1);
    expect(moved('lapis_l0_outcomes_total', { kind: 'not_solved', language: 'en' })).toBe(1);
    expect(moved('lapis_l0_outcomes_total', { kind: 'ticket_opened', language: 'en' })).toBe(1);
    expect(moved('lapis_tickets_opened_total', { channel: 'console' })).toBe(1);
    expect(moved('lapis_tickets_opened_total')).toBe(1);
    expect(moved('lapis_escalations_total', { to_level: '2' })).toBe(1);
    expect(moved('lapis_escalations_total')).toBe(1);

    // Every breach the tickets record was counted once, at the level the ticket was at.
    const tickets = await conn.db.collection<Ticket>(COLLECTIONS.tickets).find().toArray();
    const breached = tickets.flatMap((t) =>
      t.sla.breached.map((kind) => ({ level: t.level, kind })),
    );
    expect(breached.length).toBeGreaterThan(0);
    expect(moved('lapis_sla_breaches_total')).toBe(breached.length);
    for (const { level, kind } of breached)
      expect(after.value('lapis_sla_breaches_total', { level: String(level), kind })).toBe(
        breached.filter((b) => b.level === level && b.kind === kind).length,
      );

    // Every search timed; every event (7) replied to once.
    expect(moved('lapis_kb_search_seconds_count')).toBeGreaterThanOrEqual(2);
    expect(moved('lapis_kb_search_seconds_count')).toBe(
      moved('lapis_kb_search_seconds_bucket', { le: '+Inf' }),
    );
    expect(moved('lapis_event_to_reply_seconds_count')).toBe(7);
    expect(
      moved('lapis_event_to_reply_seconds_count', { channel: 'console', event: 'direct_message' }),
    ).toBe(2);
    expect(moved('lapis_event_to_reply_seconds_count', { event: 'action' })).toBe(5);
    expect(moved('lapis_event_to_reply_seconds_sum')).toBeGreaterThan(0);

    // The backlog: the escalated ticket waits at L2.
    expect(after.value('lapis_backlog', { level: '1' })).toBe(0);
    expect(after.value('lapis_backlog', { level: '2' })).toBe(1);
    expect(after.value('lapis_backlog', { level: '3' })).toBe(0);

    // Database round trips, by command and collection: each of the 7 events (and the SLA sweep's
    // timer work) was recorded in the inbox.
    expect(after.types.get('lapis_db_commands_total')).toBe('counter');
    expect(
      moved('lapis_db_commands_total', { command: 'insert', collection: 'inbox' }),
    ).toBeGreaterThanOrEqual(7);
    expect(moved('lapis_db_commands_total', { command: 'find' })).toBeGreaterThan(7);

    // The dashboard's report over the same database agrees.
    const res = await fetch(`${app.url}/dashboard/api/report`);
    expect(res.status).toBe(200);
    const report = (await res.json()) as Report;
    expect(report.l0).toMatchObject({
      questions: 2,
      answered: 2,
      confirmedSolved: 1,
      ticketsOpened: 1,
    });
    expect(report.levels.find((l) => l.level === 1)).toMatchObject({ received: 1, escalated: 1 });
  });

  it('serves the same registry on a METRICS_PORT listener of its own (and nothing else there)', async () => {
    const listener = await startMetricsServer(metrics.registry, '127.0.0.1', 0);
    try {
      const scraped = await scrape(`${listener.url}metrics`);
      expect(scraped.types.get('lapis_tickets_opened_total')).toBe('counter');
      expect((await fetch(`${listener.url}dashboard`)).status).toBe(404);
    } finally {
      await listener.close();
    }
  });

  it('with a chat platform, refuses /metrics without the token and takes it as a bearer token', async () => {
    const guarded = await startLeadApp({ access: tokenAccess(), metrics: metrics.registry });
    try {
      const refused = await fetch(`${guarded.url}/metrics`);
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await refused.text()).not.toMatch(/lapis_/);
      const wrong = await fetch(`${guarded.url}/metrics`, {
        headers: { authorization: `Bearer ${TEST_TOKEN}x` },
      });
      expect(wrong.status).toBe(401);
      const scraped = await scrape(`${guarded.url}/metrics`, {
        headers: { authorization: `Bearer ${TEST_TOKEN}` },
      });
      expect(scraped.types.get('lapis_escalations_total')).toBe('counter');
    } finally {
      await guarded.close();
    }
    const off = await startLeadApp({ access: { mode: 'off' }, metrics: metrics.registry });
    try {
      expect((await fetch(`${off.url}/metrics`)).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});

/** A button the bot sent to `conversation`, as stored for the console (the latest version of it). */
async function storedButton(
  db: Db,
  conversation: ConversationName,
  action: ActionId,
): Promise<{ payload: string }> {
  const docs = await db
    .collection<ConsoleMessageDoc>(COLLECTIONS.consoleMessages)
    .find({ conversation })
    .toArray();
  for (const doc of docs.reverse()) {
    for (const block of doc.message.blocks) {
      const found = block.kind === 'actions' && block.actions.find((a) => a.id === action);
      if (found) return found;
    }
  }
  throw new Error(`no ${action} button in ${conversation}`);
}
