// A ticket's state as its newest card shows it. The console API returns cards as messages, so the
// key, priority and level come from the card's header ("IT-1001 · P3 · L2") and the status and owner
// from its fields (labelled in English or Indonesian, as the core's catalog has them).
import { h } from './dom.js';
import { everyLabel, tr } from './labels.js';

const KEY = /^[A-Za-z][A-Za-z0-9]*-\d+$/;
const STATUSES = ['open', 'claimed', 'waiting_on_requester', 'resolved', 'closed', 'cancelled'];

const lower = (labels) => labels.map((l) => l.trim().toLowerCase());

/** The status a card names in either language (status_* of the catalog), else the text itself. */
function statusOf(text) {
  if (text === undefined) return undefined;
  const found = STATUSES.find((s) => everyLabel(`status_${s}`).includes(text));
  return found ? { code: found } : { text };
}

/** The ticket a card message describes, or null for any other message. */
export function ticketOfCard(entry) {
  const blocks = Array.isArray(entry.message.blocks) ? entry.message.blocks : [];
  const header = blocks.find((b) => b.kind === 'header');
  const parts = header ? header.text.split(' · ').map((p) => p.trim()) : [];
  if (!parts[0] || !KEY.test(parts[0])) return null;
  const fields = blocks.filter((b) => b.kind === 'fields').flatMap((b) => b.fields);
  const field = (labels) =>
    fields.find((f) => labels.includes(String(f.label).trim().toLowerCase()));
  const owner = field(lower(everyLabel('card_owner')));
  return {
    key: parts[0],
    priority: parts.find((p) => /^P\d$/.test(p)),
    level: parts.find((p) => /^L\d$/.test(p)),
    status: statusOf(
      field(lower(everyLabel('card_status')))?.value?.text?.replace(/\s*·\s*L\d$/, ''),
    ),
    owner: owner?.value?.text,
    updatedAt: entry.updatedAt,
  };
}

/** Every ticket's newest state across the level channels' cards, by key. */
export function latestTickets(channels) {
  const tickets = new Map();
  for (const entry of channels.flat()) {
    const ticket = ticketOfCard(entry);
    const known = ticket && tickets.get(ticket.key);
    if (ticket && (!known || known.updatedAt < ticket.updatedAt)) tickets.set(ticket.key, ticket);
  }
  return tickets;
}

/** The ticket a DM talks about most recently: the last key of a known ticket in its messages. */
export function ticketOfDm(messages, tickets) {
  let found = null;
  for (const entry of messages) {
    for (const word of String(entry.message.text).match(/\b[A-Za-z][A-Za-z0-9]*-\d+\b/g) || []) {
      if (tickets.has(word)) found = tickets.get(word);
    }
  }
  return found;
}

/**
 * Fills `el` with the ticket's key, status, level, priority and owner, named in `locale` (the DM's
 * bar speaks the employee's language, a thread's the agents'); hides it without one.
 */
export function showTicket(el, ticket, locale) {
  const signature = ticket ? JSON.stringify([ticket, locale]) : '';
  if (el.dataset.ticket === signature) return;
  el.dataset.ticket = signature;
  el.hidden = !ticket;
  if (!ticket) return el.replaceChildren();
  const status = ticket.status?.code
    ? tr(locale, `status_${ticket.status.code}`)
    : ticket.status?.text;
  el.replaceChildren(
    h('span', { class: 'th-key' }, ticket.key),
    status ? h('span', { class: 'th-status' }, status) : null,
    h('span', { class: 'th-level' }, [ticket.level, ticket.priority].filter(Boolean).join(' · ')),
    ticket.owner
      ? h(
          'span',
          { class: 'th-owner' },
          h('span', { class: 'th-label' }, `${tr(locale, 'card_owner')}:`),
          ticket.owner,
        )
      : null,
  );
}
