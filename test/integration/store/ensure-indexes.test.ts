import { ensureIndexes, INDEXES } from '../../../src/store/ensure-indexes';
import { nextSequence } from '../../../src/store/next-sequence';
import { openTestDatabase } from '../../support/test-database';

describe('ensureIndexes on the real server', () => {
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    conn = await openTestDatabase();
  });
  afterAll(() => conn.dispose());

  it('creates every index and is idempotent (several instances may start at once)', async () => {
    await Promise.all([ensureIndexes(conn.db), ensureIndexes(conn.db)]);
    await ensureIndexes(conn.db);
    for (const [collection, wanted] of Object.entries(INDEXES)) {
      const names = (await conn.db.collection(collection).indexes()).map((i) => i.name);
      for (const index of wanted) expect(names).toContain(index.name);
    }
  });

  it('hands out ticket numbers from an atomic counter', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => nextSequence(conn.db, 'ticket', 1000)),
    );
    expect(results.sort((a, b) => a - b)).toEqual([
      1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009,
    ]);
    expect(await nextSequence(conn.db, 'ticket', 1000)).toBe(1010);
  });
});
