// The service-desk lead's channel: the weekly digest, to read. It gets a column of its own once
// something was posted there, so a desk without a digest keeps its four columns.
import { setLeadColumn } from './columns.js';
import { syncList } from './dom.js';
import { updateFeed } from './feed-follow.js';
import { renderMessage } from './render.js';

const READ_ONLY = { enabled: false, reason: '', send: () => Promise.resolve(false) };

/** Shows the lead's messages in `pane` (in the agents' language); returns how many are new. */
export function renderLead(pane, messages, locale) {
  const shown = messages.length > 0;
  pane.hidden = !shown;
  pane.closest('.panes').classList.toggle('has-lead', shown);
  setLeadColumn(shown);
  const feed = pane.querySelector('.lead-feed');
  return updateFeed(feed, () =>
    syncList(feed, messages, {
      key: (m) => m.id,
      version: (m) => `${m.updatedAt}|${locale}`,
      build: (m) => renderMessage(m, { variant: 'card', mine: false, act: READ_ONLY, locale }),
    }),
  );
}
