// A ticket's state as its newest card shows it. The console API returns cards as messages, so the
// key, priority and level come from the card's header ("IT-1001 · P3 · L2") and the status and owner
// from its fields (labelled in English or Indonesian, as the core's catalog has them).
import { h } from './dom.js';

const KEY = /^[A-Za-z][A-Za-z0-9]*-\d+$/;
const STATUS_LABELS = ['status'];
const OWNER_LABELS = ['owner', 'petugas', 'assignee'];

/** The ticket a card message describes, or null for any other message. */
export function ticketOfCard(entry) {
  const blocks = Array.isArray(entry.message.blocks) ? entry.message.blocks : [];
  const header = blocks.find((b) => b.kind === 'header');
  const parts = header ? header.text.split(' · ').map((p) => p.trim()) : [];
  if (!parts[0] || !KEY.test(parts[0])) return null;
  const fields = blocks.filter((b) => b.kind === 'fields').flatMap((b) => b.fields);
  const field = (labels) =>
    fields.find((f) => labels.includes(String(f.label).trim().toLowerCase()));
  const owner = field(OWNER_LABELS);
  return {
    key: parts[0],
    priority: parts.find((p) => /^P\d$/.test(p)),
    level: parts.find((p) => /^L\d$/.test(p)),
    status: field(STATUS_LABELS)?.value?.text?.replace(/\s*·\s*L\d$/, ''),
    owner: owner?.value?.text,
    ownerLabel: owner?.label,
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

/** Fills `el` with the ticket's key, status, level, priority and owner; hides it without one. */
export function showTicket(el, ticket) {
  const signature = ticket ? JSON.stringify(ticket) : '';
  if (el.dataset.ticket === signature) return;
  el.dataset.ticket = signature;
  el.hidden = !ticket;
  if (!ticket) return el.replaceChildren();
  el.replaceChildren(
    h('span', { class: 'th-key' }, ticket.key),
    ticket.status ? h('span', { class: 'th-status' }, ticket.status) : null,
    h('span', { class: 'th-level' }, [ticket.level, ticket.priority].filter(Boolean).join(' · ')),
    ticket.owner
      ? h(
          'span',
          { class: 'th-owner' },
          h('span', { class: 'th-label' }, `${ticket.ownerLabel}:`),
          ticket.owner,
        )
      : null,
  );
}
