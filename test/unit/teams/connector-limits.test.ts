import {
  callWithTimeout,
  ConnectorTimeoutError,
} from '../../../src/channels/teams/call-with-timeout';
import { createConcurrencyLimit } from '../../../src/channels/teams/concurrency-limit';
import { retryTransient } from '../../../src/channels/teams/retry-transient';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('callWithTimeout', () => {
  it('passes the answer through, and aborts and rejects a call that never answers', async () => {
    await expect(callWithTimeout(1000, () => Promise.resolve('posted'))).resolves.toBe('posted');
    let signal: AbortSignal | undefined;
    const started = Date.now();
    await expect(
      callWithTimeout(50, (s) => {
        signal = s;
        return new Promise<never>(() => undefined); // ignores its signal, like a token fetch
      }),
    ).rejects.toBeInstanceOf(ConnectorTimeoutError);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(signal?.aborted).toBe(true);
  });

  it('is not retried by retryTransient: the POST may have been posted', async () => {
    let calls = 0;
    const operation = () =>
      callWithTimeout(20, () => {
        calls++;
        return new Promise<never>(() => undefined);
      });
    await expect(retryTransient(operation, { sleep: () => Promise.resolve() })).rejects.toThrow(
      /did not answer within 20 ms/,
    );
    expect(calls).toBe(1);
  });
});

describe('createConcurrencyLimit', () => {
  it('runs at most `max` tasks at once, all of them in the end, failures included', async () => {
    const limit = createConcurrencyLimit(2);
    let running = 0;
    let most = 0;
    const task = (i: number) =>
      limit(async () => {
        running++;
        most = Math.max(most, running);
        await sleep(5);
        running--;
        if (i === 3) throw new Error('fails');
        return i;
      });
    const results = await Promise.allSettled([0, 1, 2, 3, 4, 5, 6].map(task));
    expect(most).toBe(2);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    // The slots were all given back.
    await expect(Promise.all([task(7), task(8)])).resolves.toEqual([7, 8]);
  });
});
