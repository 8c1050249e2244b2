import type { WorkQueue } from '../../src/core/ports/work-queue';

export interface QueueUnderTest {
  readonly queue: WorkQueue<{ n: number }>;
  dispose(): Promise<void>;
}

/** The WorkQueue contract, for every implementation; `factory` gives a fresh, empty queue. */
export function describeWorkQueueContract(
  name: string,
  factory: () => Promise<QueueUnderTest>,
): void {
  describe(`WorkQueue contract: ${name}`, () => {
    let subject: QueueUnderTest;
    let queue: WorkQueue<{ n: number }>;
    beforeEach(async () => {
      subject = await factory();
      queue = subject.queue;
    });
    afterEach(() => subject.dispose());

    const item = (id: string, lane: string, n = 0) => ({ id, lane, payload: { n } });

    it('stores an id once: a redelivery is recognised and changes nothing', async () => {
      expect(await queue.enqueue([item('a', 'L1', 1)])).toEqual(['a']);
      expect(await queue.enqueue([item('a', 'L1', 2)])).toEqual([]);
      expect(await queue.enqueue([item('a', 'L1'), item('b', 'L1')])).toEqual(['b']);
      expect(await queue.pendingCount()).toBe(2);
      const claim = await queue.claimHead('L1', 'w1', 5000);
      expect(claim?.item.payload).toEqual({ n: 1 });
    });

    it('hands out a lane in arrival order, one item at a time', async () => {
      await queue.enqueue([item('a', 'L1'), item('b', 'L1'), item('c', 'L2')]);
      const first = await queue.claimHead('L1', 'w1', 5000);
      expect(first?.item.id).toBe('a');
      expect(await queue.claimHead('L1', 'w2', 5000)).toBeUndefined(); // a is held
      expect((await queue.claimHead('L2', 'w2', 5000))?.item.id).toBe('c');
      await first!.done();
      expect(await queue.status('a')).toBe('done');
      expect((await queue.claimHead('L1', 'w2', 5000))?.item.id).toBe('b');
    });

    it('gives one of several concurrent claimers the head', async () => {
      await queue.enqueue([item('a', 'L1')]);
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, i) => queue.claimHead('L1', `w${i}`, 5000)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
    });

    it('puts an item back for later, counting the attempt, and keeps the lane behind it', async () => {
      await queue.enqueue([item('a', 'L1'), item('b', 'L1')]);
      const claim = await queue.claimHead('L1', 'w1', 5000);
      await claim!.retryLater(300, 'platform down');
      expect(await queue.claimHead('L1', 'w1', 5000)).toBeUndefined(); // b waits behind a
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect(await queue.dueLanes(10)).toContain('L1');
      const again = await queue.claimHead('L1', 'w1', 5000);
      expect(again?.item).toMatchObject({ id: 'a', attempts: 1 });
    });

    it('moves on past a failed item, keeping it for the record', async () => {
      await queue.enqueue([item('a', 'L1'), item('b', 'L1')]);
      await (await queue.claimHead('L1', 'w1', 5000))!.fail('poison');
      expect(await queue.status('a')).toBe('failed');
      expect((await queue.claimHead('L1', 'w1', 5000))?.item.id).toBe('b');
    });

    it('lets another worker take an item that was let go', async () => {
      await queue.enqueue([item('a', 'L1')]);
      await (await queue.claimHead('L1', 'w1', 5000))!.release();
      expect((await queue.claimHead('L1', 'w2', 5000))?.item.id).toBe('a');
    });

    it('records an id as seen without work', async () => {
      expect(await queue.enqueue([{ ...item('s', 'seen'), done: true }])).toEqual(['s']);
      expect(await queue.status('s')).toBe('done');
      expect(await queue.pendingCount()).toBe(0);
      expect(await queue.enqueue([{ ...item('s', 'seen'), done: true }])).toEqual([]);
    });
  });
}
