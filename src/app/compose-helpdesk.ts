import type { Db } from 'mongodb';
import type { Config } from '../config/config';
import type { Helpdesk } from '../core/inbound';
import type { AgentDirectory } from '../core/ports/agent-directory';
import type { Channel } from '../core/ports/channel';
import { systemClock, type Clock } from '../core/ports/clock';
import type { KnowledgeBase, OffTopicArea } from '../core/ports/knowledge-base';
import { createBusinessCalendar } from '../core/sla/business-calendar';
import { createSlaPolicy } from '../core/sla/sla-policy';
import {
  createHelpdesk,
  type HelpdeskDeps,
  type HelpdeskLogger,
} from '../core/workflow/create-helpdesk';
import { createMongoWorkQueue } from '../store/mongo-work-queue';
import { createMongoKbDrafts } from '../store/mongo-kb-drafts';
import { createMongoL0Learning } from '../store/mongo-l0-learning';
import { createMongoSessionStore } from '../store/mongo-session-store';
import { createMongoTicketStore } from '../store/mongo-ticket-store';
import { createMongoFileStore } from '../store/mongo-file-store';
import { filePolicyOf } from '../config/files';
import type { HelpdeskMeter } from '../metrics/helpdesk-meter';
import { logTicketChanges } from '../metrics/logged-tickets';
import { meterHelpdeskDeps } from '../metrics/meter-helpdesk-deps';

/** The parts of a channel the core is wired with (tests may pass a bare surface and directory). */
export type ChannelParts = Pick<Channel, 'platform' | 'surface' | 'agents' | 'prepare'>;

/** Each platform's agents are its channel's to say; a platform without a channel has none. */
function agentsOf(channels: readonly ChannelParts[]): AgentDirectory {
  const byPlatform = new Map(channels.map((c) => [c.platform, c.agents]));
  return {
    isAgent: (user, level) =>
      byPlatform.get(user.platform)?.isAgent(user, level) ?? Promise.resolve(false),
  };
}

function articleUrlTemplate(template: string) {
  return (id: string, lang: string) =>
    template
      .replaceAll('{id}', encodeURIComponent(id))
      .replaceAll('{lang}', encodeURIComponent(lang));
}

function offTopicContacts(config: Config): Partial<Record<OffTopicArea, string>> {
  const contacts: Partial<Record<OffTopicArea, string>> = {};
  if (config.OFF_TOPIC_FACILITIES) contacts.facilities = config.OFF_TOPIC_FACILITIES;
  if (config.OFF_TOPIC_HR) contacts.hr = config.OFF_TOPIC_HR;
  if (config.OFF_TOPIC_GENERAL) contacts.general = config.OFF_TOPIC_GENERAL;
  return contacts;
}

/** The core wired to MongoDB, the knowledge base and the configured channels. */
export function composeHelpdesk(options: {
  config: Config;
  db: Db;
  kb: KnowledgeBase;
  channels: readonly ChannelParts[];
  log?: HelpdeskLogger;
  clock?: Clock;
  instanceId?: string;
  /** Where the ports report what they do (Prometheus metrics); decorators, the core is unchanged. */
  meter?: HelpdeskMeter;
}): Helpdesk {
  const { config } = options;
  const businessHours = createBusinessCalendar({
    timeZone: config.TIME_ZONE,
    holidays: config.HOLIDAYS,
    ...config.BUSINESS_HOURS,
  });
  const deps: HelpdeskDeps = {
    tickets: createMongoTicketStore(options.db, {
      onMalformed: (err) => options.log?.error({ err }, 'skipped a malformed ticket document'),
    }),
    sessions: createMongoSessionStore(options.db),
    files: createMongoFileStore(options.db),
    inbox: createMongoWorkQueue(options.db, 'inbox'),
    outbox: createMongoWorkQueue(options.db, 'outbox'),
    prepare: Object.fromEntries(
      options.channels.flatMap((c) => (c.prepare ? [[c.platform, c.prepare]] : [])),
    ),
    ...(options.instanceId ? { instanceId: options.instanceId } : {}),
    pipeline: {
      concurrency: config.WORKER_CONCURRENCY,
      maxBacklog: config.MAX_BACKLOG,
      intakeTimeoutMs: config.INTAKE_TIMEOUT_MS,
      leaseMs: config.LEASE_SECONDS * 1000,
    },
    kb: options.kb,
    learning: createMongoL0Learning(options.db),
    drafts: createMongoKbDrafts(options.db),
    surfaces: Object.fromEntries(options.channels.map((c) => [c.platform, c.surface])),
    agents: agentsOf(options.channels),
    clock: options.clock ?? systemClock,
    ...(options.log ? { log: options.log } : {}),
    config: {
      defaultLocale: config.DEFAULT_LOCALE,
      agentLocale: config.AGENT_LOCALE,
      timeZone: config.TIME_ZONE,
      reopenWindowHours: config.REOPEN_WINDOW_HOURS,
      followUpSeconds: config.FOLLOW_UP_SECONDS,
      files: filePolicyOf(config),
      offTopicContacts: offTopicContacts(config),
      ...(config.KB_ARTICLE_URL ? { articleUrl: articleUrlTemplate(config.KB_ARTICLE_URL) } : {}),
      timers: {
        waitingRemindHours: config.WAITING_REMIND_HOURS,
        waitingCloseHours: config.WAITING_CLOSE_HOURS,
        resolvedCloseHours: config.RESOLVED_CLOSE_HOURS,
        calendar: businessHours,
      },
      sla: createSlaPolicy({
        targets: config.SLA_TARGETS,
        businessHours,
        aroundTheClock: config.SLA_AROUND_THE_CLOCK,
        autoEscalate: config.SLA_AUTO_ESCALATE,
      }),
    },
  };
  const logged = options.log
    ? { ...deps, tickets: logTicketChanges(deps.tickets, options.log) }
    : deps;
  return createHelpdesk(meterHelpdeskDeps(logged, options.meter));
}
