import type { Config } from '../config/config';
import type { WeeklyTime } from '../config/lead';
import { LEAD_CONVERSATION } from '../channels/console/console-conversations';
import type { Helpdesk } from '../core/inbound';
import type { Locale } from '../core/locale';
import type { Platform } from '../core/people';
import { digestMessage } from '../report/digest-message';
import type { Report, ReportQuery } from '../report/report-types';
import type { PeriodicJob } from './schedule-jobs';
import { latestWeeklyTime, weekBefore } from './weekly-time';

/**
 * A digest is posted at most this long after its time (after downtime, or on a first start): later,
 * the next one is less than a day away. It also keeps within the outbox's 7 days of dedupe records,
 * which are what say a week's digest was queued.
 */
const LATE_LIMIT_MS = 6 * 24 * 3600_000;

/** How often an instance looks whether a digest is due (one instance a period: schedule-jobs.ts). */
export const DIGEST_CHECK_MS = 60_000;

/** Where a digest goes: the lead's channel on one platform. */
export interface DigestTarget {
  readonly platform: Platform;
  readonly channelId: string;
}

export interface WeeklyDigestDeps {
  readonly schedule: WeeklyTime;
  readonly timeZone: string;
  /** The agents' language (AGENT_LOCALE): the lead reads the desk's channels in it. */
  readonly locale: Locale;
  readonly targets: readonly DigestTarget[];
  readonly dashboardUrl?: string;
  /** The lead's report (app/report-loader.ts): the digest sums it up, computing nothing itself. */
  readonly loadReport: (query: ReportQuery) => Promise<Report>;
  readonly helpdesk: Pick<Helpdesk, 'queueEffects' | 'effectQueued'>;
  readonly now: () => Date;
}

/** The outbox id of a week's digest to one channel: the same on every instance and every retry. */
export function digestId(week: string, target: DigestTarget): string {
  return `digest:${week}:${target.platform}:${target.channelId}`;
}

/** The lead's channels of the configured platforms; the console always has one. */
export function digestTargets(config: Config): DigestTarget[] {
  const targets: DigestTarget[] = [];
  if (config.slackEnabled && config.SLACK_LEAD_CHANNEL_ID)
    targets.push({ platform: 'slack', channelId: config.SLACK_LEAD_CHANNEL_ID });
  if (config.teamsEnabled && config.TEAMS_LEAD_CHANNEL_ID)
    targets.push({ platform: 'teams', channelId: config.TEAMS_LEAD_CHANNEL_ID });
  if (config.consoleMode) targets.push({ platform: 'console', channelId: LEAD_CONVERSATION });
  return targets;
}

/**
 * The weekly digest, the SLA sweep's way: each run looks at the latest scheduled time; once it has
 * passed, the week before it gets one outbox entry per channel under a deterministic id, so however
 * many instances run it, and however often (a missed time after downtime included), each channel
 * gets one post a week, delivered (and retried) by the outbox like every other message. The report
 * is read only when some channel still lacks the week's digest.
 */
export function createWeeklyDigest(deps: WeeklyDigestDeps) {
  return {
    /** Queues the digest due now where it is not queued yet; resolves to the new outbox ids. */
    async run(): Promise<string[]> {
      const now = deps.now();
      const due = latestWeeklyTime(deps.schedule, now, deps.timeZone);
      if (now.getTime() - due.getTime() > LATE_LIMIT_MS) return [];
      const week = weekBefore(due, deps.timeZone);
      const waiting: DigestTarget[] = [];
      for (const target of deps.targets)
        if (!(await deps.helpdesk.effectQueued(digestId(week.day, target)))) waiting.push(target);
      if (waiting.length === 0) return [];
      const report = await deps.loadReport({ from: week.from, to: week.to });
      const message = digestMessage(report, {
        locale: deps.locale,
        timeZone: deps.timeZone,
        ...(deps.dashboardUrl ? { dashboardUrl: deps.dashboardUrl } : {}),
      });
      return deps.helpdesk.queueEffects(
        waiting.map((target) => ({
          id: digestId(week.day, target),
          effect: { kind: 'channel_post', ...target, message },
        })),
      );
    },
  };
}

/**
 * The dashboard a digest links: DASHBOARD_URL, or in the console's mode (open, on loopback) this
 * server's own; none where the dashboard is off (a platform without DASHBOARD_TOKEN).
 */
export function digestDashboardUrl(
  configured: string | undefined,
  mode: 'open' | 'token' | 'off',
  http: string,
): string | undefined {
  if (mode === 'off') return undefined;
  return configured ?? (mode === 'open' ? new URL('dashboard', http).toString() : undefined);
}

/** The periodic job of main.ts, or none when DIGEST_SCHEDULE is off or no lead channel is set. */
export function weeklyDigestJob(
  config: Config,
  deps: Pick<WeeklyDigestDeps, 'loadReport' | 'helpdesk'> & {
    readonly dashboardUrl: string | undefined;
    /** The clock (tests move it); the system's by default. */
    readonly now?: () => Date;
    readonly log: { info(data: object, msg: string): void };
  },
): PeriodicJob[] {
  const targets = digestTargets(config);
  if (!config.DIGEST_SCHEDULE || targets.length === 0) return [];
  const { dashboardUrl, now, ...rest } = deps;
  const digest = createWeeklyDigest({
    ...rest,
    ...(dashboardUrl ? { dashboardUrl } : {}),
    schedule: config.DIGEST_SCHEDULE,
    timeZone: config.TIME_ZONE,
    locale: config.AGENT_LOCALE,
    targets,
    now: now ?? (() => new Date()),
  });
  return [
    {
      name: 'weekly-digest',
      periodMs: DIGEST_CHECK_MS,
      run: async () => {
        const queued = await digest.run();
        if (queued.length) deps.log.info({ digest: queued }, 'weekly digest queued');
      },
    },
  ];
}
