import { withHoursNotice } from './hours-notice';
import { t } from '../i18n/translate';
import type { Inbound } from '../inbound';
import type { Locale } from '../locale';
import { displayName } from '../people';
import { truncate } from '../text/truncate';
import { ACTIVE_STATUSES, type Ticket } from '../ticket';
import { addRequesterText, type AddRequesterTextDeps } from './add-to-ticket';
import { startTicket, ticketIdFor } from './new-ticket';
import { openedHere, openOrJoin, type OpenOrJoinDeps } from './open-or-join';
import { say } from './render';
import type { Uses } from './runtime';
import { currentWorkKey } from './work-scope';

type TicketRequest = Extract<Inbound, { kind: 'ticket_request' }>;

/** The longest message text kept as a question (the link follows it). */
const MAX_TEXT = 3500;

/** What ticketFromMessage uses of the runtime, with what the helpers it calls use. */
export type TicketFromMessageDeps = Uses<
  'tickets' | 'kb' | 'clock' | 'postNewTicket' | 'tellRequester' | 'whisper',
  'defaultLocale' | 'sla' | 'timeZone'
> &
  OpenOrJoinDeps &
  AddRequesterTextDeps;

/** The one chain of tickets a message may lead to: the same message always names the same ticket. */
export function messageChain(e: TicketRequest): string {
  const { platform, channelId, messageId } = e.message;
  return `message:${platform}:${channelId}:${messageId}`;
}

/** The question of a ticket made from a message: what it says, then where it is. */
export function questionOfMessage(text: string | undefined, link: string | undefined): string {
  return [truncate((text ?? '').trim(), MAX_TEXT), link ?? ''].filter(Boolean).join('\n\n');
}

/** The current work item already changed this ticket: it is being redone, so it says it all again. */
function changedHere(ticket: Ticket): boolean {
  const key = currentWorkKey();
  return key !== undefined && (ticket.applied ?? []).some((s) => s.startsWith(`${key}:`));
}

/**
 * A ticket for a message's author, asked for by someone else (a reaction, a message action). The
 * message names its ticket (its id derives from the message), so a second request, two at once
 * (they share the author's lane) or a redelivery opens nothing new: the asker is told which ticket
 * it already is. When the author already has an active ticket, the message is added to it rather
 * than opening a second one: their DMs reach one active ticket (employee-flow), and a second would
 * take them over. Messages of bots and ones the channel could not read open nothing.
 */
export async function ticketFromMessage(rt: TicketFromMessageDeps, e: TicketRequest) {
  if (e.fromBot) return;
  const askerLocale = e.locale ?? rt.config.defaultLocale;
  const tellAsker = (text: string) => rt.whisper(e.user, { dm: e.replyTo }, say(text, askerLocale));
  const question = questionOfMessage(e.text, e.link);
  if (e.unreadable !== undefined || !question)
    return tellAsker(t(askerLocale, 'ticket_from_message_unreadable'));
  const author = displayName(e.author);
  const asker = displayName(e.user);

  const own = await rt.tickets.get(ticketIdFor(messageChain(e)));
  if (own && !openedHere(own)) {
    const status = t(askerLocale, `status_${own.status}`);
    return tellAsker(t(askerLocale, 'ticket_from_message_exists', { key: own.key, status }));
  }
  const active = own ? undefined : (await rt.tickets.listByRequester(e.author, ACTIVE_STATUSES))[0];
  if (active) {
    const held = active.transcript.some((x) => x.from === 'requester' && x.text === question);
    if (held && !changedHere(active)) {
      const status = t(askerLocale, `status_${active.status}`);
      return tellAsker(t(askerLocale, 'ticket_from_message_exists', { key: active.key, status }));
    }
    const after = await addRequesterText(rt, active, e.author, question, { once: true });
    const locale = after.locale;
    rt.tellRequester(
      after,
      say(t(locale, 'ticket_from_message_added', { asker, key: after.key }), locale),
    );
    return tellAsker(t(askerLocale, 'ticket_from_message_asker_added', { author, key: after.key }));
  }

  const locale = own?.locale ?? (await authorLocale(rt, e));
  const result = await openOrJoin(rt, messageChain(e), () =>
    startTicket({
      requester: e.author,
      requesterDm: e.authorDm,
      locale,
      question,
      attempts: [],
      category: 'other',
      priority: 'P3',
      impact: undefined,
      details: e.note?.trim() || undefined,
      origin: 'message',
      now: rt.clock.now(),
      sla: rt.config.sla,
    }),
  );
  if (!result) return;
  const { ticket } = result;
  rt.postNewTicket(ticket);
  const told = t(locale, 'ticket_from_message', {
    asker,
    key: ticket.key,
    priority: ticket.priority,
  });
  // Opened while the desk is closed: when people will see it, as for a ticket from the form.
  rt.tellRequester(ticket, withHoursNotice(told, ticket, rt.config, locale));
  tellAsker(t(askerLocale, 'ticket_from_message_asker_opened', { author, key: ticket.key }));
}

/** The author's language: their last ticket's, else what the message is written in. */
async function authorLocale(rt: TicketFromMessageDeps, e: TicketRequest): Promise<Locale> {
  const last = (await rt.tickets.listByRequester(e.author))[0];
  if (last) return last.locale;
  const text = e.text?.trim();
  return (text && (await rt.kb.search(text)).detectedLocale) || rt.config.defaultLocale;
}
