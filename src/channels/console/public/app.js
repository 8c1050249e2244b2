// The Lapis local console: act as any employee or agent, watch the DM and the three level channels.
import { api, toast } from './api.js';
import { useTimeZone } from './clock.js';
import { noteNewMessages, setHomeColumn, setTabsLocale, showColumn } from './columns.js';
import { h, initials, syncList } from './dom.js';
import { resetFeed, updateFeed } from './feed-follow.js';
import { agentLocale, applyLabels, dmLocale, loadLabels, roleName, tr } from './labels.js';
import { forgetMine, readViews, renderViews } from './queues.js';
import { renderLevel } from './threads.js';
import { renderLead } from './lead.js';
import { busy, renderMessage } from './render.js';
import { keepUnsent } from './sent-text.js';
import { limitText, refusalText, setTextLimit } from './text-limit.js';
import { latestTickets, showTicket, ticketOfDm } from './ticket-state.js';
import { renderPicker, setUpPicker } from './people-picker.js';
import { allowFiles, attachPicker, setFileViewer, uploadFiles } from './files.js';

const EXAMPLES = ['dm_example_1', 'dm_example_2', 'dm_example_3'];
const state = {
  users: [],
  acting: null,
  dmOwner: null,
  /** The language of the DM shown (dmLocale), and what the page's words were last painted in. */
  dmLocale: 'en',
  painted: '',
  generation: 0,
  tickets: new Map(),
  /** Whether the server offers the core's ticket views (a stand-in core does not). */
  views: false,
};
const byId = (id) => state.users.find((u) => u.id === id);

/** The language of whoever you act as: an employee's DM language, or the agents'. */
function viewerLocale() {
  return byId(state.acting)?.role === 'employee' ? state.dmLocale : agentLocale();
}

/**
 * Puts the page's own words in each part's language: the top bar and tabs in the viewer's, the DM in
 * its employee's, the level channels in the agents'. What is built from those words is rebuilt
 * when a language changed (the bot answered in another one, you act as someone else).
 */
function paintLabels() {
  const viewer = viewerLocale();
  const painted = `${viewer}|${state.dmLocale}|${state.acting}|${state.dmOwner}`;
  if (painted !== state.painted) {
    state.painted = painted;
    document.documentElement.lang = viewer;
    document.title = tr(viewer, 'page_title');
    renderPeople();
    renderGuard();
    setTabsLocale(viewer);
  }
  applyLabels(document.querySelector('.topbar'), viewer);
  const dm = document.getElementById('pane-dm');
  dm.lang = state.dmLocale;
  applyLabels(dm, state.dmLocale);
  for (const pane of document.querySelectorAll('.pane-level, .pane-lead')) {
    pane.lang = agentLocale();
    applyLabels(pane, agentLocale());
  }
}

/** A refusal with no box of its own to say it by (a button): the toast, in the viewer's language. */
function toastRefusal(error) {
  const locale = viewerLocale();
  toast(tr(locale, 'action_not_sent', { reason: refusalText(error, locale) }));
}

/**
 * Sends a post and refreshes at once; resolves to whether it went through. A refusal goes to
 * `report` (an inline message by the box it came from), else to the toast.
 */
async function post(path, body, report = toastRefusal) {
  const inDm = path === '/api/dm' || byId(body.as)?.role === 'employee';
  if (inDm) typing(+1);
  try {
    await api(path, body);
    return true;
  } catch (error) {
    report(error);
    return false;
  } finally {
    if (inDm) typing(-1);
    void poll();
  }
}

/** "Lapis is typing…" under the DM while the bot works on what the employee sent. */
let pendingInDm = 0;
function typing(delta) {
  pendingInDm += delta;
  document.getElementById('dm-typing').hidden = pendingInDm === 0;
}

// ---- who you are -------------------------------------------------------------------------------

function actAs(id) {
  const user = byId(id);
  if (!user) return;
  state.acting = id;
  setFileViewer(id);
  if (user.role === 'employee') state.dmOwner = id;
  state.dmOwner = state.dmOwner || state.users.find((u) => u.role === 'employee')?.id;
  state.generation++;
  localStorage.setItem('lapis.console.acting', id);
  renderFrame();
  paintLabels();
  // What you see depends on who you are (ephemerals, drafts): start the channels afresh.
  for (const feed of document.querySelectorAll('.level-feed')) resetFeed(feed);
  setHomeColumn(user.role === 'employee' ? 'dm' : `level:${user.role.slice(1)}`);
  void poll();
}

