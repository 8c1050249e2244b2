import { learnedPhrasingId } from '../../../src/core/ports/l0-learning';
import { COLLECTIONS } from '../../../src/store/collections';
import { ensureIndexes } from '../../../src/store/ensure-indexes';
import { createMongoL0Learning } from '../../../src/store/mongo-l0-learning';
import { openTestDatabase } from '../../support/test-database';
import { at } from '../../support/ticket-factory';

describe('MongoDB L0 learning specifics', () => {
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeEach(async () => {
    conn = await openTestDatabase();
    await ensureIndexes(conn.db);
  });
  afterEach(() => conn.dispose());

  it('stores an outcome under its own id, without empty fields', async () => {
    const learning = createMongoL0Learning(conn.db);
    await learning.record({
      id: 'w1:no_answer',
      at: at(),
      kind: 'no_answer',
      user: { platform: 'teams', id: 'T1' },
      locale: 'en',
      question: 'gaji belum masuk',
    });
    const stored = await conn.db.collection(COLLECTIONS.l0Outcomes).find().toArray();
    expect(stored).toEqual([
      {
        _id: 'w1:no_answer',
        at: at(),
        kind: 'no_answer',
        user: { platform: 'teams', id: 'T1' },
        locale: 'en',
        question: 'gaji belum masuk',
      },
    ]);
  });

  it('keeps one document per confirmation, so removal and approval never rewrite a count', async () => {
    const learning = createMongoL0Learning(conn.db);
    const id = learnedPhrasingId('printer-jam', 'printer macet');
    for (const key of ['a', 'b', 'a'])
      await learning.confirm({
        articleId: 'printer-jam',
        text: 'printer macet',
        lang: 'id',
        source: 'requester',
        key,
        user: undefined,
        at: at(),
      });
    const ids = async (name: string) =>
      (await conn.db.collection(name).find().toArray()).map((d) => String(d._id)).sort();
    expect(await ids(COLLECTIONS.phrasingConfirmations)).toEqual([`${id}:a`, `${id}:b`]);
    expect(await learning.approve(id)).toBe('changed');
    expect(await learning.remove(id)).toBe('changed');
    expect(await ids(COLLECTIONS.phrasingMarks)).toEqual([`${id}#approved`, `${id}#removed`]);
  });

  it('treats arguments as values, never as query objects', async () => {
    const learning = createMongoL0Learning(conn.db);
    const injection = { $ne: null } as unknown as string;
    await expect(learning.remove(injection)).rejects.toThrow(TypeError);
    await expect(learning.approve(injection)).rejects.toThrow(TypeError);
    await expect(learning.markExported([injection], at())).rejects.toThrow(TypeError);
    await expect(
      learning.confirm({
        articleId: 'a',
        text: 't',
        lang: undefined,
        source: 'requester',
        key: injection,
        user: undefined,
        at: at(),
      }),
    ).rejects.toThrow(TypeError);
    await expect(
      learning.outcomes({ from: at(), to: at(1), kinds: [injection as never] }),
    ).rejects.toThrow(TypeError);
  });
});
