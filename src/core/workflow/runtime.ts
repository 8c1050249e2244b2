import { LapisError } from '../errors';
import type { Locale } from '../locale';
import { plain, type OutboundMessage } from '../messages';
import { t } from '../i18n/translate';
import type { ConversationRef, Platform, ThreadRef, UserRef } from '../people';
import type { AgentDirectory } from '../ports/agent-directory';
import type { ChatSurface } from '../ports/chat-surface';
import type { Clock } from '../ports/clock';
import type { KnowledgeBase, OffTopicArea } from '../ports/knowledge-base';
import type { KbDrafts } from '../ports/kb-drafts';
import type { L0Learning } from '../ports/l0-learning';
import type { L0Session, SessionStore } from '../ports/session-store';
import type { TicketStore } from '../ports/ticket-store';
import type { WorkQueue } from '../ports/work-queue';
import type { Effect } from '../effects';
import type { FilePolicy } from '../files';
import type { FileStore } from '../ports/file-store';
import type { QueuedWork } from '../pipeline/queued-work';
import type { Inbound } from '../inbound';
import type { SlaPolicy } from '../sla/sla-policy';
import type { Level, Ticket } from '../ticket';
import { LEVELS } from '../ticket';
import { pingBlock } from './render';
import { withNextTimer, type TimerSettings } from './ticket-timers';
import type { TransitionContext } from './ticket-transitions';
import { emit, nextStepKey } from './work-scope';

export interface HelpdeskConfig {
  /** Language of employees whose language is not known yet. */
  readonly defaultLocale: Locale;
  /** Language of the agents' channels (cards, thread notices, refusals to agents). */
  readonly agentLocale: Locale;
  /** Time zone for times shown in messages. */
  readonly timeZone: string;
  /** How long after resolution the requester may reopen. */
  readonly reopenWindowHours: number;
  /** Messages this close together (seconds) are one question. */
  readonly followUpSeconds: number;
  readonly sla: SlaPolicy;
  /** Reminders and auto-close of tickets waiting on the requester or resolved; none without it. */
  readonly timers?: TimerSettings;
  /** Where to point an off-topic question, by subject (e.g. the facilities desk's channel). */
  readonly offTopicContacts?: Readonly<Partial<Record<OffTopicArea, string>>>;
  /** Link to the full article, when the KB is published somewhere (KB_ARTICLE_URL). */
  readonly articleUrl?: (id: string, lang: Locale) => string;
  /** Which files are taken (MAX_FILE_MB, REFUSED_FILE_TYPES). */
  readonly files: FilePolicy;
}

export interface HelpdeskLogger {
  /** Routine chatter (the backlog of events waiting); optional, as loggers of tests often skip it. */
  debug?(data: object, msg: string): void;
  info(data: object, msg: string): void;
  warn(data: object, msg: string): void;
  error(data: object, msg: string): void;
}

export interface HelpdeskDeps {
  readonly tickets: TicketStore;
  readonly sessions: SessionStore;
  /** Inbound events and timer work, durable before the platform is answered. */
  readonly inbox: WorkQueue<QueuedWork>;
  /** Every outward effect, sent by key: a retried step never sends twice. */
  readonly outbox: WorkQueue<Effect>;
  /** Per platform: what a channel fills in before the core sees an event (names, mentions). */
  readonly prepare?: Readonly<Partial<Record<Platform, (event: Inbound) => Promise<Inbound>>>>;
  /** Identifies this process in work claims. */
  readonly instanceId?: string;
  readonly pipeline?: Partial<PipelineTuning>;
  readonly kb: KnowledgeBase;
  /** Where L0 outcomes and confirmed phrasings are recorded; without it nothing is learned. */
  readonly learning?: L0Learning;
  /** Where approved KB drafts are kept ("Draft KB article"); without it the button is refused. */
  readonly drafts?: KbDrafts;
  readonly surfaces: Readonly<Partial<Record<Platform, ChatSurface>>>;
  /** Where the files people send are kept before they are sent on (GridFS). */
  readonly files: FileStore;
  readonly agents: AgentDirectory;
  readonly clock: Clock;
  readonly config: HelpdeskConfig;
  readonly log?: HelpdeskLogger;
}

