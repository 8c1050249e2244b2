import { createHash } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { TextRole } from './embedder';
import { quantize, type QuantizedVector } from './quantized-vector';

/**
 * Passage vectors on disk, keyed by model and text, so a restart embeds only what changed. One
 * append-only file per model: a header, then fixed-size records (16-byte key, scale, int8 vector).
 * A record cut short by a crash is ignored; a file that grew mostly stale is rewritten compactly.
 */
export interface EmbeddingCache {
  get(text: string, role: TextRole): QuantizedVector | undefined;
  /** Remembers vectors (appended to the file at once: another process may read them next). */
  put(
    entries: readonly { text: string; role: TextRole; vector: Float32Array }[],
  ): QuantizedVector[];
  /** Rewrites the file with only the keys used since it was opened, when most of it is stale. */
  compact(): void;
  readonly size: number;
}

const MAGIC = 'LAPISEMB1';
const KEY_BYTES = 16;

export function openEmbeddingCache(
  dir: string,
  modelId: string,
  dimensions: number,
): EmbeddingCache {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${modelId.replace(/[^a-zA-Z0-9.-]+/g, '_')}.bin`);
  const header = Buffer.from(`${MAGIC}\n${modelId}\n${dimensions}\n`);
  const recordBytes = KEY_BYTES + 4 + dimensions;
  const vectors = new Map<string, QuantizedVector>();
  const used = new Set<string>();

  const load = () => {
    if (!existsSync(file)) return writeFileSync(file, header);
    const bytes = readFileSync(file);
    // Another model or layout: start afresh rather than mix vectors of two models.
    if (bytes.length < header.length || !bytes.subarray(0, header.length).equals(header))
      return writeFileSync(file, header);
    // A record cut short by a crash is dropped from the file, so the next append starts aligned.
    const whole =
      header.length + Math.floor((bytes.length - header.length) / recordBytes) * recordBytes;
    if (whole < bytes.length) truncateSync(file, whole);
    for (let at = header.length; at + recordBytes <= whole; at += recordBytes) {
      const key = bytes.toString('base64', at, at + KEY_BYTES);
      const scale = bytes.readFloatLE(at + KEY_BYTES);
      const start = at + KEY_BYTES + 4;
      const values = new Int8Array(dimensions);
      values.set(new Int8Array(bytes.buffer, bytes.byteOffset + start, dimensions));
      vectors.set(key, { scale, values });
    }
  };
  load();

  const keyOf = (text: string, role: TextRole) =>
    createHash('sha256').update(`${role}\0${text}`).digest().subarray(0, KEY_BYTES);

  const recordOf = (key: Buffer, v: QuantizedVector) => {
    const record = Buffer.alloc(recordBytes);
    key.copy(record, 0);
    record.writeFloatLE(v.scale, KEY_BYTES);
    Buffer.from(v.values.buffer, v.values.byteOffset, dimensions).copy(record, KEY_BYTES + 4);
    return record;
  };

  return {
    get(text, role) {
      const key = keyOf(text, role).toString('base64');
      const found = vectors.get(key);
      if (found) used.add(key);
      return found;
    },
    put(entries) {
      const records: Buffer[] = [];
      const out = entries.map(({ text, role, vector }) => {
        const key = keyOf(text, role);
        const q = quantize(vector);
        const k = key.toString('base64');
        if (!vectors.has(k)) records.push(recordOf(key, q));
        vectors.set(k, q);
        used.add(k);
        return q;
      });
      if (records.length) appendFileSync(file, Buffer.concat(records));
      return out;
    },
    compact() {
      if (vectors.size <= 2 * used.size + 1000) return;
      const records = [...used].flatMap((k) => {
        const v = vectors.get(k);
        return v ? [recordOf(Buffer.from(k, 'base64'), v)] : [];
      });
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, Buffer.concat([header, ...records]));
      renameSync(partial, file);
      for (const k of [...vectors.keys()]) if (!used.has(k)) vectors.delete(k);
    },
    get size() {
      return vectors.size;
    },
  };
}
