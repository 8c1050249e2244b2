import type { Db } from 'mongodb';
import { composeHelpdesk } from '../../src/app/compose-helpdesk';
import { reportLoader } from '../../src/app/report-loader';
import { weeklyDigestJob } from '../../src/app/weekly-digest';
import { latestWeeklyTime } from '../../src/app/weekly-time';
import { loadConfig, type Config } from '../../src/config/config';
import type { Helpdesk } from '../../src/core/inbound';
import { createKnowledgeBase } from '../../src/kb/search/create-knowledge-base';
import { startRealConsole, type RealConsole } from '../support/real-console';
import { shownText, startSlackHarness, PEOPLE, type SlackHarness } from '../support/slack-harness';
import { cardOf, cardText, personalMessage, teamsPerson } from '../support/teams-activities';
import { TEAMS_SDKS, useTeamsBed } from '../support/teams-app';
import { actAs, openConsole, pageWidth } from './browser';

/**
 * The weekly digest end to end: the job main schedules (weeklyDigestJob) on the real core and the
 * real report over the test database, a clock the test sets, and each channel over real HTTP: the
 * Slack Web API stub records chat.postMessage into the lead's channel, the Bot Framework connector
 * stub (each Teams SDK) a new conversation there, the console stores it in its lead conversation,
 * which the page shows. Before it, an employee asks a question, so the week has a figure to show.
 *
 * The schedule is tomorrow at 00:05 in Jakarta: the week it sums up (the 7 days before tomorrow)
 * holds today, when the question was asked.
 */
const TIME_ZONE = 'Asia/Jakarta';
const tomorrow = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, weekday: 'short' }).format(
  new Date(Date.now() + 24 * 3600_000),
);
const SCHEDULE = `${tomorrow} 00:05`;
const DASHBOARD = 'https://lapis.example.com/dashboard';

/** The moment the test's clock shows: a minute after the digest's time, or `minutes` more. */
function digestClock(config: Config, minutes = 1): () => Date {
  const due = latestWeeklyTime(
    config.DIGEST_SCHEDULE!,
    new Date(Date.now() + 2 * 86_400_000),
    TIME_ZONE,
  );
  return () => new Date(due.getTime() + minutes * 60_000);
}

/** The job as main.ts builds it; `run` runs it once and waits until the core has sent what it queued. */
function digestJob(config: Config, db: Db, helpdesk: Helpdesk, minutes = 1) {
  const [job] = weeklyDigestJob(config, {
    loadReport: reportLoader(db, config),
    helpdesk,
    dashboardUrl: DASHBOARD,
    log: { info: () => {} },
    now: digestClock(config, minutes),
  });
  if (!job) throw new Error('no digest job: no lead channel configured?');
  return {
    job,
    async run() {
      await job.run();
      await helpdesk.idle();
    },
  };
}

describe('the weekly digest on Slack', () => {
  const LEAD = 'C0LEAD00001';
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({
      env: { SLACK_LEAD_CHANNEL_ID: LEAD, DIGEST_SCHEDULE: SCHEDULE, AGENT_LOCALE: 'en' },
    });
  });
  afterAll(() => h?.close());

  it("posts the week's digest into the lead's channel once, however often the job runs", async () => {
    await h.dm(PEOPLE.budi, 'I forgot my password');
    expect(h.posted(LEAD)).toEqual([]);
    // Before its time nothing goes.
    await digestJob(h.config, h.db, h.helpdesk, -2).run();
    expect(h.posted(LEAD)).toEqual([]);

    const digest = digestJob(h.config, h.db, h.helpdesk);
    await digest.run();
    const [post, ...more] = h.posted(LEAD);
    expect(more).toEqual([]);
    expect(digest.job.name).toBe('weekly-digest');
    const text = shownText(post!);
    expect(text).toContain('Weekly IT help desk digest');
    expect(text).toMatch(/Self-help \(L0\) questions: 1 asked, 1 answered, 0 solved/);
    expect(text).toContain('L1 finished no tickets this week (target 70%-80%).');
    expect(text).toContain(`${DASHBOARD}?from=`);
    // A new message in the channel, not a reply in some thread.
    expect(post!.args.thread_ts).toBeUndefined();

    // The next minute, and another instance's job: nothing more.
    await digest.run();
    await digestJob(h.config, h.db, h.helpdesk, 2).run();
    expect(h.posted(LEAD)).toHaveLength(1);
  });

  it("posts next week's once when two instances over one database run the job together", async () => {
    const other = composeHelpdesk({
      config: h.config,
      db: h.db,
      kb: createKnowledgeBase([]),
      channels: [h.channel],
      instanceId: 'second-instance',
    });
    other.start();
    try {
      const week = 7 * 24 * 60 + 1;
      await Promise.all([
        digestJob(h.config, h.db, h.helpdesk, week).run(),
        digestJob(h.config, h.db, other, week).run(),
      ]);
      await Promise.all([h.helpdesk.idle(), other.idle()]);
      const posts = h.posted(LEAD);
      expect(posts).toHaveLength(2);
      expect(shownText(posts[1]!)).toContain('Self-help (L0) questions: 0 asked');
    } finally {
      await other.stop(2000);
    }
  });
});

