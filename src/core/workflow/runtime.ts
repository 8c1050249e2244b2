import { LapisError } from '../errors';
import type { Locale } from '../locale';
import type { OutboundMessage } from '../messages';
import type { ConversationRef, Platform, ThreadRef, UserRef } from '../people';
import type { AgentDirectory } from '../ports/agent-directory';
import type { ChatSurface } from '../ports/chat-surface';
import type { Clock } from '../ports/clock';
import type { DeliveryLog } from '../ports/delivery-log';
import type { KnowledgeBase } from '../ports/knowledge-base';
import type { SessionStore } from '../ports/session-store';
import type { TicketStore } from '../ports/ticket-store';
import type { SlaPolicy } from '../sla/sla-policy';
import type { Level, Ticket } from '../ticket';
import { LEVELS } from '../ticket';
import { ticketCard } from './render';
import type { TransitionContext } from './ticket-transitions';

export interface HelpdeskConfig {
  /** Language of agent channels, and of employees whose language is unknown. */
  readonly defaultLocale: Locale;
  /** Time zone for times shown in messages. */
  readonly timeZone: string;
  /** How long after resolution the requester may reopen. */
  readonly reopenWindowHours: number;
  /** Messages this close together (seconds) are one question. */
  readonly followUpSeconds: number;
  readonly sla: SlaPolicy;
  /** Link to the full article, when the KB is published somewhere (KB_ARTICLE_URL). */
  readonly articleUrl?: (id: string, lang: Locale) => string;
}

export interface HelpdeskLogger {
  info(data: object, msg: string): void;
  warn(data: object, msg: string): void;
  error(data: object, msg: string): void;
}

export interface HelpdeskDeps {
  readonly tickets: TicketStore;
  readonly sessions: SessionStore;
  readonly deliveries: DeliveryLog;
  readonly kb: KnowledgeBase;
  readonly surfaces: Readonly<Partial<Record<Platform, ChatSurface>>>;
  readonly agents: AgentDirectory;
  readonly clock: Clock;
  readonly config: HelpdeskConfig;
  readonly log?: HelpdeskLogger;
}

const silent: HelpdeskLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** Shared plumbing of the flows: surfaces, race-free ticket changes, card refreshes. */
export function createRuntime(deps: HelpdeskDeps) {
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

  /**
   * Applies `change` to the freshest ticket and stores it conditionally, retrying when another
   * instance or agent changed it in between, so every rule is judged on current state. Returns the
   * ticket before and after; `changed` is false when `change` returned the ticket unchanged.
   */
  async function mutate(id: string, change: (ticket: Ticket) => Ticket) {
    for (let attempt = 0; attempt < 6; attempt++) {
      const before = await deps.tickets.get(id);
      if (!before) throw new LapisError('not_found', `ticket ${id} not found`);
      const next = change(before);
      if (next === before) return { before, after: before, changed: false };
      const after = await deps.tickets.update(next, before.version);
      if (after) return { before, after, changed: true };
      // Someone else changed it first: wait a moment (jittered, growing) before trying again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt));
    }
    throw new LapisError('conflict', `ticket ${id} kept changing; gave up after 6 tries`);
  }

  /** Re-renders the ticket's card in every level channel it has one in. */
  async function refreshCards(ticket: Ticket): Promise<void> {
    for (const level of LEVELS) {
      const card = ticket.cards[`L${level}`];
      if (!card) continue;
      await surface(card.platform)
        .update(card, ticketCard(ticket, level, deps.config.defaultLocale, deps.config.timeZone))
        .catch((error: unknown) =>
          log.warn({ err: error, key: ticket.key, level }, 'could not update ticket card'),
        );
    }
  }

  async function tellRequester(ticket: Ticket, message: OutboundMessage): Promise<void> {
    await surface(ticket.requesterDm.platform).sendDirect(ticket.requesterDm, message);
  }

  async function tellThread(ticket: Ticket, level: Level, message: OutboundMessage): Promise<void> {
    const thread = ticket.threads[`L${level}`];
    if (thread) await surface(thread.platform).replyInThread(thread, message);
  }

  async function whisper(
    user: UserRef,
    where: { thread?: ThreadRef; dm?: ConversationRef },
    message: OutboundMessage,
  ) {
    await surface(user.platform).sendEphemeral(user, where, message);
  }

  return { deps, log, surface, ctx, mutate, refreshCards, tellRequester, tellThread, whisper };
}

export type Runtime = ReturnType<typeof createRuntime>;
