import { createMemorySessionStore } from '../../../src/core/testing/memory-session-store';
import { createMemoryTicketStore } from '../../../src/core/testing/memory-ticket-store';
import { createMemoryWorkQueue } from '../../../src/core/testing/memory-work-queue';
import { describeSessionStoreContract } from '../../contract/session-store.contract';
import { describeTicketStoreContract } from '../../contract/ticket-store.contract';
import { describeWorkQueueContract } from '../../contract/work-queue.contract';

const noop = (): Promise<void> => Promise.resolve();

describeTicketStoreContract('in memory', () =>
  Promise.resolve({ store: createMemoryTicketStore(), dispose: noop }),
);
describeSessionStoreContract('in memory', () =>
  Promise.resolve({ store: createMemorySessionStore(), dispose: noop }),
);
describeWorkQueueContract('in memory', () =>
  Promise.resolve({ queue: createMemoryWorkQueue<{ n: number }>('inbox'), dispose: noop }),
);
