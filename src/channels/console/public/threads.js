// A level channel: ticket cards, their thread replies, and a reply box per thread.
import { h, isInternalNote, syncList } from './dom.js';
import { updateFeed } from './feed-follow.js';
import { busy, renderMessage } from './render.js';
import { limitText, refusalText } from './text-limit.js';
import { showTicket, ticketOfCard } from './ticket-state.js';

/**
 * `app`: { acting() (the user you act as), ticket(key) (its newest state), post(path, body, report),
 * sendAction(action, form, report) }. Returns how many messages are new since the last render.
 */
export function renderLevel(pane, level, threads, app) {
  const feed = pane.querySelector('.level-feed');
  const fresh = updateFeed(feed, () =>
    syncList(feed, threads, {
      key: (t) => t.id,
      version: () => 'thread',
      build: (t) => buildThread(level, t, app),
      update: (shell, t) => updateThread(shell, t, app),
    }),
  );
  if (threads.length === 0) {
    feed.append(
      h(
        'div',
        { class: 'empty' },
        h('p', { class: 'empty-title' }, 'No tickets yet'),
        h('p', {}, `Tickets for L${level} appear here as cards; work them in their threads.`),
      ),
    );
  }
  return fresh;
}

function buildThread(level, root, app) {
  const input = h('textarea', {
    rows: 1,
    'aria-label': 'Reply in thread',
    placeholder: 'Reply in thread…',
  });
  const send = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Reply');
  const hint = h('p', { class: 'hint' });
  const limit = limitText(input);
  const form = h(
    'form',
    { class: 'reply-box' },
    h('div', { class: 'reply-row' }, input, send),
    limit.row,
    hint,
  );
  const showHint = () => {
    const note = isInternalNote(input.value);
    form.classList.toggle('is-note', note);
    send.textContent = note ? 'Add note' : 'Reply';
    // How to write a note is on the card (in the agents' language); the box only confirms one.
    hint.textContent = note
      ? 'Internal note: stays in this thread, never sent to the employee.'
      : '';
  };
  showHint();
  input.addEventListener('input', showHint);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || !limit.allows()) return;
    const body = { as: app.acting().id, channel: `level:${level}`, threadId: root.id, text };
    const refused = (error) => limit.refused(refusalText(error));
    void busy(send, () => app.post('/api/thread', body, refused)).then((ok) => {
      if (!ok) return;
      input.value = '';
      limit.reset();
      showHint();
    });
  });
  return h(
    'article',
    { class: 'thread', 'data-thread': root.id },
    h('div', { class: 'thread-head', hidden: true }),
    h('div', { class: 'card-slot' }),
    h('div', { class: 'replies-head' }),
    h('div', { class: 'replies' }),
    form,
  );
}

function updateThread(shell, root, app) {
  const acting = app.acting();
  const card = ticketOfCard(root);
  showTicket(shell.querySelector('.thread-head'), card && (app.ticket(card.key) ?? card));
  const agent = acting.role !== 'employee';
  const act = {
    enabled: agent,
    reason: 'Act as an agent to work tickets',
    send: app.sendAction,
  };
  syncList(shell.querySelector('.card-slot'), [root], {
    key: (m) => m.id,
    version: (m) => `${m.updatedAt}|${acting.id}`,
    build: (m) => renderMessage(m, { variant: 'card', mine: false, act }),
  });
  syncList(shell.querySelector('.replies'), root.replies, {
    key: (m) => m.id,
    version: (m) => `${m.updatedAt}|${acting.id}`,
    build: (m) => renderMessage(m, { variant: 'reply', mine: m.from?.id === acting.id, act }),
  });
  const count = root.replies.length;
  shell.querySelector('.replies-head').textContent = count
    ? `${count} repl${count === 1 ? 'y' : 'ies'}`
    : '';
  const box = shell.querySelector('.reply-box');
  for (const control of box.querySelectorAll('textarea, button')) control.disabled = !agent;
  box.title = agent ? '' : 'Act as an agent to reply in ticket threads';
}
