import type { Helpdesk, Inbound } from '../../src/core/inbound';
import { fromUser, plain, type OutboundMessage } from '../../src/core/messages';
import type { ConversationRef, MessageRef, ThreadRef, UserRef } from '../../src/core/people';
import type { ChatSurface } from '../../src/core/ports/chat-surface';

interface FakeTicket {
  readonly key: string;
  readonly question: string;
  readonly dm: ConversationRef;
  readonly thread: ThreadRef;
  readonly card: MessageRef;
}

/** What a press of "That solved it" is told. */
export const STALE = 'That button is out of date. Ask me again and I will look it up afresh.';

const say = (text: string): OutboundMessage => ({
  text,
  blocks: [{ kind: 'text', spans: [plain(text)] }],
});

/**
 * A stand-in for the core, just enough to drive the console: a DM gets an "answer" with buttons, "need
 * help" (with a form) opens a ticket card in L1, agents' thread replies reach the DM (notes do not),
 * "claim" answers ephemerally, "escalate" posts a card to L2, and a DM saying "whisper" gets an ephemeral reply.
 * "That solved it" is always out of date: its presser is told so privately, as the core would.
 */
export function createFakeHelpdesk(
  surface: ChatSurface,
): Pick<Helpdesk, 'accept'> & { readonly events: Inbound[] } {
  const events: Inbound[] = [];
  const tickets = new Map<string, FakeTicket>();
  const questions = new Map<string, string>();
  const ticketOf = (payload: string) =>
    tickets.get((JSON.parse(payload) as { ticket: string }).ticket);

  async function directMessage(user: UserRef, dm: ConversationRef, text: string): Promise<void> {
    if (text === 'whisper') {
      await surface.sendEphemeral(user, { dm }, say('Psst: only you can read this.'));
      return;
    }
    questions.set(user.id, text);
    await surface.sendDirect(dm, {
      text: 'Here is what I found',
      blocks: [
        { kind: 'header', text: 'Fix a dropping VPN' },
        { kind: 'text', spans: [plain('Here is what I found for: '), fromUser(text)] },
        {
          kind: 'actions',
          actions: [
            {
              id: 'l0_solved',
              label: 'That solved it',
              style: 'primary',
              payload: '{"session":1}',
            },
            {
              id: 'l0_need_help',
              label: 'I still need help',
              payload: '{"session":1}',
              form: [
                {
                  name: 'category',
                  label: 'Category',
                  type: 'select',
                  required: true,
                  options: [
                    { value: 'network', label: 'Network' },
                    { value: 'hardware', label: 'Hardware' },
                  ],
                },
                { name: 'details', label: 'Details', type: 'textarea', required: true },
                { name: 'phone', label: 'Phone', type: 'text', required: false },
              ],
            },
          ],
        },
      ],
    });
  }

  function card(key: string, question: string, category: string, owner: string): OutboundMessage {
    const payload = JSON.stringify({ ticket: key });
    return {
      text: `${key}: ${question}`,
      blocks: [
        { kind: 'header', text: `${key} · P3 · L1` },
        { kind: 'text', spans: [plain('Question: '), fromUser(question)] },
        {
          kind: 'fields',
          fields: [
            { label: 'Category', value: plain(category) },
            { label: 'Owner', value: plain(owner) },
          ],
        },
        {
          kind: 'actions',
          actions: [
            { id: 'claim', label: 'Claim', style: 'primary', payload },
            {
              id: 'escalate',
              label: 'Escalate',
              payload,
              form: [{ name: 'reason', label: 'Reason', type: 'textarea', required: true }],
            },
          ],
        },
        {
          kind: 'context',
          spans: [plain('Reply in this thread. Start with // or note: for an internal note.')],
        },
      ],
    };
  }

  async function action(event: Extract<Inbound, { kind: 'action' }>): Promise<void> {
    if (event.action === 'l0_solved' && event.dm) {
      await surface.sendEphemeral(event.user, { dm: event.dm }, say(STALE));
    } else if (event.action === 'l0_need_help' && event.dm) {
      const key = `IT-${1001 + tickets.size}`;
      const question = questions.get(event.user.id) ?? '?';
      const category = event.form?.category ?? 'other';
      const { thread, card: cardRef } = await surface.postCard(
        1,
        card(key, question, category, 'unassigned'),
      );
      tickets.set(key, { key, question, dm: event.dm, thread, card: cardRef });
      await surface.sendDirect(event.dm, say(`Ticket ${key} opened: an agent will answer here.`));
    } else if (event.action === 'claim') {
      const ticket = ticketOf(event.payload);
      if (!ticket) return;
      await surface.update(
        ticket.card,
        card(ticket.key, ticket.question, 'network', event.user.name ?? event.user.id),
      );
      await surface.sendEphemeral(
        event.user,
        { thread: ticket.thread },
        say(`You claimed ${ticket.key}.`),
      );
    } else if (event.action === 'escalate') {
      const ticket = ticketOf(event.payload);
      if (!ticket) return;
      const reason = event.form?.reason ?? '';
      await surface.postCard(2, {
        text: `${ticket.key} escalated`,
        blocks: [
          { kind: 'header', text: `${ticket.key} · P3 · L2` },
          { kind: 'text', spans: [plain('Question: '), fromUser(ticket.question)] },
          { kind: 'text', spans: [plain('Escalated from L1: '), fromUser(reason)] },
          { kind: 'ping', level: 2, text: 'this ticket needs you' },
        ],
      });
      await surface.replyInThread(ticket.thread, say(`Escalated to L2: ${reason}`));
    }
  }

  async function threadMessage(event: Extract<Inbound, { kind: 'thread_message' }>): Promise<void> {
    const ticket = [...tickets.values()].find((t) => t.thread.threadId === event.thread.threadId);
    if (!ticket || /^\s*(\/\/|note:)/i.test(event.text)) return;
    await surface.sendDirect(ticket.dm, {
      text: event.text,
      blocks: [
        {
          kind: 'text',
          spans: [plain(`${event.user.name ?? event.user.id}: `), fromUser(event.text)],
        },
      ],
    });
  }

  return {
    events,
    async accept(event) {
      events.push(event);
      if (event.kind === 'direct_message') await directMessage(event.user, event.dm, event.text);
      else if (event.kind === 'action') await action(event);
      else if (event.kind === 'thread_message') await threadMessage(event);
      return 'accepted';
    },
  };
}
