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
    /** What a runner does: one look at the queue, then a claim of the lane's head. */
    const claimHead = async (lane: string, owner: string, leaseMs: number) => {
      const head = (await queue.dueHeads(100)).heads.find((h) => h.lane === lane);
      return head ? queue.claim(head.id, owner, leaseMs) : undefined;
    };
    const pendingCount = async () => (await queue.dueHeads(0)).pending;

    it('stores an id once: a redelivery is recognised and changes nothing', async () => {
      expect(await queue.enqueue([item('a', 'L1', 1)])).toEqual(['a']);
      expect(await queue.enqueue([item('a', 'L1', 2)])).toEqual([]);
      expect(await queue.enqueue([item('a', 'L1'), item('b', 'L1')])).toEqual(['b']);
      expect(await pendingCount()).toBe(2);
      const claim = await claimHead('L1', 'w1', 5000);
      expect(claim?.item.payload).toEqual({ n: 1 });
    });

    it('stores concurrent deliveries of one id once, and keeps their arrival order', async () => {
      const calls = await Promise.all([
        queue.enqueue([item('a', 'L1', 1)]),
        queue.enqueue([item('a', 'L1', 2)]),
        queue.enqueue([item('b', 'L1', 3)]),
        queue.enqueue([item('a', 'L1', 4), item('c', 'L1', 5)]),
      ]);
      expect(calls.flat().sort()).toEqual(['a', 'b', 'c']);
      expect(await pendingCount()).toBe(3);
      const order: string[] = [];
      for (let claim; (claim = await claimHead('L1', 'w1', 5000)); await claim.done())
        order.push(claim.item.id);
      expect(order).toEqual(['a', 'b', 'c']);
      expect(await queue.enqueue([item('a', 'L1'), item('b', 'L1'), item('d', 'L1')])).toEqual([
        'd',
      ]);
    });

    it('hands out a lane in arrival order, one item at a time', async () => {
      await queue.enqueue([item('a', 'L1'), item('b', 'L1'), item('c', 'L2')]);
      const first = await claimHead('L1', 'w1', 5000);
      expect(first?.item.id).toBe('a');
      expect(await claimHead('L1', 'w2', 5000)).toBeUndefined(); // a is held
      expect((await claimHead('L2', 'w2', 5000))?.item.id).toBe('c');
      await first!.done();
      expect(await queue.status('a')).toBe('done');
      expect((await claimHead('L1', 'w2', 5000))?.item.id).toBe('b');
    });

    it('gives one of several concurrent claimers the head', async () => {
      await queue.enqueue([item('a', 'L1')]);
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, i) => claimHead('L1', `w${i}`, 5000)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
    });

    it('puts an item back for later, counting the attempt, and keeps the lane behind it', async () => {
      await queue.enqueue([item('a', 'L1'), item('b', 'L1')]);
      const claim = await claimHead('L1', 'w1', 5000);
      await claim!.retryLater(300, 'platform down');
      expect(await claimHead('L1', 'w1', 5000)).toBeUndefined(); // b waits behind a
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect((await queue.dueHeads(10)).heads).toEqual([{ id: 'a', lane: 'L1' }]);
      const again = await claimHead('L1', 'w1', 5000);
      expect(again?.item).toMatchObject({ id: 'a', attempts: 1 });
    });

    it('moves on past a failed item, keeping it for the record', async () => {
      await queue.enqueue([item('a', 'L1'), item('b', 'L1')]);
      await (await claimHead('L1', 'w1', 5000))!.fail('poison');
      expect(await queue.status('a')).toBe('failed');
      expect((await claimHead('L1', 'w1', 5000))?.item.id).toBe('b');
    });

    it('lets another worker take an item that was let go', async () => {
      await queue.enqueue([item('a', 'L1')]);
      await (await claimHead('L1', 'w1', 5000))!.release();
      expect((await claimHead('L1', 'w2', 5000))?.item.id).toBe('a');
    });

    it('gives each due lane its oldest item, oldest lane first, up to the limit', async () => {
      await queue.enqueue([item('a', 'L1')]);
      await queue.enqueue([item('b', 'L2')]);
      await queue.enqueue([item('c', 'L1'), item('d', 'L3')]);
      expect(await queue.dueHeads(10)).toEqual({
        heads: [
          { id: 'a', lane: 'L1' },
          { id: 'b', lane: 'L2' },
          { id: 'd', lane: 'L3' },
        ],
        pending: 4,
      });
      expect((await queue.dueHeads(2)).heads.map((h) => h.id)).toEqual(['a', 'b']);
      // A lane whose head waits is not due, even with items behind it.
      await (await queue.claim('a', 'w1', 5000))!.retryLater(60_000, 'later');
      expect((await queue.dueHeads(10)).heads.map((h) => h.id)).toEqual(['b', 'd']);
    });

    it('does not hand out an item that is not due or is taken', async () => {
      await queue.enqueue([item('a', 'L1')]);
      const first = await queue.claim('a', 'w1', 5000);
      expect(first).toBeDefined();
      expect(await queue.claim('a', 'w2', 5000)).toBeUndefined();
      await first!.retryLater(60_000, 'later');
      expect(await queue.claim('a', 'w2', 5000)).toBeUndefined();
      await first!.done().catch(() => undefined);
      expect(await queue.claim('missing', 'w2', 5000)).toBeUndefined();
    });

    it('records an id as seen without work', async () => {
      expect(await queue.enqueue([{ ...item('s', 'seen'), done: true }])).toEqual(['s']);
      expect(await queue.status('s')).toBe('done');
      expect(await pendingCount()).toBe(0);
      expect(await queue.enqueue([{ ...item('s', 'seen'), done: true }])).toEqual([]);
    });
  });
}
