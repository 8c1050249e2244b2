// A feed follows new messages while its reader is at the bottom. A reader who scrolled up keeps
// their place, and a "N new messages ↓" bar counts what arrived below; clicking it goes down. The
// bar sits under the feed, never over it, so it cannot cover an open form. What answers the
// reader's own press or post (a button, a form, a reply box, the DM composer) is brought into view.
import { h } from './dom.js';
import { tr } from './labels.js';

const NEAR_BOTTOM = 60;
/** How long after a press what arrives counts as its answer (the bot answers within seconds). */
const ANSWER_WINDOW_MS = 15_000;
const followers = new WeakMap();

export function isAtBottom(feed) {
  return feed.scrollHeight - feed.scrollTop - feed.clientHeight < NEAR_BOTTOM;
}

export function scrollToEnd(feed) {
  feed.scrollTop = feed.scrollHeight;
  clearPill(followerOf(feed));
}

/** Empties the feed; what it shows next is a first load, so nothing in it counts as new. */
export function resetFeed(feed) {
  feed.replaceChildren();
  const follower = followerOf(feed);
  follower.seen = null;
  follower.press = null;
  clearPill(follower);
}

/**
 * Runs `change` (which re-renders the feed's messages), then keeps the view at the bottom if it was
 * there, or brings the answer to the reader's press into view, or counts the new messages below
 * the view in the bar. Returns how many messages are new.
 */
export function updateFeed(feed, change) {
  const follower = followerOf(feed);
  const pinned = isAtBottom(feed);
  change();
  const messages = [...feed.querySelectorAll('.msg[data-id]')];
  const fresh = follower.seen ? messages.filter((m) => !follower.seen.has(m.dataset.id)) : [];
  follower.seen = new Set(messages.map((m) => m.dataset.id));
  const answers = answersTo(follower, fresh);
  if (answers.length) follower.press = null; // answered: what comes later is news, not its answer
  if (pinned) {
    scrollToEnd(feed);
    return fresh.length;
  }
  if (answers.length) reveal(feed, answers);
  const bottom = feed.getBoundingClientRect().bottom;
  const below = fresh.filter((m) => m.getBoundingClientRect().top >= bottom - 1).length;
  if (below) showPill(feed, follower, follower.unseen + below);
  return fresh.length;
}

function followerOf(feed) {
  let follower = followers.get(feed);
  if (!follower) {
    const pill = h('button', {
      type: 'button',
      class: 'new-pill',
      hidden: true,
      onclick: () => scrollToEnd(feed),
    });
    feed.after(pill);
    follower = { seen: null, unseen: 0, pill, press: null };
    followers.set(feed, follower);
    feed.addEventListener('scroll', () => isAtBottom(feed) && clearPill(follower), {
      passive: true,
    });
    watchPresses(feed.closest('.pane') ?? feed, follower);
  }
  return follower;
}

/**
 * Notes the reader's presses and posts in the column: a button that sends at once, or a form sent
 * with no field marked invalid. Its answer lands in the same thread (a level channel) or the DM.
 */
function watchPresses(pane, follower) {
  const pressed = (target) => {
    follower.press = { at: Date.now(), scope: target.closest('.thread') };
  };
  pane.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (button && !button.classList.contains('has-form')) pressed(button);
  });
  pane.addEventListener('submit', (event) => {
    if (!event.target.querySelector('[aria-invalid="true"]')) pressed(event.target);
  });
}

/** The first new messages after the latest press (in its thread, if it was in one), if it is recent. */
function answersTo(follower, fresh) {
  const press = follower.press;
  if (!press || Date.now() - press.at > ANSWER_WINDOW_MS) return [];
  const scope = press.scope?.isConnected ? press.scope : null;
  return scope ? fresh.filter((m) => scope.contains(m)) : fresh;
}

/** Scrolls just far enough to show the answers, the first one's top before the last one's bottom. */
function reveal(feed, answers) {
  const view = feed.getBoundingClientRect();
  const top = answers[0].getBoundingClientRect().top;
  const bottom = answers[answers.length - 1].getBoundingClientRect().bottom;
  if (top < view.top) feed.scrollTop += top - view.top;
  else if (bottom > view.bottom) feed.scrollTop += Math.min(bottom - view.bottom, top - view.top);
}

function showPill(feed, follower, unseen) {
  follower.unseen = unseen;
  // The pill speaks its pane's language (the pane's lang attribute, see paintLabels in app.js).
  const locale = follower.pill.closest('[lang]')?.getAttribute('lang');
  const key = unseen === 1 ? 'new_messages_one' : 'new_messages_many';
  follower.pill.textContent = tr(locale, key, { count: unseen });
  if (!follower.pill.hidden) return;
  const before = feed.getBoundingClientRect().bottom;
  follower.pill.hidden = false;
  keepWorkInView(feed, before);
}

/**
 * The bar takes its room from the feed's bottom: an open form or the field being typed in that
 * stood there moves up with it rather than out of sight.
 */
function keepWorkInView(feed, oldBottom) {
  const newBottom = feed.getBoundingClientRect().bottom;
  if (newBottom >= oldBottom) return;
  const focused = feed.contains(document.activeElement) ? [document.activeElement] : [];
  const cut = [...feed.querySelectorAll('.inline-form'), ...focused].map((el) => {
    const r = el.getBoundingClientRect();
    return r.top < oldBottom && r.bottom > newBottom
      ? Math.min(r.bottom, oldBottom) - newBottom
      : 0;
  });
  feed.scrollTop += Math.max(0, ...cut);
}

function clearPill(follower) {
  follower.unseen = 0;
  follower.pill.hidden = true;
}
