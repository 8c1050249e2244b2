/**
 * `npx tsx scripts/postgres/probe.ts [--docs 1000,10000] [--samples 15]`: how single-document operations
 * scale with collection size on FerretDB 1.24 with its SQLite backend (the embedded default) and with
 * its PostgreSQL backend. Each backend gets a fresh server in a temporary folder, one after the other
 * (never both at once, so they do not share the CPU); a collection is filled with ~2 KB documents up to
 * each size, then each operation is timed `samples` times on random documents. Prints a markdown table
 * of medians in milliseconds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MongoClient, type Collection } from 'mongodb';
import { startFerretdb } from '../../src/store/embedded/start-ferretdb';
import { startFerretdbPostgres } from './start-ferretdb-postgres';

interface ProbeDoc {
  _id: string;
  /** Unique, indexed: the "other field" looked up by equality. */
  ref: string;
  /** Not indexed. */
  n: number;
  at: Date;
  tags: string[];
  body: string;
}

const OPERATIONS = [
  'findOne by _id',
  'find by other field (indexed)',
  'find by other field (no index)',
  'updateOne by _id ($set)',
  'deleteOne by _id',
  'insertOne',
] as const;
type Operation = (typeof OPERATIONS)[number];

let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const WORDS = 'printer jam vpn laptop password email wifi badge monitor dock fuser tray'.split(' ');

/** ~2 KB as BSON: a body of words (not one repeated byte) and a few small fields. */
function makeDoc(i: number): ProbeDoc {
  let body = '';
  while (body.length < 1900) body += `${WORDS[Math.floor(random() * WORDS.length)]} `;
  return {
    _id: `doc-${i}`,
    ref: `ref-${i}`,
    n: i,
    at: new Date(1_700_000_000_000 + i * 1000),
    tags: [WORDS[i % WORDS.length]!, `t${i % 7}`],
    body,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function timed(samples: number, op: (i: number) => Promise<unknown>): Promise<number> {
  await op(-1); // warm-up, not counted
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = process.hrtime.bigint();
    await op(i);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}

interface SizeResult {
  readonly fillMs: number;
  readonly medians: Record<Operation, number>;
}

/** Fills `collection` from `from` to `size` documents, then times each operation at that size. */
async function probeAt(
  collection: Collection<ProbeDoc>,
  from: number,
  size: number,
  samples: number,
  nextInsert: { value: number },
): Promise<SizeResult> {
  const started = Date.now();
  for (let i = from; i < size; i += 500) {
    const batch = Array.from({ length: Math.min(500, size - i) }, (_, k) => makeDoc(i + k));
    await collection.insertMany(batch, { ordered: false });
  }
  const fillMs = Date.now() - started;
  const pick = () => Math.floor(random() * size);
  // Deleted documents are put back afterwards, so that every size starts from the same state.
  const deleted: number[] = [];
  const medians = {} as Record<Operation, number>;
  medians['findOne by _id'] = await timed(samples, () =>
    collection.findOne({ _id: `doc-${pick()}` }),
  );
  medians['find by other field (indexed)'] = await timed(samples, () =>
    collection.find({ ref: `ref-${pick()}` }).toArray(),
  );
  medians['find by other field (no index)'] = await timed(samples, () =>
    collection.find({ n: pick() }).toArray(),
  );
  medians['updateOne by _id ($set)'] = await timed(samples, () =>
    collection.updateOne({ _id: `doc-${pick()}` }, { $set: { at: new Date() } }),
  );
  medians['deleteOne by _id'] = await timed(samples, () => {
    const i = pick();
    deleted.push(i);
    return collection.deleteOne({ _id: `doc-${i}` });
  });
  medians.insertOne = await timed(samples, () =>
    collection.insertOne(makeDoc(1_000_000 + nextInsert.value++)),
  );
  for (const i of new Set(deleted)) {
    await collection.replaceOne({ _id: `doc-${i}` }, makeDoc(i), { upsert: true });
  }
  return { fillMs, medians };
}

async function probeBackend(
  label: string,
  start: (dataDir: string) => Promise<{ uri: string; stop(): Promise<void> }>,
  sizes: number[],
  samples: number,
): Promise<SizeResult[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lapis-probe-'));
  const log = (msg: string) => console.error(`probe [${label}]: ${msg}`);
  const server = await start(dir);
  const client = new MongoClient(server.uri, { serverSelectionTimeoutMS: 5000 });
  try {
    const collection = client.db('lapis_probe').collection<ProbeDoc>('docs');
    await collection.createIndex({ ref: 1 }, { unique: true });
    const results: SizeResult[] = [];
    let from = 0;
    const nextInsert = { value: 0 };
    for (const size of sizes) {
      log(`filling to ${size.toLocaleString('en')} documents and timing`);
      results.push(await probeAt(collection, from, size, samples, nextInsert));
      from = size;
    }
    await client.db('lapis_probe').dropDatabase();
    return results;
  } finally {
    await client.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { docs: { type: 'string' }, samples: { type: 'string' } },
  });
  const sizes = (values.docs ?? '1000,10000').split(',').map(Number);
  const samples = Number(values.samples ?? 15);
  if (sizes.some((n) => !Number.isInteger(n) || n < 100) || !(samples >= 1)) {
    throw new Error('--docs: sizes of at least 100, comma separated; --samples: at least 1');
  }
  sizes.sort((a, b) => a - b);
  const log = (label: string) => (msg: string) => console.error(`probe [${label}]: ${msg}`);
  const sqlite = await probeBackend(
    'sqlite',
    (dataDir) => startFerretdb({ dataDir, log: log('sqlite') }),
    sizes,
    samples,
  );
  const postgres = await probeBackend(
    'postgresql',
    (dataDir) => startFerretdbPostgres({ dataDir, log: log('postgresql') }),
    sizes,
    samples,
  );

  const count = (n: number) => n.toLocaleString('en');
  const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
  const columns = [
    ...sizes.map((n) => `SQLite, ${count(n)} docs`),
    ...sizes.map((n) => `PostgreSQL, ${count(n)} docs`),
  ];
  const lines = [
    `FerretDB 1.24.2, ~2 KB documents, median of ${samples} sequential calls in ms ` +
      `(one client, loopback; ${os.cpus().length} CPUs, Node ${process.version})`,
    '',
    `| operation | ${columns.join(' | ')} |`,
    `|---|${columns.map(() => '---:').join('|')}|`,
    ...OPERATIONS.map(
      (op) => `| ${op} | ${[...sqlite, ...postgres].map((r) => ms(r.medians[op])).join(' | ')} |`,
    ),
    `| (fill: insertMany of the added documents, batches of 500, total ms) | ${[
      ...sqlite,
      ...postgres,
    ]
      .map((r) => String(r.fillMs))
      .join(' | ')} |`,
  ];
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(
    `probe: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
});