function renderPeople() {
  const locale = viewerLocale();
  const people = state.users.map((user) =>
    h(
      'button',
      {
        type: 'button',
        class: user.id === state.acting ? 'person active' : 'person',
        'data-user': user.id,
        'aria-pressed': String(user.id === state.acting),
        title: `${user.name} · ${roleName(user.role, locale)}`,
        onclick: () => actAs(user.id),
      },
      h('span', { class: `avatar role-${user.role}`, 'aria-hidden': 'true' }, initials(user.name)),
      h('span', { class: 'person-name' }, user.name.split(' ')[0]),
      h(
        'span',
        { class: 'person-role' },
        user.role === 'employee' ? roleName(user.role, locale) : user.role.toUpperCase(),
      ),
    ),
  );
  document.getElementById('people').replaceChildren(...people);
  renderPicker(
    state.users,
    byId(state.acting),
    (u) => `${u.name.split(' ')[0]} · ${roleName(u.role, locale)}`,
  );
}

/** The parts that depend on who you are: DM tabs, the DM guard, the "you" badge of your level. */
function renderFrame() {
  const acting = byId(state.acting);
  const owner = byId(state.dmOwner);
  const tabs = state.users
    .filter((u) => u.role === 'employee')
    .map((u) =>
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          class: u.id === state.dmOwner ? 'tab active' : 'tab',
          'aria-selected': String(u.id === state.dmOwner),
          onclick: () => (acting.role === 'employee' ? actAs(u.id) : showDmOf(u.id)),
        },
        u.name.split(' ')[0],
      ),
    );
  document.getElementById('dm-tabs').replaceChildren(...tabs);
  document.getElementById('dm-title').textContent = `${owner.name} ↔ Lapis`;
  const mine = state.acting === state.dmOwner;
  document.getElementById('dm-form').hidden = !mine;
  document.getElementById('dm-guard').hidden = mine;
  renderGuard();
  for (const pane of document.querySelectorAll('.pane-level')) {
    const here = pane.dataset.pane === `level:${acting.role.slice(1)}`;
    pane.classList.toggle('is-here', here);
    pane.querySelector('.here').hidden = !here;
  }
  resetFeed(document.getElementById('dm-feed'));
  forgetMine();
}

/**
 * Above the DM of someone else: who you are, and a button to act as the DM's employee. It speaks to
 * you, so in your language, whatever the DM's.
 */
function renderGuard() {
  const acting = byId(state.acting);
  const owner = byId(state.dmOwner);
  if (!acting || !owner) return;
  const locale = viewerLocale();
  document
    .getElementById('dm-guard')
    .replaceChildren(
      `${tr(locale, 'dm_guard', { name: acting.name, role: roleName(acting.role, locale) })} `,
      h(
        'button',
        { type: 'button', class: 'link', onclick: () => actAs(owner.id) },
        tr(locale, 'dm_guard_switch', { name: owner.name.split(' ')[0] }),
      ),
    );
}

function showDmOf(id) {
  state.dmOwner = id;
  showColumn('dm');
  state.generation++;
  renderFrame();
  paintLabels();
  void poll();
}

// ---- feeds -------------------------------------------------------------------------------------

/** A button press; `message` is the id of the DM message it was on (updated once it is honoured). */
function sendAction(action, form, report, message) {
  const body = {
    as: state.acting,
    action: action.id,
    payload: action.payload,
    ...(form && { form }),
    ...(message && { message }),
  };
  return post('/api/action', body, report);
}

function renderDm(messages) {
  const feed = document.getElementById('dm-feed');
  const mine = state.acting === state.dmOwner;
  const locale = state.dmLocale;
  // Why the buttons are off is told to whoever looks on, in their language.
  const reason = tr(viewerLocale(), 'dm_act_to_answer');
  const act = { enabled: mine, reason, send: sendAction };
  // The ticket bar first: the feed's height is settled before it follows or reveals anything.
  showTicket(document.getElementById('dm-ticket'), ticketOfDm(messages, state.tickets), locale);
  const fresh = updateFeed(feed, () =>
    syncList(feed, messages, {
      key: (m) => m.id,
      version: (m) => `${m.updatedAt}|${state.acting}|${locale}`,
      build: (m) =>
        keepOpenForm(
          feed,
          renderMessage(m, {
            variant: 'bubble',
            mine: m.from?.id === state.dmOwner,
            act: { ...act, send: (action, form, report) => sendAction(action, form, report, m.id) },
            locale,
          }),
        ),
    }),
  );
  if (messages.length === 0) feed.append(dmEmptyState(mine, locale));
  noteNewMessages('dm', fresh);
}

/**
 * A message updated in place (its buttons retired by a press, here or in another window) keeps a
 * form its reader has open, with what they typed: sent, it still reaches a ticket.
 */
function keepOpenForm(feed, fresh) {
  const open = feed.querySelector(`.msg[data-id="${fresh.dataset.id}"] .inline-form`);
  if (!open) return fresh;
  const button = fresh.querySelector(`button[data-action="${open.dataset.formFor}"]`);
  const slot = button?.closest('.b-actions')?.querySelector('.form-slot');
  if (slot) slot.replaceChildren(open);
  else fresh.querySelector('.msg-body').append(h('div', { class: 'form-slot' }, open));
  return fresh;
}

