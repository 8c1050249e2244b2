import { AsyncLocalStorage } from 'node:async_hooks';
import type { TicketStore } from '../ports/ticket-store';

/**
 * Knows whether handling an event has already changed stored state. A failure before any change can
 * be retried from scratch (the delivery id is released); after one, a retry would repeat it (append a
 * message twice, relay it twice), so the delivery stays recorded.
 */
const current = new AsyncLocalStorage<{ committed: boolean }>();

export async function trackCommits(
  work: () => Promise<void>,
): Promise<{ committed: boolean; error?: Error }> {
  const state = { committed: false };
  try {
    await current.run(state, work);
    return { committed: state.committed };
  } catch (error) {
    return {
      committed: state.committed,
      error: error instanceof Error ? error : new Error(String(error)),
    };
  }
}

function markCommitted(): void {
  const state = current.getStore();
  if (state) state.committed = true;
}

export function trackingTicketStore(store: TicketStore): TicketStore {
  return {
    ...store,
    create: async (ticket) => {
      const created = await store.create(ticket);
      markCommitted();
      return created;
    },
    update: async (next, expectedVersion) => {
      const stored = await store.update(next, expectedVersion);
      if (stored) markCommitted();
      return stored;
    },
  };
}
