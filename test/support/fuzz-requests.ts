import fc from 'fast-check';

/** One generated HTTP request. */
export interface FuzzRequest {
  readonly body: string;
  readonly contentType: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Appended to the endpoint's URL (a query string). */
  readonly query?: string;
  /** A short label of what was generated, for the report. */
  readonly label: string;
}

export interface FuzzStats {
  readonly endpoint: string;
  readonly runs: number;
  readonly statuses: Record<string, number>;
  readonly slowestMs: number;
  readonly slowest: string;
  readonly heapBeforeMb: number;
  readonly heapAfterMb: number;
}

/** How many cases per endpoint: a short run in CI, `npm run fuzz` sets FUZZ_RUNS=10000. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

/**
 * Sends every generated request and records status codes and the slowest one. The property is that
 * nothing is a 5xx (nor a dropped connection); fast-check shrinks a failure to the smallest body.
 */
export async function fuzzEndpoint(
  endpoint: string,
  url: string,
  requests: fc.Arbitrary<FuzzRequest>,
  expectStatus: (status: number, request: FuzzRequest) => boolean = (s) => s < 500,
  runs = FUZZ_RUNS,
): Promise<FuzzStats> {
  const statuses: Record<string, number> = {};
  let slowestMs = 0;
  let slowest = '';
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  await fc.assert(
    fc.asyncProperty(requests, async (request) => {
      const started = performance.now();
      const response = await fetch(`${url}${request.query ?? ''}`, {
        method: 'POST',
        headers: { 'content-type': request.contentType, ...request.headers },
        body: request.body,
      });
      await response.arrayBuffer();
      const ms = performance.now() - started;
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      if (ms > slowestMs)
        [slowestMs, slowest] = [ms, `${request.label} (${request.body.length} B)`];
      return expectStatus(response.status, request);
    }),
    { numRuns: runs, seed: Number(process.env.FUZZ_SEED ?? 20261203), endOnFailure: false },
  );
  global.gc?.();
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  return {
    endpoint,
    runs,
    statuses,
    slowestMs: Math.round(slowestMs),
    slowest,
    heapBeforeMb: mb(heapBefore),
    heapAfterMb: mb(process.memoryUsage().heapUsed),
  };
}

/** A Markdown row per endpoint, for the fuzz report. */
export function fuzzTable(stats: readonly FuzzStats[]): string {
  const rows = stats.map(
    (s) =>
      `| ${s.endpoint} | ${s.runs} | ${Object.entries(s.statuses)
        .map(([status, n]) => `${status}: ${n}`)
        .join(', ')} | ${s.slowestMs} ms: ${s.slowest} | ${s.heapBeforeMb} → ${s.heapAfterMb} MB |`,
  );
  return [
    '| endpoint | requests | status codes | slowest | heap before → after |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Text of every awkward shape: long words, Zalgo, half-open tags, emoji, RTL marks, mentions. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom(
    'a'.repeat(4000),
    'laptopp'.repeat(5000),
    '<p '.repeat(10_000),
    'e\u0301\u0302\u0303'.repeat(3000),
    '🙂'.repeat(10_000),
    'vpn\u200f'.repeat(5000),
    '<!channel> <!here> <@U0AAAAAAA> @everyone',
    '{"$ne": null}',
    'lupa password',
    'printer paper jam',
  ),
);

/** Any JSON at all, to stand where a well-formed object is expected. */
export const anyJson = fc.jsonValue({ maxDepth: 3 });
