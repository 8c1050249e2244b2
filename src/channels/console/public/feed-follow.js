// A feed follows new messages while its reader is at the bottom. A reader who scrolled up keeps
// their place, and a "N new messages ↓" pill counts what arrived below; clicking it goes down.
import { h } from './dom.js';
import { tr } from './labels.js';

const NEAR_BOTTOM = 60;
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
  clearPill(follower);
}

/**
 * Runs `change` (which re-renders the feed's messages), then keeps the view at the bottom if it was
 * there, or counts the new messages below the view in the pill. Returns how many messages are new.
 */
export function updateFeed(feed, change) {
  const follower = followerOf(feed);
  const pinned = isAtBottom(feed);
  change();
  const messages = [...feed.querySelectorAll('.msg[data-id]')];
  const fresh = follower.seen ? messages.filter((m) => !follower.seen.has(m.dataset.id)) : [];
  follower.seen = new Set(messages.map((m) => m.dataset.id));
  if (pinned) {
    scrollToEnd(feed);
  } else {
    const bottom = feed.getBoundingClientRect().bottom;
    const below = fresh.filter((m) => m.getBoundingClientRect().top >= bottom - 1).length;
    if (below) showPill(follower, follower.unseen + below);
  }
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
    follower = { seen: null, unseen: 0, pill };
    followers.set(feed, follower);
    feed.addEventListener('scroll', () => isAtBottom(feed) && clearPill(follower), {
      passive: true,
    });
  }
  return follower;
}

function showPill(follower, unseen) {
  follower.unseen = unseen;
  // The pill speaks its pane's language (the pane's lang attribute, see paintLabels in app.js).
  const locale = follower.pill.closest('[lang]')?.getAttribute('lang');
  const key = unseen === 1 ? 'new_messages_one' : 'new_messages_many';
  follower.pill.textContent = tr(locale, key, { count: unseen });
  follower.pill.hidden = false;
}

function clearPill(follower) {
  follower.unseen = 0;
  follower.pill.hidden = true;
}
