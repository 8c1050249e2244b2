// The core's ticket views, as panels: each level column's queue (its active tickets, oldest first)
// and the DM column's "my tickets" (the employee's own, newest first). Clicking an entry scrolls to
// that ticket's card in its level's column. The core orders the lists; the page only shows them.
import { api } from './api.js';
import { isNarrow, showColumn } from './columns.js';
import { h, syncList } from './dom.js';
import { agentLocale, tr } from './labels.js';

/** The id of ticket `key`'s thread in level `level`'s column (keys are words and digits). */
export function cardId(level, key) {
  return `card-l${level}-${key}`;
}

/** The panel in `pane` (made once, so whether it is open survives the poll), shown or hidden. */
function panelOf(pane, kind) {
  let panel = pane.querySelector('.queue-panel');
  if (!panel) {
    const list = h('ol', { class: 'queue-list' });
    panel = h(
      'details',
      { class: `queue-panel queue-${kind}`, 'data-queue': pane.dataset.pane },
      h('summary', { class: 'queue-summary' }, h('span', { class: 'queue-title' })),
      list,
    );
    // Open on a desktop, where there is room; folded on a phone, where the feed needs it.
    panel.open = !isNarrow();
    pane.querySelector('.pane-head').after(panel);
  }
  return panel;
}

/** Scrolls `pane`'s feed to the card of ticket `key`, if the column has one; true when it did. */
function scrollToCard(pane, key) {
  const thread = document.getElementById(cardId(pane.dataset.pane.slice('level:'.length), key));
  if (!thread) return false;
  if (isNarrow()) showColumn(pane.dataset.pane);
  thread.scrollIntoView({ block: 'start' });
  thread.classList.remove('is-target');
  void thread.offsetWidth; // restart the highlight
  thread.classList.add('is-target');
  setTimeout(() => thread.classList.remove('is-target'), 1600);
  return true;
}

/** One entry, its status and owner named as the core's catalog names them, in `locale`. */
function buildEntry(ticket, onPick, locale) {
  const owner = ticket.assignee ?? tr(locale, 'unassigned');
  return h(
    'li',
    { class: 'queue-item', 'data-ticket': ticket.key },
    // A link, not a button: it only moves the view (to the card, see threads.js), it works nothing.
    h(
      'a',
      {
        class: 'queue-pick',
        href: `#${cardId(ticket.level, ticket.key)}`,
        title: ticket.question,
        onclick: (event) => {
          event.preventDefault();
          onPick(ticket);
        },
      },
      h('span', { class: 'q-key' }, ticket.key),
      h(
        'span',
        { class: `q-priority q-${String(ticket.priority).toLowerCase()}` },
        ticket.priority,
      ),
      h('span', { class: 'q-status' }, tr(locale, `status_${ticket.status}`)),
      h('span', { class: ticket.assignee ? 'q-owner' : 'q-owner unassigned' }, owner),
    ),
  );
}

/** Fills `panel` with `title (N)` and one entry per ticket, in the order given, in `locale`. */
function fill(panel, title, tickets, onPick, locale) {
  panel.hidden = false;
  panel.querySelector('.queue-title').textContent = `${title} (${tickets.length})`;
  const list = panel.querySelector('.queue-list');
  syncList(list, tickets, {
    key: (t) => t.key,
    version: (t) => [t.priority, t.status, t.assignee, t.level, t.question, locale].join('|'),
    build: (t) => buildEntry(t, onPick, locale),
  });
  if (tickets.length === 0)
    list.append(h('li', { class: 'queue-empty' }, tr(locale, 'queue_empty')));
}

/** Reads the three queues and the DM owner's tickets; null for a view the server does not offer. */
export async function readViews(dmOwner) {
  const [queues, mine] = await Promise.all([
    Promise.all([1, 2, 3].map((n) => api(`/api/queue?level=${n}`))),
    api(`/api/my-tickets?as=${encodeURIComponent(dmOwner)}`),
  ]);
  return { queues: queues.map((q) => q.tickets), mine: mine.tickets };
}

/** Hides the DM column's panel until the next read: it is about someone else now. */
export function forgetMine() {
  const panel = document.querySelector('[data-pane="dm"] .queue-panel');
  if (panel) panel.hidden = true;
}

/**
 * Renders what readViews read: the queues in the agents' language, the DM column's panel headed
 * `mineTitle` ("My tickets") in the DM's, `dmLocale`.
 */
export function renderViews(views, mineTitle, dmLocale) {
  const locale = agentLocale();
  views.queues.forEach((tickets, i) => {
    const pane = document.querySelector(`[data-pane="level:${i + 1}"]`);
    const title = tr(locale, 'queue_title');
    fill(panelOf(pane, 'level'), title, tickets, (t) => scrollToCard(pane, t.key), locale);
  });
  const dm = document.querySelector('[data-pane="dm"]');
  const pick = (t) => {
    const pane = document.querySelector(`[data-pane="level:${t.level}"]`);
    if (pane) scrollToCard(pane, t.key);
  };
  fill(panelOf(dm, 'mine'), mineTitle, views.mine, pick, dmLocale);
}
