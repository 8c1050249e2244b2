import type { Db } from 'mongodb';
import type { Config } from './config';
import type { Helpdesk } from './core/inbound';
import type { Platform } from './core/people';
import type { AgentDirectory } from './core/ports/agent-directory';
import type { ChatSurface } from './core/ports/chat-surface';
import { systemClock, type Clock } from './core/ports/clock';
import type { KnowledgeBase, OffTopicArea } from './core/ports/knowledge-base';
import { createBusinessCalendar } from './core/sla/business-calendar';
import { createSlaPolicy } from './core/sla/sla-policy';
import type { Level } from './core/ticket';
import {
  createHelpdesk,
  type HelpdeskDeps,
  type HelpdeskLogger,
} from './core/workflow/create-helpdesk';
import { createMongoWorkQueue } from './store/mongo-work-queue';
import type { Inbound } from './core/inbound';
import { createMongoKbDrafts } from './store/mongo-kb-drafts';
import { createMongoL0Learning } from './store/mongo-l0-learning';
import { createMongoSessionStore } from './store/mongo-session-store';
import { createMongoTicketStore } from './store/mongo-ticket-store';
import type { HelpdeskMeter } from './metrics/helpdesk-meter';
import { logTicketChanges } from './metrics/logged-tickets';
import { meterHelpdeskDeps } from './metrics/meter-helpdesk-deps';

/** Agents by platform: each channel knows its own people (the console its cast, Slack/Teams the configured ids). */
export function agentDirectoryFor(
  config: Pick<Config, 'L1_AGENT_IDS' | 'L2_AGENT_IDS' | 'L3_AGENT_IDS'>,
  byPlatform: Partial<Record<Platform, AgentDirectory>> = {},
): AgentDirectory {
  const configured: Record<Level, readonly string[]> = {
    1: config.L1_AGENT_IDS,
    2: config.L2_AGENT_IDS,
    3: config.L3_AGENT_IDS,
  };
  return {
    isAgent: (user, level) =>
      byPlatform[user.platform]?.isAgent(user, level) ??
      Promise.resolve(configured[level].includes(user.id)),
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
  surfaces: Partial<Record<Platform, ChatSurface>>;
  agents: AgentDirectory;
  log?: HelpdeskLogger;
  clock?: Clock;
  /** Per platform: what the channel fills in before the core sees an event. */
  prepare?: Partial<Record<Platform, (event: Inbound) => Promise<Inbound>>>;
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
    inbox: createMongoWorkQueue(options.db, 'inbox'),
    outbox: createMongoWorkQueue(options.db, 'outbox'),
    ...(options.prepare ? { prepare: options.prepare } : {}),
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
    surfaces: options.surfaces,
    agents: options.agents,
    clock: options.clock ?? systemClock,
    ...(options.log ? { log: options.log } : {}),
    config: {
      defaultLocale: config.DEFAULT_LOCALE,
      agentLocale: config.AGENT_LOCALE,
      timeZone: config.TIME_ZONE,
      reopenWindowHours: config.REOPEN_WINDOW_HOURS,
      followUpSeconds: config.FOLLOW_UP_SECONDS,
      offTopicContacts: offTopicContacts(config),
      ...(config.KB_ARTICLE_URL ? { articleUrl: articleUrlTemplate(config.KB_ARTICLE_URL) } : {}),
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
