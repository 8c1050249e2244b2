import {
  retryAfterMs,
  retryTransient,
  statusOf,
} from '../../../src/channels/teams/retry-transient';

class RestError extends Error {
  constructor(
    readonly statusCode: number,
    retryAfter?: string,
  ) {
    super(`HTTP ${statusCode}`);
    this.response = { headers: new Map(retryAfter ? [['retry-after', retryAfter]] : []) };
  }
  readonly response: { headers: Map<string, string> };
}

function failing(statuses: (number | Error)[]) {
  let calls = 0;
  const operation = () => {
    const next = statuses[calls++];
    if (next === undefined) return Promise.resolve('posted');
    return Promise.reject(next instanceof Error ? next : new RestError(next));
  };
  return { operation, calls: () => calls };
}

describe('retryTransient', () => {
  const waits: number[] = [];
  const options = {
    sleep: (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    },
    random: () => 1,
  };
  beforeEach(() => (waits.length = 0));

  it('retries 429, 412, 502 and 504 with growing, jittered waits', async () => {
    const op = failing([429, 412, 502]);
    await expect(retryTransient(op.operation, options)).resolves.toBe('posted');
    expect(op.calls()).toBe(4);
    expect(waits).toEqual([500, 1000, 2000]);
  });

  it('uses full jitter and caps the wait', async () => {
    const op = failing([504, 504, 504]);
    await retryTransient(op.operation, {
      ...options,
      random: () => 0.5,
      maxDelayMs: 600,
      attempts: 5,
    });
    expect(waits).toEqual([250, 300, 300]);
  });

  it('never retries other failures: the message may have been posted', async () => {
    for (const failure of [500, 503, 400, 401, 404, new Error('socket hang up')]) {
      const op = failing([failure]);
      await expect(retryTransient(op.operation, options)).rejects.toBeDefined();
      expect(op.calls()).toBe(1);
    }
  });

  it('gives up after the last attempt with the last error', async () => {
    const op = failing([429, 429, 429, 429, 429]);
    await expect(retryTransient(op.operation, options)).rejects.toMatchObject({ statusCode: 429 });
    expect(op.calls()).toBe(4);
  });

  it('honours Retry-After in seconds or as a date, capped at a minute', async () => {
    expect(retryAfterMs(new RestError(429, '3'))).toBe(3000);
    expect(
      retryAfterMs(new RestError(429, new Date(Date.now() + 10_000).toUTCString())),
    ).toBeGreaterThan(8000);
    expect(retryAfterMs(new RestError(429, '3600'))).toBe(60_000);
    expect(retryAfterMs(new RestError(429))).toBeUndefined();
    expect(retryAfterMs(new Error('x'))).toBeUndefined();
    const op = failing([new RestError(429, '2')]);
    await retryTransient(op.operation, { ...options, random: () => 0 });
    expect(waits).toEqual([2000]);
    expect(statusOf({ statusCode: '502' })).toBeUndefined();
  });
});
