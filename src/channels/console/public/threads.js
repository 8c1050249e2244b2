// A level channel: ticket cards, their thread replies, and a reply box per thread.
import { h, isInternalNote, syncList } from './dom.js';
import { updateFeed } from './feed-follow.js';
import { agentLocale, roleName, tr } from './labels.js';
import { busy, readOnlyLine, renderMessage } from './render.js';
import { keepUnsent } from './sent-text.js';
import { limitText } from './text-limit.js';
import { cardId } from './queues.js';
import { showTicket, ticketOfCard } from './ticket-state.js';
import { attachPicker, uploadFiles } from './files.js';

/**
 * `app`: { acting() (the user you act as), user(id) (anyone, by id), ticket(key) (its newest state),
 * post(path, body, report), sendAction(action, form, report) }. Returns how many messages are new
 * since the last render.
 */
export function renderLevel(pane, level, threads, app) {
  const feed = pane.querySelector('.level-feed');
  const fresh = updateFeed(feed, () =>
    syncList(feed, threads, {
      key: (t) => t.id,
      version: () => 'thread',
      build: (t) => buildThread(t),
      update: (shell, t) => updateThread(shell, level, t, app),
    }),
  );
  if (threads.length === 0) {
    const locale = agentLocale();
    feed.append(
      h(
        'div',
        { class: 'empty' },
        h('p', { class: 'empty-title' }, tr(locale, 'level_empty_title')),
        h('p', {}, tr(locale, 'level_empty_hint', { level })),
      ),
    );
  }
  return fresh;
}

/** Whether `user` is an agent of `level`: the server's rule too (console-agent-directory.ts). */
const isAgentOf = (user, level) => user?.role === `l${level}`;

/**
 * Why the acting user only reads a level's tickets, or null when they work them. The server refuses
 * presses and replies of anyone else anyway; the page does not offer them.
 */
function readOnlyIn(level, acting) {
  if (isAgentOf(acting, level)) return null;
  const locale = agentLocale();
  return {
    text: tr(locale, 'read_only', { role: roleName(acting.role, locale) }),
    title: tr(locale, 'read_only_why', { level }),
  };
}

/**
 * Why a reply never reached the employee, or null: the core relays only the replies of the level's
 * agents; anyone else's stays in the thread (their author alone is told so). Notes are marked as such.
 */
function unsentReason(level, reply, app) {
  if (!reply.from || isInternalNote(reply.message.text)) return null;
  const author = app.user(reply.from.id);
  if (!author || isAgentOf(author, level)) return null;
  const locale = agentLocale();
  const role = roleName(author.role, locale);
  return tr(locale, 'unsent_why', { level, name: reply.from.name, role });
}

function buildThread(root) {
  return h(
    'article',
    { class: 'thread', 'data-thread': root.id },
    h('div', { class: 'thread-head', hidden: true }),
    h('div', { class: 'card-slot' }),
    h('div', { class: 'replies-head' }),
    h('div', { class: 'replies' }),
    h('div', { class: 'thread-foot' }),
  );
}

function buildReplyBox(level, root, app) {
  const locale = agentLocale();
  const input = h('textarea', {
    rows: 1,
    'aria-label': tr(locale, 'reply_input'),
    placeholder: tr(locale, 'reply_placeholder'),
  });
  const send = h('button', { type: 'submit', class: 'btn btn-primary' }, tr(locale, 'reply_send'));
  const hint = h('p', { class: 'hint' });
  const limit = limitText(input, agentLocale);
  const attach = attachPicker(agentLocale);
  const form = h(
    'form',
    { class: 'reply-box' },
    h('div', { class: 'reply-row' }, input, attach.button, send),
    attach.chosen,
    limit.row,
    hint,
  );
  const showHint = () => {
    const note = isInternalNote(input.value);
    form.classList.toggle('is-note', note);
    send.textContent = tr(locale, note ? 'reply_add_note' : 'reply_send');
    // How to write a note is on the card; the box only confirms one.
    hint.textContent = note ? tr(locale, 'reply_note_hint') : '';
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
    const chosen = attach.files();
    if ((!text && !chosen.length) || !limit.allows() || !isAgentOf(app.acting(), level)) return;
    const as = app.acting().id;
    const post = async () => {
      // The files first: the reply names them by their upload ids.
      let files = [];
      try {
        files = await uploadFiles(chosen, as, agentLocale());
      } catch (error) {
        limit.refused(error);
        return false;
      }
      const body = { as, channel: `level:${level}`, threadId: root.id, text };
      return app.post('/api/thread', files.length ? { ...body, files } : body, limit.refused);
    };
    void busy(send, post).then((ok) => {
      // Sent: the box keeps only what was typed after it meanwhile.
      if (!ok) return;
      keepUnsent(input, text);
      attach.clear();
      limit.reset();
      showHint();
    });
  });
  return form;
}

/**
 * "Create ticket" on a person's message: the console's reaction, a ticket for the message's author.
 * Whoever presses it hears privately in their DM what came of it.
 */
function ticketButton(level, message, app, locale) {
  const button = h(
    'button',
    { type: 'button', class: 'btn msg-ticket', title: tr(locale, 'create_ticket_why') },
    tr(locale, 'create_ticket'),
  );
  button.addEventListener('click', () => {
    const body = { as: app.acting().id, channel: `level:${level}`, messageId: message.id };
    void busy(button, () => app.post('/api/ticket-request', body));
  });
  return button;
}

function updateThread(shell, level, root, app) {
  const acting = app.acting();
  const card = ticketOfCard(root);
  if (card) {
    shell.dataset.ticket = card.key;
    shell.id = cardId(level, card.key); // where the queue panels' links go
  }
  const locale = agentLocale();
  showTicket(shell.querySelector('.thread-head'), card && (app.ticket(card.key) ?? card), locale);
  const readOnly = readOnlyIn(level, acting);
  const act = {
    enabled: !readOnly,
    reason: readOnly?.title,
    readOnly,
    send: app.sendAction,
  };
  syncList(shell.querySelector('.card-slot'), [root], {
    key: (m) => m.id,
    version: (m) => `${m.updatedAt}|${acting.id}`,
    build: (m) => renderMessage(m, { variant: 'card', mine: false, act, locale }),
  });
  syncList(shell.querySelector('.replies'), root.replies, {
    key: (m) => m.id,
    version: (m) => `${m.updatedAt}|${acting.id}`,
    build: (m) => {
      const el = renderMessage(m, {
        variant: 'reply',
        mine: m.from?.id === acting.id,
        act,
        unsent: unsentReason(level, m, app),
        locale,
      });
      // Offered where the acting user works, as every button of a level channel is.
      if (m.from && !m.ephemeral && !readOnly) el.append(ticketButton(level, m, app, locale));
      return el;
    },
  });
  const count = root.replies.length;
  shell.querySelector('.replies-head').textContent = count
    ? tr(locale, count === 1 ? 'replies_one' : 'replies_many', { count })
    : '';
  // The reply box, or the line saying why there is none; rebuilt only when that changes, so a
  // half-typed reply survives the poll.
  const foot = shell.querySelector('.thread-foot');
  const mode = readOnly ? `read-only|${acting.role}` : 'reply';
  if (foot.dataset.mode !== mode) {
    foot.dataset.mode = mode;
    foot.replaceChildren(readOnly ? readOnlyLine(readOnly) : buildReplyBox(level, root, app));
  }
}
