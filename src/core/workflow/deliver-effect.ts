import type { Effect } from '../effects';
import { isLapisError } from '../errors';
import type { OutboundMessage } from '../messages';
import type { MessageRef } from '../people';
import { t } from '../i18n/translate';
import type { WorkItem } from '../ports/work-queue';
import { GiveUp, RetryLater } from '../pipeline/work-runner';
import type { Level, Ticket } from '../ticket';
import { say } from './render';
import { ticketCard } from './ticket-card';
import type { Uses } from './runtime';
import { recordDeliveryFailure } from './ticket-transitions';
import { inWorkScope } from './work-scope';

/** How long a thread reply waits for its ticket's card before it is given up (with a trace). */
const THREAD_WAIT_MS = 60 * 60_000;

/**
 * When to look again for the card a thread reply (or file) waits for, having waited `waitedMs`: soon
 * at first (the card is usually being posted right then, and the wake-up sent once it is posted finds
 * this entry not yet due), then less often, up to every 2 s while the platform is down.
 */
export function cardWaitMs(waitedMs: number): number {
  return Math.round(Math.min(2000, Math.max(200, waitedMs / 4)));
}

/** What createEffectDelivery uses of the runtime. */
export type EffectDeliveryDeps = Uses<
  'tickets' | 'files' | 'surface' | 'mutate' | 'ctx' | 'tellRequester' | 'tellThread',
  'agentLocale' | 'timeZone'
>;

/**
 * Sends one outbox entry. Cards are rendered from the ticket as it is when sent (so a late update
 * never shows an old state); a card posted for the first time is recorded on the ticket, which is
 * what thread replies waiting for it look for.
 */
export function createEffectDelivery(
  rt: EffectDeliveryDeps,
  onCardPosted: (ticketId: string, level: Level) => void,
) {
  const agentLocale = rt.config.agentLocale;

  async function ticketOf(id: string): Promise<Ticket> {
    const ticket = await rt.tickets.get(id);
    if (!ticket) throw new GiveUp(`ticket ${id} no longer exists`);
    return ticket;
  }

  async function deliverCard(item: WorkItem<Effect>, ticketId: string, level: Level) {
    const ticket = await ticketOf(ticketId);
    const message = ticketCard(ticket, level, agentLocale, rt.config.timeZone);
    const card = ticket.cards[`L${level}`];
    if (card) return rt.surface(card.platform).update(card, message);
    const posted = await rt.surface(ticket.requester.platform).postCard(level, message);
    // Recorded under this entry's key: redoing it after a crash does not record it twice.
    await inWorkScope(item.id, () =>
      rt.mutate(
        ticketId,
        (x) =>
          x.cards[`L${level}`]
            ? x
            : {
                ...x,
                threads: { ...x.threads, [`L${level}`]: posted.thread },
                cards: { ...x.cards, [`L${level}`]: posted.card },
              },
        30,
      ),
    );
    onCardPosted(ticketId, level);
  }

  /** The thread of the ticket's card at `level`; a card still being posted is waited for. */
  async function threadOf(item: WorkItem<Effect>, ticketId: string, level: Level) {
    const ticket = await ticketOf(ticketId);
    const thread = ticket.threads[`L${level}`];
    if (thread) return thread;
    if (Date.now() - item.receivedAt.getTime() > THREAD_WAIT_MS)
      throw new GiveUp(`the L${level} card of ${ticket.key} was never posted`);
    throw new RetryLater(
      `waiting for the L${level} card of ${ticket.key}`,
      cardWaitMs(Date.now() - item.receivedAt.getTime()),
      false,
    );
  }

  async function deliverThread(item: WorkItem<Effect & { kind: 'thread' }>) {
    const { ticketId, level, message } = item.payload;
    const thread = await threadOf(item, ticketId, level);
    await rt.surface(thread.platform).replyInThread(thread, message);
  }

  /** A kept file sent from its copy in the store; one the store no longer has is given up. */
  async function deliverFile(item: WorkItem<Effect & { kind: 'file' }>) {
    const { fileId, to, caption } = item.payload;
    const file = await rt.files.get(fileId);
    const bytes = file && (await rt.files.read(fileId));
    if (!file || !bytes) throw new GiveUp(`file ${fileId} is no longer kept`);
    if ('dm' in to)
      return void (await rt.surface(to.dm.platform).sendFile({ dm: to.dm }, file, bytes, caption));
    const thread = await threadOf(item, to.ticketId, to.level);
    await rt.surface(thread.platform).sendFile({ thread }, file, bytes, caption);
  }

  /**
   * A used button's message updated in place. One the platform no longer has (or never had: a
   * forged reference) is given up at once; the press was answered in the conversation anyway.
   */
  async function retireMessage(ref: MessageRef, message: OutboundMessage): Promise<void> {
    try {
      await rt.surface(ref.platform).update(ref, message);
    } catch (error) {
      if (isLapisError(error, 'not_found') || isLapisError(error, 'invalid_input'))
        throw new GiveUp(error.message);
      throw error;
    }
  }

  async function deliver(item: WorkItem<Effect>): Promise<void> {
    const effect = item.payload;
    switch (effect.kind) {
      case 'direct':
        return void (await rt.surface(effect.dm.platform).sendDirect(effect.dm, effect.message));
      case 'ephemeral':
        return rt
          .surface(effect.user.platform)
          .sendEphemeral(effect.user, effect.where, effect.message);
      case 'card':
        return deliverCard(item, effect.ticketId, effect.level);
      case 'thread':
        return deliverThread({ ...item, payload: effect });
      case 'retire':
        return retireMessage(effect.ref, effect.message);
      case 'channel_post':
        return void (await rt
          .surface(effect.platform)
          .postToChannel(effect.channelId, effect.message));
      case 'file':
        return deliverFile({ ...item, payload: effect });
    }
  }

  /**
   * An entry given up: the ticket's audit says so and the other side is told (the agents when the
   * requester could not be reached, the requester when the agents' channel could not). Notices about
   * notices are not sent, so a platform that is gone for good does not make an endless chain.
   */
  async function undeliverable(item: WorkItem<Effect>, reason: string): Promise<Effect[]> {
    const effect = item.payload;
    const ticketId =
      effect.kind === 'card' || effect.kind === 'thread' || effect.kind === 'direct'
        ? effect.ticketId
        : effect.kind === 'file'
          ? (effect.ticketId ?? ('ticketId' in effect.to ? effect.to.ticketId : undefined))
          : undefined;
    // What was meant for the requester (a DM, a file to their DM) tells the agents, and the reverse.
    const forRequester = effect.kind === 'direct' || (effect.kind === 'file' && 'dm' in effect.to);
    if (!ticketId || item.id.includes(':undeliverable')) return [];
    const { effects } = await inWorkScope(`${item.id}:undeliverable`, async () => {
      const { after } = await rt.mutate(ticketId, (x) =>
        recordDeliveryFailure(x, rt.ctx('system'), effect.kind, reason),
      );
      if (forRequester)
        rt.tellThread(
          after,
          after.level,
          say(t(agentLocale, 'requester_unreachable', { key: after.key }), agentLocale),
        );
      else
        rt.tellRequester(
          after,
          say(t(after.locale, 'agents_unreachable', { key: after.key }), after.locale),
        );
    });
    return effects;
  }

  return { deliver, undeliverable };
}
