import { createWeeklyDigest, digestTargets } from '../../../src/app/weekly-digest';
import { latestWeeklyTime, weekBefore } from '../../../src/app/weekly-time';
import { loadConfig } from '../../../src/config/config';
import type { Effect } from '../../../src/core/effects';
import type { QueuedWork } from '../../../src/core/pipeline/queued-work';
import type { ReportQuery } from '../../../src/report/report-types';
import { createMemorySessionStore } from '../../support/fakes/memory-session-store';
import { createMemoryTicketStore } from '../../support/fakes/memory-ticket-store';
import { createMemoryWorkQueue } from '../../support/fakes/memory-work-queue';
import { createHarness } from '../../support/helpdesk-harness';
import { sampleReport } from '../../support/report-fixture';

const MONDAY_9 = { day: 1, minutes: 9 * 60 };
const at = (iso: string) => new Date(iso);

describe('the weekly time of the digest', () => {
  it('is the latest Monday 09:00 in Jakarta (UTC+7, no daylight saving) at or before now', () => {
    const tz = 'Asia/Jakarta';
    // Monday 7 Dec 2026, 08:59 there: last week's Monday.
    expect(latestWeeklyTime(MONDAY_9, at('2026-12-07T01:59:00Z'), tz)).toEqual(
      at('2026-11-30T02:00:00Z'),
    );
    expect(latestWeeklyTime(MONDAY_9, at('2026-12-07T02:00:00Z'), tz)).toEqual(
      at('2026-12-07T02:00:00Z'),
    );
    // Sunday 13 Dec, 23:30 there (16:30 UTC): still Monday the 7th.
    expect(latestWeeklyTime(MONDAY_9, at('2026-12-13T16:30:00Z'), tz)).toEqual(
      at('2026-12-07T02:00:00Z'),
    );
    // Friday 17:00 there, asked on Saturday: that Friday; across the new year too.
    expect(latestWeeklyTime({ day: 5, minutes: 17 * 60 }, at('2027-01-02T03:00:00Z'), tz)).toEqual(
      at('2027-01-01T10:00:00Z'),
    );
  });

  it('keeps the wall-clock time where the clocks change (Berlin, end of March)', () => {
    const tz = 'Europe/Berlin';
    // Summer time began on Sunday 28 March 2027: Monday 09:00 is 07:00 UTC, a week before 08:00.
    expect(latestWeeklyTime(MONDAY_9, at('2027-03-29T12:00:00Z'), tz)).toEqual(
      at('2027-03-29T07:00:00Z'),
    );
    expect(latestWeeklyTime(MONDAY_9, at('2027-03-29T06:59:00Z'), tz)).toEqual(
      at('2027-03-22T08:00:00Z'),
    );
  });

  it("sums up the seven whole days before the digest's day, midnight to midnight there", () => {
    expect(weekBefore(at('2026-12-07T02:00:00Z'), 'Asia/Jakarta')).toEqual({
      from: at('2026-11-29T17:00:00Z'),
      to: at('2026-12-06T17:00:00Z'),
      day: '2026-12-07',
    });
  });
});

describe('the lead channels a digest goes to', () => {
  it("are the configured platforms' lead channels; the console has its own", () => {
    const both = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_L1_CHANNEL_ID: 'C0123456789',
      SLACK_LEAD_CHANNEL_ID: 'C0LEAD00001',
      TEAMS_EMULATOR: 'true',
      TEAMS_LEAD_CHANNEL_ID: '19:lead@thread.tacv2',
    });
    expect(digestTargets(both)).toEqual([
      { platform: 'slack', channelId: 'C0LEAD00001' },
      { platform: 'teams', channelId: '19:lead@thread.tacv2' },
    ]);
    expect(digestTargets(loadConfig({}))).toEqual([{ platform: 'console', channelId: 'lead' }]);
    expect(
      digestTargets(
        loadConfig({
          SLACK_BOT_TOKEN: 'xoxb-1',
          SLACK_SIGNING_SECRET: 'secret',
          SLACK_L1_CHANNEL_ID: 'C0123456789',
        }),
      ),
    ).toEqual([]);
  });
});

/**
 * Instances of the bot over one database (shared in-memory stores and queues), each with its
 * digest job, and one clock the test moves.
 */
