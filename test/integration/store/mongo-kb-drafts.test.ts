import { COLLECTIONS } from '../../../src/store/collections';
import { ensureIndexes } from '../../../src/store/ensure-indexes';
import { createMongoKbDrafts } from '../../../src/store/mongo-kb-drafts';
import { describeKbDraftsContract } from '../../contract/kb-drafts.contract';
import { openTestDatabase } from '../../support/test-database';

describeKbDraftsContract('MongoDB', async () => {
  const conn = await openTestDatabase();
  await ensureIndexes(conn.db);
  return { store: createMongoKbDrafts(conn.db), dispose: () => conn.dispose() };
});

describe('MongoDB KB drafts specifics', () => {
  it('refuses a filter value that is not a string, and keeps drafts in kb_drafts', async () => {
    const conn = await openTestDatabase();
    try {
      const store = createMongoKbDrafts(conn.db);
      await expect(
        store.markExported({ $ne: null } as unknown as string, 'a.md', new Date()),
      ).rejects.toThrow(/draft id: expected a string/);
      expect(await conn.db.collection(COLLECTIONS.kbDrafts).countDocuments()).toBe(0);
    } finally {
      await conn.dispose();
    }
  });
});