describe.each(TEAMS_SDKS)('the weekly digest on Teams (%s)', (sdk) => {
  const LEAD = '19:it-lead@thread.tacv2';
  const budi = teamsPerson('budi', 'Budi Santoso', '0b0d1a2b-0000-4000-8000-00000000b0d1');
  const bed = useTeamsBed({
    sdk,
    env: {
      TEAMS_L1_CHANNEL_ID: '19:l1-service-desk@thread.tacv2',
      TEAMS_LEAD_CHANNEL_ID: LEAD,
      DIGEST_SCHEDULE: SCHEDULE,
      AGENT_LOCALE: 'id',
    },
  });
  /** New conversations in the lead's channel (the stub names each by its thread: `<channel>;messageid=`). */
  const created = () =>
    bed.connector.calls.filter(
      (c) => c.kind === 'create' && c.conversationId.startsWith(`${LEAD};messageid=`),
    );

  it("starts a new conversation in the lead's channel with the digest, in Indonesian, once", async () => {
    const asked = await bed.app.post(
      personalMessage(bed.connector.url, budi, 'a:1budi-personal-chat', 'lupa password'),
    );
    expect(asked.status).toBe(200);
    const digest = digestJob(bed.app.config, bed.db, bed.app.helpdesk);
    await digest.run();
    const [post, ...more] = created();
    expect(more).toEqual([]);
    expect(post!.body).toMatchObject({ isGroup: true, channelData: { channel: { id: LEAD } } });
    const text = cardText(cardOf(post!.body.activity as Record<string, unknown>));
    expect(text).toContain('Ringkasan mingguan helpdesk IT');
    expect(text).toMatch(/Pertanyaan bantuan mandiri \(L0\): 1 diajukan/);
    expect(text).toContain('Tiket per level');

    await digest.run();
    expect(created()).toHaveLength(1);
  });
});

describe("the weekly digest in the local console's lead channel", () => {
  let c: RealConsole;
  beforeAll(async () => {
    c = await startRealConsole({ env: { DIGEST_SCHEDULE: SCHEDULE, AGENT_LOCALE: 'en' } });
  });
  afterAll(() => c?.close());

  it('shows the digest in the lead conversation, on the page in a column of its own', async () => {
    const { page, errors, failed } = await openConsole(c.browser, c.app.url);
    await actAs(page, 'ayu');
    // No digest yet: the four columns of a desk.
    expect(await page.locator('[data-pane="lead"]').isVisible()).toBe(false);

    const asked = await fetch(`${c.app.url}api/dm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as: 'budi', text: 'I forgot my password' }),
    });
    expect(asked.status).toBe(200);
    await c.helpdesk.idle();
    const config = loadConfig({ DIGEST_SCHEDULE: SCHEDULE, AGENT_LOCALE: 'en' });
    const digest = digestJob(config, c.conn.db, c.helpdesk);
    await digest.run();
    await digest.run();

    const read = await fetch(`${c.app.url}api/conversation?c=lead&viewer=ayu`);
    const { messages } = (await read.json()) as { messages: { message: { text: string } }[] };
    expect(messages.map((m) => m.message.text)).toEqual([
      expect.stringContaining('Weekly IT help desk digest'),
    ]);

    const lead = page.locator('[data-pane="lead"]');
    await lead.locator('.msg', { hasText: 'Weekly IT help desk digest' }).waitFor();
    expect(await lead.innerText()).toMatch(/Self-help \(L0\) questions: 1 asked, 1 answered/);
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);

    // On a phone the lead's channel is a fifth tab, the whole width when opened.
    const phone = await openConsole(c.browser, c.app.url, { layout: 'phone' });
    await actAs(phone.page, 'ayu');
    const tab = phone.page.locator('.column-tab[data-column="lead"]');
    await tab.waitFor();
    expect(await phone.page.locator('.column-tab').allTextContents()).toEqual([
      'DM',
      'L1',
      'L2',
      'L3',
      'Lead',
    ]);
    await tab.click();
    const shown = phone.page.locator('[data-pane="lead"] .msg', { hasText: 'Weekly IT' });
    await shown.waitFor();
    expect(await pageWidth(phone.page)).toBeLessThanOrEqual(390);
    expect(phone.errors).toEqual([]);
  });
});