function desk(instances = 1) {
  const stores = {
    tickets: createMemoryTicketStore(),
    sessions: createMemorySessionStore(),
    inbox: createMemoryWorkQueue<QueuedWork>('inbox'),
    outbox: createMemoryWorkQueue<Effect>('outbox'),
  };
  let now = at('2026-12-06T10:00:00Z'); // Sunday 17:00 in Jakarta
  const reads: ReportQuery[] = [];
  const bots = Array.from({ length: instances }, () => {
    const harness = createHarness({ stores });
    const digest = createWeeklyDigest({
      schedule: MONDAY_9,
      timeZone: 'Asia/Jakarta',
      locale: 'en',
      targets: [{ platform: 'console', channelId: 'lead' }],
      loadReport: async (query) => {
        reads.push(query);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return sampleReport({
          period: { from: query.from.toISOString(), to: query.to.toISOString() },
        });
      },
      helpdesk: harness.helpdesk,
      now: () => now,
    });
    return { harness, digest };
  });
  const posts = () =>
    bots.flatMap((bot) => bot.harness.sent.filter((s) => s.kind === 'channel' && s.to === 'lead'));
  return {
    bots,
    reads,
    posts,
    setNow: (iso: string) => {
      now = at(iso);
    },
    /** Every instance runs its job (at once), then the queues are worked. */
    async runAll() {
      const queued = await Promise.all(bots.map((bot) => bot.digest.run()));
      for (const bot of bots) await bot.harness.helpdesk.idle();
      return queued.flat();
    },
  };
}

describe('the weekly digest job', () => {
  it("posts nothing before its time, then last week's digest once, however often it runs", async () => {
    const d = desk();
    expect(await d.runAll()).toEqual([]);
    expect(d.posts()).toEqual([]);
    d.setNow('2026-12-07T02:00:30Z'); // Monday 09:00:30 in Jakarta
    expect(await d.runAll()).toEqual(['digest:2026-12-07:console:lead']);
    d.setNow('2026-12-07T02:01:30Z');
    expect(await d.runAll()).toEqual([]);
    expect(d.posts()).toHaveLength(1);
    expect(d.posts()[0]!.message.text).toBe('Weekly IT help desk digest: 30 Nov – 6 Dec 2026');
    // The report was read once, for the week before.
    expect(d.reads).toEqual([{ from: at('2026-11-29T17:00:00Z'), to: at('2026-12-06T17:00:00Z') }]);
  });

  it('posts a digest missed while the bot was down once, when it is back', async () => {
    const d = desk();
    await d.runAll(); // Sunday: nothing yet; then down until Wednesday.
    d.setNow('2026-12-09T04:00:00Z');
    await d.runAll();
    d.setNow('2026-12-09T04:01:00Z');
    await d.runAll();
    expect(d.posts()).toHaveLength(1);
    expect(d.reads).toHaveLength(1);
    // The next Monday brings the next week's, once.
    d.setNow('2026-12-14T02:00:00Z');
    await d.runAll();
    await d.runAll();
    expect(d.posts().map((p) => p.message.text)).toEqual([
      'Weekly IT help desk digest: 30 Nov – 6 Dec 2026',
      'Weekly IT help desk digest: 7 – 13 Dec 2026',
    ]);
  });

  it('leaves out a digest more than six days late: the next one is near', async () => {
    const d = desk();
    d.setNow('2026-12-14T01:00:00Z'); // Monday 08:00: last Monday's time is 6 days 23 hours ago.
    expect(await d.runAll()).toEqual([]);
    expect(d.posts()).toEqual([]);
  });

  it('has the digest an instance queued and could not send posted by another', async () => {
    const d = desk(2);
    const [first, second] = d.bots;
    // The first instance queues it, then stops (dies) before its outbox sends anything.
    await first!.harness.helpdesk.stop(0);
    d.setNow('2026-12-07T02:00:10Z');
    expect(await first!.digest.run()).toEqual(['digest:2026-12-07:console:lead']);
    await second!.harness.helpdesk.idle();
    expect(d.posts()).toHaveLength(1);
    expect(second!.harness.sent.filter((s) => s.kind === 'channel')).toHaveLength(1);
    // Its job finds the week's digest queued: nothing more, and no report read for it.
    expect(await second!.digest.run()).toEqual([]);
    expect(d.reads).toHaveLength(1);
  });

  it('posts once when two instances run the job at the same moment', async () => {
    const d = desk(2);
    d.setNow('2026-12-07T02:00:10Z');
    const queued = await d.runAll();
    expect(queued).toEqual(['digest:2026-12-07:console:lead']);
    await d.runAll();
    expect(d.posts()).toHaveLength(1);
  });
});