export interface PipelineTuning {
  /** Lanes worked at once by this process. */
  readonly concurrency: number;
  /** A claim runs out this long after its worker stops renewing it (the worker died). */
  readonly leaseMs: number;
  /** How often the queues are looked at for work of other instances and retries. */
  readonly pollMs: number;
  /** Above this many pending events, new ones are refused (503) until the backlog shrinks. */
  readonly maxBacklog: number;
  /** Budget for recording an event before the platform is answered. */
  readonly intakeTimeoutMs: number;
  /** Tries of an event or an effect before it is given up (with a visible trace). */
  readonly maxAttempts: number;
}

export const DEFAULT_PIPELINE: PipelineTuning = {
  concurrency: 8,
  leaseMs: 10_000,
  pollMs: 1000,
  maxBacklog: 2000,
  intakeTimeoutMs: 1500,
  maxAttempts: 8,
};

const silent: HelpdeskLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** The ports and settings the flows read, as the deps gave them. */
type Services = Pick<
  HelpdeskDeps,
  'tickets' | 'sessions' | 'files' | 'kb' | 'learning' | 'drafts' | 'agents' | 'clock' | 'config'
>;

/** What a change through `mutate` did: see there. */
export interface Mutation {
  readonly before: Ticket;
  readonly after: Ticket;
  /** False when the change returned the ticket unchanged. */
  readonly changed: boolean;
  /** The change was stored by an earlier run of this work item and is not applied again. */
  readonly replayed: boolean;
}

/** Shared plumbing of the flows: the ports, surfaces, race-free ticket changes, card refreshes. */
export interface Runtime extends Services {
  readonly log: HelpdeskLogger;
  /** The surface of a platform; refused (unavailable) when no channel of it is configured. */
  readonly surface: (platform: Platform) => ChatSurface;
  /** The context of a transition by `actor`, now. */
  readonly ctx: (actor: UserRef | 'system') => TransitionContext;
  /**
   * Applies `change` to the freshest ticket and stores it conditionally, retrying when another
   * instance or agent changed it in between, so every rule is judged on current state. Within a work
   * item the change is stored with its step key: when the item is redone (its worker died after this
   * write), the stored change is recognised (`replayed`) instead of being applied twice.
   */
  readonly mutate: (
    id: string,
    change: (ticket: Ticket) => Ticket,
    tries?: number,
  ) => Promise<Mutation>;
  /**
   * Saves an L0 session if it is still at `expected`. False when another message moved it on; when
   * nothing moved it (a dead writer's version claim still blocks it) the event is redone later.
   */
  readonly saveSession: (next: L0Session, expected: number) => Promise<boolean>;
  /** Brings the ticket's card up to date in every level channel it has one in (rendered when sent). */
  readonly refreshCards: (ticket: Ticket) => void;
  readonly tellRequester: (ticket: Ticket, message: OutboundMessage) => void;
  /** A reply in the ticket's thread at `level`: it waits for the card when that is still being posted. */
  readonly tellThread: (ticket: Ticket, level: Level, message: OutboundMessage) => void;
  /**
   * Puts the ticket before a level: its card is posted into the level's channel (the effect records
   * the thread once posted) and its other cards are brought up to date. Back at a level it has been
   * at (sent back, then escalated again), the card and thread there are reused, so replies in that
   * thread keep reaching the ticket, and the level is called in the thread.
   */
  readonly postToLevel: (ticket: Ticket, level: Level) => Ticket;
  /**
   * A ticket this step opened: its L1 card. Always the card effect (posted, or brought up to date
   * when a redone step finds it posted), so a redo queues exactly what the first run did.
   */
  readonly postNewTicket: (ticket: Ticket) => void;
  readonly sendDirect: (dm: ConversationRef, message: OutboundMessage) => void;
  /** A message only `user` sees, in a thread or their DM. */
  readonly whisper: (
    user: UserRef,
    where: { thread?: ThreadRef; dm?: ConversationRef },
    message: OutboundMessage,
  ) => void;
}

/**
 * What a flow takes of the runtime: the parts it names (`K`) and the settings it reads (`C`), so its
 * signature shows its dependencies and a test can pass just those.
 */
export type Uses<
  K extends Exclude<keyof Runtime, 'config'>,
  C extends keyof HelpdeskConfig = never,
> = Pick<Runtime, K> &
  ([C] extends [never] ? unknown : { readonly config: Pick<HelpdeskConfig, C> });