function dmEmptyState(mine, locale) {
  const chips = EXAMPLES.map((key) => {
    const text = tr(locale, key);
    return h(
      'button',
      { type: 'button', class: 'chip', disabled: !mine, onclick: () => fillComposer(text) },
      text,
    );
  });
  return h(
    'div',
    { class: 'empty' },
    h('p', { class: 'empty-title' }, tr(locale, 'dm_empty_title')),
    h('p', {}, tr(locale, 'dm_empty_hint')),
    h('div', { class: 'chips' }, chips),
  );
}

function fillComposer(text) {
  const input = document.getElementById('dm-input');
  input.value = text;
  input.focus();
}

/** What the level panes need from the page. */
const app = {
  acting: () => byId(state.acting),
  user: byId,
  ticket: (key) => state.tickets.get(key),
  post,
  sendAction,
};

// ---- polling -----------------------------------------------------------------------------------

let polling = false;
let pollAgain = false;
/** Reads the conversations (a DM, the three levels, the lead's); a request made while a read runs (a post, a switch) runs after it. */
async function poll() {
  if (!state.acting) return;
  if (polling) {
    pollAgain = true;
    return;
  }
  polling = true;
  pollAgain = false;
  const generation = state.generation;
  const read = (c, viewer) =>
    api(`/api/conversation?c=${encodeURIComponent(c)}&viewer=${encodeURIComponent(viewer)}`);
  try {
    const [views, dm, lead, ...levels] = await Promise.all([
      state.views ? readViews(state.dmOwner) : null,
      // As the person you act as: an employee's private notices are not shown to anyone else.
      read(`dm:${state.dmOwner}`, state.acting),
      read('lead', state.acting),
      ...[1, 2, 3].map((n) => read(`level:${n}`, state.acting)),
    ]);
    if (generation !== state.generation) return;
    state.tickets = latestTickets(levels.map((data) => data.messages));
    state.dmLocale = dmLocale(dm.messages);
    paintLabels();
    renderDm(dm.messages);
    levels.forEach((data, i) => {
      const name = `level:${i + 1}`;
      const pane = document.querySelector(`[data-pane="${name}"]`);
      noteNewMessages(name, renderLevel(pane, i + 1, data.messages, app));
    });
    const leadPane = document.querySelector('[data-pane="lead"]');
    noteNewMessages('lead', renderLead(leadPane, lead.messages, agentLocale()));
    if (views) renderViews(views, ticketsTitle(), state.dmLocale);
    setStatus(true);
  } catch {
    setStatus(false);
  } finally {
    polling = false;
    if (pollAgain) void poll();
  }
}

/** The DM column's panel: "My tickets" for the employee you act as, else whose they are (to you). */
function ticketsTitle() {
  const locale = viewerLocale();
  if (state.acting === state.dmOwner) return tr(locale, 'mine_title');
  return tr(locale, 'theirs_title', { name: byId(state.dmOwner).name.split(' ')[0] });
}

function setStatus(live) {
  const el = document.getElementById('status');
  el.dataset.label = live ? 'status_live' : 'status_offline';
  el.textContent = tr(viewerLocale(), el.dataset.label);
  el.classList.toggle('live', live);
}

/** The DM composer: Enter sends, Shift+Enter breaks the line, the length limit is spelled out. */
function setUpComposer() {
  const form = document.getElementById('dm-form');
  const input = document.getElementById('dm-input');
  const sendButton = form.querySelector('button');
  const limit = limitText(input, () => state.dmLocale);
  const attach = attachPicker(() => state.dmLocale);
  if (attach.button) sendButton.before(attach.button);
  form.after(limit.row);
  if (attach.chosen) limit.row.before(attach.chosen);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    const chosen = attach.files();
    if ((!text && !chosen.length) || !limit.allows()) return;
    const send = async () => {
      // The files first: a post names them by their upload ids.
      let files = [];
      try {
        files = await uploadFiles(chosen, state.acting, state.dmLocale);
      } catch (error) {
        limit.refused(error);
        return false;
      }
      const body = { as: state.acting, text, ...(files.length ? { files } : {}) };
      return post('/api/dm', body, limit.refused);
    };
    void busy(sendButton, send).then((ok) => {
      // Sent: the box keeps only what was typed after it meanwhile.
      if (!ok) return;
      keepUnsent(input, text);
      attach.clear();
      limit.reset();
    });
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
}

async function start() {
  const [people, desk] = await Promise.all([api('/api/users'), api('/api/desk')]);
  await loadLabels(desk);
  state.dmLocale = dmLocale([]);
  allowFiles(desk.maxFileBytes);
  setUpComposer();
  state.users = people.users;
  setUpPicker(actAs);
  useTimeZone(desk.timeZone);
  state.views = desk.views === true;
  setTextLimit(desk.maxText);
  const saved = localStorage.getItem('lapis.console.acting');
  actAs(byId(saved) ? saved : state.users[0].id);
  setInterval(() => void poll(), 1000);
}

start().catch((error) => toast(error.message));
