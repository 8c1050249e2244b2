// A level channel: ticket cards, their thread replies, and a reply box per thread.
import { h, isInternalNote, keepScrolled, syncList } from './dom.js';
import { busy, renderMessage } from './render.js';

/** `app`: { acting() (the user you act as), post(path, body), sendAction(action, form) }. */
export function renderLevel(pane, level, threads, app) {
  const feed = pane.querySelector('.level-feed');
  keepScrolled(feed, () =>
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
}

function buildThread(level, root, app) {
  const input = h('textarea', {
    rows: 1,
    maxlength: 4000,
    'aria-label': 'Reply in thread',
    placeholder: 'Reply in thread…',
  });
  const send = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Reply');
  const hint = h('p', { class: 'hint' });
  const form = h(
    'form',
    { class: 'reply-box' },
    h('div', { class: 'reply-row' }, input, send),
    hint,
  );
  const showHint = () => {
    const note = isInternalNote(input.value);
    form.classList.toggle('is-note', note);
    send.textContent = note ? 'Add note' : 'Reply';
    hint.textContent = note
      ? 'Internal note: stays in this thread, never sent to the employee.'
      : 'Replies reach the employee. Start with // or note: for an internal note.';
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
    if (!text) return;
    void busy(send, () =>
      app.post('/api/thread', {
        as: app.acting().id,
        channel: `level:${level}`,
        threadId: root.id,
        text,
      }),
    ).then((ok) => {
      if (ok) {
        input.value = '';
        showHint();
      }
    });
  });
  return h(
    'article',
    { class: 'thread', 'data-thread': root.id },
    h('div', { class: 'card-slot' }),
    h('div', { class: 'replies-head' }),
    h('div', { class: 'replies' }),
    form,
  );
}

function updateThread(shell, root, app) {
  const acting = app.acting();
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
