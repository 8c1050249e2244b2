import { createGroupCommit } from '../../../src/store/group-commit';

describe('group commit', () => {
  it('flushes a lone call at once and gathers the calls made meanwhile into the next flush', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const commit = createGroupCommit<number, string>(async (items) => {
      batches.push([...items]);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return items.map((n) => `done ${n}`);
    });
    const first = commit(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1]]);
    const later = [commit(2), commit(3), commit(4)];
    release();
    expect(await Promise.all([first, ...later])).toEqual(['done 1', 'done 2', 'done 3', 'done 4']);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('gives a failed flush to every call of its batch, and goes on with the next', async () => {
    let calls = 0;
    const commit = createGroupCommit<number, number>((items) => {
      calls += 1;
      if (items.includes(13)) return Promise.reject(new Error('unlucky batch'));
      return Promise.resolve(items.map((n) => n * 2));
    }, 2);
    const results = await Promise.allSettled([commit(13), commit(1), commit(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect(results[2]).toEqual({ status: 'fulfilled', value: 4 });
    expect(calls).toBe(2);
  });
});