export function createRuntime(deps: HelpdeskDeps): Runtime {
  const log = deps.log ?? silent;
  const surface = (platform: Platform): ChatSurface => {
    const s = deps.surfaces[platform];
    if (!s) throw new LapisError('unavailable', `no ${platform} channel is configured`);
    return s;
  };
  const ctx = (actor: UserRef | 'system'): TransitionContext => ({
    actor,
    now: deps.clock.now(),
    sla: deps.config.sla,
  });

  async function mutate(
    id: string,
    change: (ticket: Ticket) => Ticket,
    tries = 8,
  ): Promise<Mutation> {
    const step = nextStepKey('m');
    for (let attempt = 0; attempt < tries; attempt++) {
      const before = await deps.tickets.get(id);
      if (!before) throw new LapisError('not_found', `ticket ${id} not found`);
      if (step && before.applied?.includes(step))
        return { before, after: before, changed: true, replayed: true };
      const changed = change(before);
      if (changed === before) return { before, after: before, changed: false, replayed: false };
      // Every change keeps the ticket's next timer, so the store finds due tickets by it.
      const next = withNextTimer(changed, deps.config.timers);
      const stamped = step
        ? { ...next, applied: [...(before.applied ?? []).slice(-29), step] }
        : next;
      const after = await deps.tickets.update(stamped, before.version);
      if (after) return { before, after, changed: true, replayed: false };
      // Someone else changed it first: wait a moment (jittered, growing) before trying again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt));
    }
    // Not lost: the work item is put back and redone later (see the work runner).
    throw new LapisError('contended', `ticket ${id} kept changing; trying again later`);
  }

  async function saveSession(next: L0Session, expected: number): Promise<boolean> {
    if (await deps.sessions.save(next, expected)) return true;
    const stored = await deps.sessions.get(next.user);
    if ((stored?.version ?? 0) === expected)
      throw new LapisError('contended', 'the conversation is being written; trying again later');
    return false;
  }

  function refreshCards(ticket: Ticket): void {
    for (const level of LEVELS)
      if (ticket.cards[`L${level}`]) emit({ kind: 'card', ticketId: ticket.id, level });
  }

  function tellRequester(ticket: Ticket, message: OutboundMessage): void {
    emit({ kind: 'direct', dm: ticket.requesterDm, message, ticketId: ticket.id });
  }

  function tellThread(ticket: Ticket, level: Level, message: OutboundMessage): void {
    if (ticket.threads[`L${level}`] || ticket.level === level)
      emit({ kind: 'thread', ticketId: ticket.id, level, message });
  }

  function postToLevel(ticket: Ticket, level: Level): Ticket {
    if (ticket.threads[`L${level}`] && ticket.cards[`L${level}`]) {
      refreshCards(ticket);
      const reason = ticket.escalations.at(-1)?.reason ?? '';
      const locale = deps.config.agentLocale;
      const text = t(locale, 'escalated_thread', { level, reason });
      tellThread(ticket, level, {
        text,
        locale,
        blocks: [{ kind: 'text', spans: [plain(text)] }, pingBlock(level, locale)],
      });
      return ticket;
    }
    emit({ kind: 'card', ticketId: ticket.id, level });
    refreshCards(ticket);
    return ticket;
  }

  function postNewTicket(ticket: Ticket): void {
    emit({ kind: 'card', ticketId: ticket.id, level: 1 });
  }

  function sendDirect(dm: ConversationRef, message: OutboundMessage): void {
    emit({ kind: 'direct', dm, message });
  }

  function whisper(
    user: UserRef,
    where: { thread?: ThreadRef; dm?: ConversationRef },
    message: OutboundMessage,
  ): void {
    emit({ kind: 'ephemeral', user, where, message });
  }

  return {
    tickets: deps.tickets,
    sessions: deps.sessions,
    files: deps.files,
    kb: deps.kb,
    learning: deps.learning,
    drafts: deps.drafts,
    agents: deps.agents,
    clock: deps.clock,
    config: deps.config,
    log,
    surface,
    ctx,
    mutate,
    saveSession,
    refreshCards,
    tellRequester,
    tellThread,
    postToLevel,
    postNewTicket,
    sendDirect,
    whisper,
  };
}
