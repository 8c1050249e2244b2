import { createMemoryL0Learning } from '../../support/fakes/memory-l0-learning';
import { createMemorySessionStore } from '../../support/fakes/memory-session-store';
import { createMemoryTicketStore } from '../../support/fakes/memory-ticket-store';
import { createMemoryWorkQueue } from '../../support/fakes/memory-work-queue';
import { describeL0LearningContract } from '../../contract/l0-learning.contract';
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
describeL0LearningContract('in memory', () =>
  Promise.resolve({ store: createMemoryL0Learning(), dispose: noop }),
);
