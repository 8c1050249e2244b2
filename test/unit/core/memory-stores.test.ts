import { createMemoryDeliveryLog } from '../../../src/core/testing/memory-delivery-log';
import { createMemorySessionStore } from '../../../src/core/testing/memory-session-store';
import { createMemoryTicketStore } from '../../../src/core/testing/memory-ticket-store';
import { describeDeliveryLogContract } from '../../contract/delivery-log.contract';
import { describeSessionStoreContract } from '../../contract/session-store.contract';
import { describeTicketStoreContract } from '../../contract/ticket-store.contract';

const noop = (): Promise<void> => Promise.resolve();

describeTicketStoreContract('in memory', () =>
  Promise.resolve({ store: createMemoryTicketStore(), dispose: noop }),
);
describeSessionStoreContract('in memory', () =>
  Promise.resolve({ store: createMemorySessionStore(), dispose: noop }),
);
describeDeliveryLogContract('in memory', () =>
  Promise.resolve({ store: createMemoryDeliveryLog(), dispose: noop }),
);
