import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GridFSBucket, type Db, type ObjectId } from 'mongodb';
import type { KeptFile } from '../src/core/files';
import { COLLECTIONS } from '../src/store/collections';
import { connectMongo } from '../src/store/connect-mongo';
import { startEmbeddedDatabase } from '../src/store/embedded/start-embedded-database';
import { ensureIndexes } from '../src/store/ensure-indexes';
import { createMongoFileStore, FILE_CHUNK_BYTES } from '../src/store/mongo-file-store';

/**
 * `npm run bench:files`: 400 KB files put one after another into the file store on a fresh embedded
 * database; at 1, 10, 40, 80 and 200 files stored, reads of the newest and of the oldest file and
 * the puts are timed. FerretDB 1.24 (SQLite) finds a chunk by `_id` with an SQL scan that stops at
 * the match (so the newest file is the dearest), and one by `files_id` (GridFSBucket's way, the
 * former store's) by decoding every chunk in Go: the newest file's read is held to a fraction of the
 * latter, measured on the same data; the oldest file's read and the puts to a fixed bound. The
 * script exits 1 when a row fails. `$in` times the other way to fetch chunks by `_id`.
 */
const STEPS = (process.env.BENCH_FILES_STEPS ?? '1,10,40,80,200').split(',').map(Number);
const FILE_BYTES = 400 * 1024;
/** A read of a file stored early, and a put, whatever is stored. */
const FLAT_BOUND_MS = Number(process.env.BENCH_FILES_FLAT_MS ?? 60);
/** The newest file (the dearest to find) read at least this many times faster than by files_id. */
const NEWEST_GAIN = Number(process.env.BENCH_FILES_GAIN ?? 4);
const SAMPLES = 7;

const fileOf = (i: number): Omit<KeptFile, 'size'> => ({
  id: `slack:F${i}`,
  name: `screenshot-${i}.png`,
  mimeType: 'image/png',
  from: { platform: 'slack', id: 'U1', name: 'Budi' },
  at: new Date('2026-11-30T02:00:00Z'),
});

async function median(times: number, run: () => Promise<unknown>): Promise<number> {
  const taken: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    taken.push(performance.now() - started);
  }
  taken.sort((a, b) => a - b);
  return taken[Math.floor(taken.length / 2)] ?? NaN;
}

/** One file's chunk ids as the store writes them (`${fileId}#${n}`). */
const chunkIds = (fileId: string) =>
  Array.from({ length: Math.ceil(FILE_BYTES / FILE_CHUNK_BYTES) }, (_, n) => `${fileId}#${n}`);

/** A file read the way GridFSBucket (and the former store) reads it: chunks by `files_id`. */
async function readByFilesId(bucket: GridFSBucket, id: string): Promise<number> {
  let length = 0;
  for await (const part of bucket.openDownloadStream(id as unknown as ObjectId))
    length += (part as Buffer).length;
  return length;
}

async function bench(db: Db): Promise<boolean> {
  const store = createMongoFileStore(db);
  const bucket = new GridFSBucket(db, { bucketName: COLLECTIONS.fileBucket });
  const chunks = db.collection<{ _id: string }>(COLLECTIONS.fileChunks);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(
    '| files stored | MB stored | read newest | bound: max(flat, files_id / gain) | newest by files_id (GridFSBucket) | read oldest | put (median of the step) | bound | newest chunks by $in | ok |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  let stored = 0;
  let allOk = true;
  for (const step of STEPS) {
    const puts: number[] = [];
    for (; stored < step; stored++) {
      const bytes = randomBytes(FILE_BYTES);
      const started = performance.now();
      await store.put(fileOf(stored), bytes);
      puts.push(performance.now() - started);
    }
    puts.sort((a, b) => a - b);
    const put = puts[Math.floor(puts.length / 2)] ?? NaN;
    // SQLite scans in insertion order and stops at the match: the newest file is the dearest.
    const readOne = (id: string) => async () => {
      const bytes = await store.read(id);
      if (bytes?.length !== FILE_BYTES) throw new Error(`read the wrong bytes of ${id}`);
    };
    const newest = fileOf(step - 1).id;
    const readNewest = await median(SAMPLES, readOne(newest));
    const readOldest = await median(SAMPLES, readOne(fileOf(0).id));
    const byFilesId = await median(3, async () => {
      if ((await readByFilesId(bucket, newest)) !== FILE_BYTES) throw new Error('short read');
    });
    const ids = chunkIds(newest);
    const byIn = await median(3, () => chunks.find({ _id: { $in: ids } }).toArray());
    const newestBound = Math.max(FLAT_BOUND_MS, byFilesId / NEWEST_GAIN);
    const ok = readNewest <= newestBound && readOldest <= FLAT_BOUND_MS && put <= FLAT_BOUND_MS;
    allOk &&= ok;
    console.log(
      `| ${step} | ${((step * FILE_BYTES) / 2 ** 20).toFixed(1)} | ${ms(readNewest)} | ` +
        `<= ${ms(newestBound)} | ${ms(byFilesId)} | ${ms(readOldest)} | ${ms(put)} | ` +
        `<= ${FLAT_BOUND_MS} ms (both) | ${ms(byIn)} | ${ok ? 'ok' : '**FAIL**'} |`,
    );
  }
  return allOk;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lapis-file-bench-'));
  const server = await startEmbeddedDatabase(dir, (msg) => process.stderr.write(`[db] ${msg}\n`));
  const conn = await connectMongo({ uri: server.uri, dbName: 'file_bench', timeoutMs: 10_000 });
  let ok = false;
  try {
    console.log(`server: ${server.kind}; files of ${FILE_BYTES / 1024} KB`);
    await ensureIndexes(conn.db);
    ok = await bench(conn.db);
  } finally {
    await conn.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  if (!ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
