/** Polling with a deadline, pacing and bounded concurrency, for driving a bot from outside. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns true; false when `timeoutMs` passes first. */
export async function pollUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  everyMs = 100,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await sleep(everyMs);
  }
}

/** Like pollUntil, but a timeout is an error saying what was awaited. */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  if (!(await pollUntil(check, timeoutMs))) throw new Error(`timed out waiting for ${what}`);
}

/** Runs `work` over `items` with at most `limit` at once, keeping the order of results. */
export async function pool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Starts `send(i)` for i = 0..count-1 at `perSecond`, without waiting for answers (a steady rate,
 * as Slack delivers), and resolves with every result once all have answered. `stop` ends the
 * sending early; `hold(i)`, when it returns a promise, pauses the sending before the i-th until it
 * settles (the rate then goes on from there).
 */
export async function atRate<R>(
  count: number,
  perSecond: number,
  send: (index: number) => Promise<R>,
  options: {
    readonly stop?: () => boolean;
    readonly hold?: (index: number) => Promise<unknown> | undefined;
  } = {},
): Promise<R[]> {
  let started = Date.now();
  const pending: Promise<R>[] = [];
  for (let i = 0; i < count && !options.stop?.(); i++) {
    const held = options.hold?.(i);
    if (held) {
      const pausedAt = Date.now();
      await held;
      started += Date.now() - pausedAt;
    }
    const due = started + (i * 1000) / perSecond;
    if (due > Date.now()) await sleep(due - Date.now());
    pending.push(send(i));
  }
  return Promise.all(pending);
}
