import type { Locale } from '../../src/core/locale';
import path from 'node:path';
import { createBusinessCalendar } from '../../src/core/sla/business-calendar';
import { createSlaPolicy } from '../../src/core/sla/sla-policy';
import { createMemoryWorkQueue } from './fakes/memory-work-queue';
import type { WorkQueue } from '../../src/core/ports/work-queue';
import type { QueuedWork } from '../../src/core/pipeline/queued-work';
import type { Effect } from '../../src/core/effects';
import { createMemorySessionStore } from './fakes/memory-session-store';
import { createMemoryTicketStore } from './fakes/memory-ticket-store';
import { createMemoryFileStore } from './fakes/memory-file-store';
import type { FilePolicy, IncomingFile } from '../../src/core/files';
import type { FileStore } from '../../src/core/ports/file-store';
import type { Inbound } from '../../src/core/inbound';
import type { Action, ActionId, OutboundMessage } from '../../src/core/messages';
import type { MessageRef, UserRef } from '../../src/core/people';
import type { Level, Priority } from '../../src/core/ticket';
import type { TimerSettings } from '../../src/core/workflow/ticket-timers';
import { createHelpdesk, type HelpdeskLogger } from '../../src/core/workflow/create-helpdesk';
import type { TicketStore } from '../../src/core/ports/ticket-store';
import type { SessionStore } from '../../src/core/ports/session-store';
import { loadKnowledgeBase } from '../../src/kb/load-kb';
import { createKnowledgeBase } from '../../src/kb/search/create-knowledge-base';
import { createRecordingSurface } from './recording-surface';
import { createMemoryL0Learning, type MemoryL0Learning } from './fakes/memory-l0-learning';
import type { L0Learning } from '../../src/core/ports/l0-learning';
import { createMemoryKbDrafts } from './fakes/memory-kb-drafts';
import type { KbDrafts } from '../../src/core/ports/kb-drafts';
import type { KnowledgeBase, OffTopicArea } from '../../src/core/ports/knowledge-base';

export const people = {
  budi: { platform: 'console', id: 'budi', name: 'Budi' },
  sari: { platform: 'console', id: 'sari', name: 'Sari' },
  ayu: { platform: 'console', id: 'ayu', name: 'Ayu' },
  rudi: { platform: 'console', id: 'rudi', name: 'Rudi' },
  dewi: { platform: 'console', id: 'dewi', name: 'Dewi' },
  hendra: { platform: 'console', id: 'hendra', name: 'Hendra' },
} as const satisfies Record<string, UserRef>;

const agentsByLevel: Record<Level, string[]> = { 1: ['ayu', 'rudi'], 2: ['dewi'], 3: ['hendra'] };
const kb = createKnowledgeBase(loadKnowledgeBase(path.join(__dirname, '../fixtures/kb-mini')));

