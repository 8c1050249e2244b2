// On a narrow screen the columns (four, five with the lead's) become tabs: one column at a time, and a badge on every other
// tab counting the messages that arrived there since you last looked. Wide screens show all four.
import { h } from './dom.js';
import { scrollToEnd } from './feed-follow.js';
import { tr } from './labels.js';

const NARROW = window.matchMedia('(max-width: 820px)');
const LEAD = {
  name: 'lead',
  label: (locale) => tr(locale, 'lead_tab'),
  title: () => '#helpdesk-lead',
};
const COLUMNS = [
  { name: 'dm', label: 'DM', title: (locale) => tr(locale, 'column_dm') },
  { name: 'level:1', label: 'L1', title: () => 'L1 · #helpdesk-l1' },
  { name: 'level:2', label: 'L2', title: () => 'L2 · #helpdesk-l2' },
  { name: 'level:3', label: 'L3', title: () => 'L3 · #helpdesk-l3' },
];
const state = { current: 'dm', home: 'dm', unread: new Map(), locale: 'en', lead: false };

/** The lead's channel has a tab once something was posted there (lead.js). */
export function setLeadColumn(shown) {
  if (state.lead === shown) return;
  state.lead = shown;
  renderTabs();
}

export function isNarrow() {
  return NARROW.matches;
}

/** The tabs speak the language of whoever you act as. */
export function setTabsLocale(locale) {
  state.locale = locale;
  renderTabs();
}

/** The column of whoever you act as: your DM, or your level's channel. */
export function setHomeColumn(name) {
  state.home = name;
  showColumn(name);
}

export function showColumn(name) {
  state.current = name;
  state.unread.delete(name);
  for (const pane of document.querySelectorAll('.pane')) {
    const current = pane.dataset.pane === name;
    pane.classList.toggle('is-current', current);
    // A hidden feed forgets its scroll position: show the newest messages again.
    if (current && isNarrow()) scrollToEnd(pane.querySelector('.pane-body'));
  }
  renderTabs();
}

/** `count` messages arrived in column `name`: a badge, unless you are looking at it. */
export function noteNewMessages(name, count) {
  if (!count || !isNarrow() || name === state.current) return;
  state.unread.set(name, (state.unread.get(name) || 0) + count);
  renderTabs();
}

function renderTabs() {
  const tabs = (state.lead ? [...COLUMNS, LEAD] : COLUMNS).map(({ name, label, title }) => {
    const unread = state.unread.get(name) || 0;
    const classes = ['column-tab'];
    if (name === state.current) classes.push('active');
    if (name === state.home) classes.push('is-home');
    return h(
      'button',
      {
        type: 'button',
        role: 'tab',
        class: classes.join(' '),
        'data-column': name,
        'aria-selected': String(name === state.current),
        title: title(state.locale),
        onclick: () => showColumn(name),
      },
      typeof label === 'function' ? label(state.locale) : label,
      unread
        ? h(
            'span',
            { class: 'badge', 'aria-label': tr(state.locale, 'unread', { count: unread }) },
            unread > 99 ? '99+' : unread,
          )
        : null,
    );
  });
  document.getElementById('columns').replaceChildren(...tabs);
}

NARROW.addEventListener('change', () => showColumn(state.current));
