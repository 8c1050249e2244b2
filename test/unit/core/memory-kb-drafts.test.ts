import { createMemoryKbDrafts } from '../../support/fakes/memory-kb-drafts';
import { describeKbDraftsContract } from '../../contract/kb-drafts.contract';

describeKbDraftsContract('in memory', () =>
  Promise.resolve({ store: createMemoryKbDrafts(), dispose: () => Promise.resolve() }),
);