/** The core wired to in-memory ports, a recording surface and a clock the test moves. */
export function createHarness(
  options: {
    stores?: {
      tickets: TicketStore;
      sessions: SessionStore;
      inbox: WorkQueue<QueuedWork>;
      outbox: WorkQueue<Effect>;
    };
    autoEscalate?: boolean;
    /** The agents' language (AGENT_LOCALE); English by default, as the employees'. */
    agentLocale?: Locale;
    /** The language of employees not known yet (DEFAULT_LOCALE); English by default. */
    defaultLocale?: Locale;
    /** The knowledge base; kb-mini searched for real by default. */
    kb?: KnowledgeBase;
    offTopicContacts?: Partial<Record<OffTopicArea, string>>;
    /** Where outcomes and phrasings go; in memory by default. */
    learning?: L0Learning & Pick<MemoryL0Learning, 'outcomes'>;
    /** The core's logger; silent by default. */
    log?: HelpdeskLogger;
    /** Where approved KB drafts go; in memory by default. */
    drafts?: KbDrafts;
    /** Where files are kept; in memory by default. */
    files?: FileStore & { readonly puts: () => number };
    /** Which files are taken; 1 MB and executables refused by default. */
    filePolicy?: FilePolicy;
    /** Reminders and auto-close in the desk's business hours (hours; 0 off); none by default. */
    timers?: Omit<TimerSettings, 'calendar'>;
    /** When the test starts; Monday 09:00 in Jakarta by default. */
    start?: Date;
    /** The desk's holidays (local dates, YYYY-MM-DD); none by default. */
    holidays?: readonly string[];
    /** Priorities served around the clock (SLA_AROUND_THE_CLOCK); P1 by default. */
    aroundTheClock?: readonly Priority[];
  } = {},
) {
  let now = options.start ?? new Date('2026-11-30T02:00:00Z'); // Monday 09:00 in Jakarta
  const { surface, sent, failNextDirect, failNextCard, holdFile, fetched } =
    createRecordingSurface();
  const stores = options.stores ?? {
    tickets: createMemoryTicketStore(),
    sessions: createMemorySessionStore(),
    inbox: createMemoryWorkQueue<QueuedWork>('inbox'),
    outbox: createMemoryWorkQueue<Effect>('outbox'),
  };
  const businessHours = createBusinessCalendar({
    timeZone: 'Asia/Jakarta',
    days: [1, 2, 3, 4, 5],
    open: 8 * 60,
    close: 17 * 60,
    holidays: options.holidays ?? [],
  });
  const sla = createSlaPolicy({
    businessHours,
    autoEscalate: options.autoEscalate ?? false,
    ...(options.aroundTheClock ? { aroundTheClock: options.aroundTheClock } : {}),
  });
  const learning = options.learning ?? createMemoryL0Learning();
  const drafts = options.drafts ?? createMemoryKbDrafts();
  const files = options.files ?? createMemoryFileStore();
  const helpdesk = createHelpdesk({
    ...stores,
    kb: options.kb ?? kb,
    learning,
    drafts,
    surfaces: { console: surface },
    files,
    agents: { isAgent: (user, level) => Promise.resolve(agentsByLevel[level].includes(user.id)) },
    clock: { now: () => now },
    ...(options.log ? { log: options.log } : {}),
    pipeline: { pollMs: 20, maxAttempts: 3 },
    config: {
      defaultLocale: options.defaultLocale ?? 'en',
      agentLocale: options.agentLocale ?? 'en',
      timeZone: 'Asia/Jakarta',
      reopenWindowHours: 72,
      followUpSeconds: 30,
      files: options.filePolicy ?? { maxBytes: 1024 * 1024, refusedExtensions: ['exe', 'bat'] },
      ...(options.offTopicContacts ? { offTopicContacts: options.offTopicContacts } : {}),
      ...(options.timers ? { timers: { ...options.timers, calendar: businessHours } } : {}),
      sla,
    },
  });
  helpdesk.start();
  let delivery = 0;
  const nextId = () => `d${++delivery}`;

  const dm = (user: UserRef, text: string, deliveryId = nextId(), files?: IncomingFile[]) =>
    helpdesk.handle({
      kind: 'direct_message',
      deliveryId,
      user,
      dm: { platform: 'console', id: `dm:${user.id}` },
      text,
      ...(files ? { files } : {}),
    });
  const reply = (
    user: UserRef,
    threadId: string,
    channelId: string,
    text: string,
    deliveryId = nextId(),
    files?: IncomingFile[],
  ) =>
    helpdesk.handle({
      kind: 'thread_message',
      deliveryId,
      user,
      thread: { platform: 'console', channelId, threadId },
      text,
      ...(files ? { files } : {}),
    });
  /** The message a button was sent in (the very object found by `button`), as a channel names it. */
  const messageOf = (action: Action): MessageRef | undefined => {
    const entry = sent.find((s) =>
      s.message.blocks.some((b) => b.kind === 'actions' && b.actions.includes(action)),
    );
    if (entry?.kind === 'update' && entry.channel)
      return { platform: 'console', channelId: entry.channel, messageId: entry.to };
    return entry?.ref
      ? { platform: 'console', channelId: entry.to, messageId: entry.ref }
      : undefined;
  };
  const press = (
    user: UserRef,
    action: Action,
    form?: Record<string, string>,
    deliveryId = nextId(),
  ) => {
    const message = messageOf(action);
    return helpdesk.handle({
      kind: 'action',
      deliveryId,
      user,
      action: action.id,
      payload: action.payload,
      ...(form ? { form } : {}),
      dm: { platform: 'console', id: `dm:${user.id}` },
      ...(message ? { message } : {}),
    } satisfies Inbound);
  };

  /** The last button with this id in what was sent (optionally only to one destination). */
  function button(id: ActionId, to?: string): Action {
    for (let i = sent.length - 1; i >= 0; i--) {
      const entry = sent[i];
      if (!entry || (to && !entry.to.startsWith(to))) continue;
      for (const block of entry.message.blocks) {
        if (block.kind !== 'actions') continue;
        const found = block.actions.find((a) => a.id === id);
        if (found) return found;
      }
    }
    throw new Error(`no ${id} button sent${to ? ` to ${to}` : ''}`);
  }
  const last = (kind: string, to?: string): OutboundMessage | undefined =>
    [...sent].reverse().find((s) => s.kind === kind && (!to || s.to.startsWith(to)))?.message;

  /** The card (or DM) with this message id as last shown: its post, or its latest update. */
  const latestCard = (messageId: string): OutboundMessage | undefined =>
    [...sent]
      .reverse()
      .find(
        (s) =>
          (s.kind === 'update' && s.to === messageId) ||
          ((s.kind === 'card' || s.kind === 'direct') && s.ref === messageId),
      )?.message;
  /** The message a button was sent in, as it reads now (updated in place once used). */
  const shownNow = (action: Action): OutboundMessage | undefined => {
    const ref = messageOf(action);
    return ref && latestCard(ref.messageId);
  };

  return {
    helpdesk,
    latestCard,
    shownNow,
    /** Queues the SLA checks that are due and waits until they (and what they send) are done. */
    sweep: async () => {
      const queued = await helpdesk.sweepSla();
      await helpdesk.idle();
      return queued;
    },
    sent,
    failNextDirect,
    failNextCard,
    stores,
    learning,
    drafts,
    files,
    holdFile,
    fetched,
    dm,
    reply,
    press,
    button,
    last,
    advance: (minutes: number) => {
      now = new Date(now.getTime() + minutes * 60_000);
    },
    now: () => now,
  };
}
