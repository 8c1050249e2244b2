import { Binary, MongoServerError, type Db, type ObjectId } from 'mongodb';
import { z } from 'zod';
import type { KeptFile } from '../core/files';
import type { FileStore } from '../core/ports/file-store';
import { COLLECTIONS } from './collections';
import { filterString } from './filter-values';
import { dateSchema, userRefSchema } from './ticket-document';

/** The `files.files` document GridFS reads, with Lapis's metadata. */
const fileDocumentSchema = z.object({
  _id: z.string().min(1),
  length: z.number().int().nonnegative(),
  chunkSize: z.number().int().positive(),
  filename: z.string(),
  metadata: z.object({
    name: z.string(),
    mimeType: z.string(),
    from: userRefSchema,
    at: dateSchema,
  }),
});
type FileDocument = z.infer<typeof fileDocumentSchema>;

/** A `files.chunks` document: `data` is the n-th slice of the file, `chunkSize` bytes long but the last. */
const chunkSchema = z.object({
  n: z.number().int().nonnegative(),
  data: z.instanceof(Binary),
});
interface ChunkDocument {
  /** Ours: chunkId(files_id, n); the former GridFSBucket writer's: an ObjectId. */
  _id: string | ObjectId;
  files_id: string;
  n: number;
  data: Binary;
}

/**
 * The chunk size Lapis writes (GridFS readers take each file's from its files document). Larger
 * than GridFS's 255 kB default because each chunk read costs a scan of the collection on FerretDB
 * 1.24 (SQLite): a screenshot is one chunk, a 20 MB file five. Well under the 16 MB document limit.
 */
export const FILE_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * A chunk's `_id`, known from the file id alone, so a file's chunks are found by `_id`: the one
 * filter FerretDB 1.24 (SQLite) hands to SQL. SQLite still scans the table for it (the WHERE's
 * `->'$._id'` is not the expression its `_id` index is on), but in SQL and stopping at the match,
 * where a filter on `files_id` has FerretDB decode every chunk of the collection in Go. Readers that
 * follow GridFS (the driver's GridFSBucket, mongofiles) find chunks by `files_id` and `n` and never
 * look at their `_id` (the GridFS spec describes it as an ObjectId, but no reader depends on it).
 */
export const chunkId = (fileId: string, n: number) => `${fileId}#${n}`;

/** How long a put that raced another put of the same file waits for the other to finish. */
const RACE_WAIT_MS = 30_000;

const isDuplicateKey = (error: unknown) =>
  error instanceof MongoServerError && error.code === 11000;

/**
 * Kept files in the GridFS layout (bucket `files`), `_id` the KeptFile id. The chunks are written
 * first, by their known ids, and the files document last; a file is only read through its files
 * document, so an upload cut short leaves no file, only chunks, which the next put of that id finds
 * by id and keeps or replaces.
 */
export function createMongoFileStore(
  db: Db,
  { chunkBytes = FILE_CHUNK_BYTES }: { chunkBytes?: number } = {},
): FileStore {
  const docs = db.collection<FileDocument & { uploadDate: Date }>(COLLECTIONS.fileDocs);
  const chunks = db.collection<ChunkDocument>(COLLECTIONS.fileChunks);

  async function fileDocument(id: string): Promise<FileDocument | undefined> {
    const document = await docs.findOne({ _id: filterString(id, 'file id') });
    if (!document) return undefined;
    const parsed = fileDocumentSchema.safeParse(document);
    if (!parsed.success)
      throw new Error(`files: malformed document ${id}:\n${z.prettifyError(parsed.error)}`);
    return parsed.data;
  }

  async function get(id: string): Promise<KeptFile | undefined> {
    const document = await fileDocument(id);
    if (!document) return undefined;
    const { _id, length, metadata } = document;
    return { id: _id, size: length, ...metadata };
  }

  /** The file another upload of the same id is writing, once its files document is there. */
  async function waitForFile(id: string): Promise<KeptFile> {
    for (let waited = 0; waited < RACE_WAIT_MS; waited += 100) {
      const kept = await get(id);
      if (kept) return kept;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Neither finished (the other died): the step is redone, and overwrites the leftovers.
    throw new Error(`file ${id} is being kept by another upload that did not finish`);
  }

  /**
   * Writes chunk n by inserting it: an insert meets a clash through SQLite's unique indexes, while
   * an update or a delete (and a find that misses) scans the collection on FerretDB. True when an
   * earlier attempt had left the chunk (so more may be left past the end).
   */
  async function writeChunk(id: string, n: number, data: Uint8Array): Promise<boolean> {
    const chunk = { _id: chunkId(id, n), files_id: id, n, data: new Binary(data) };
    for (let attempt = 0; ; attempt++) {
      try {
        await chunks.insertOne(chunk);
        return false;
      } catch (error) {
        if (!isDuplicateKey(error) || attempt > 0) throw error;
      }
      const held = await chunks.findOne({ _id: chunk._id });
      if (held) {
        // Written by an attempt cut short, or by a racing put of the same file: the same bytes, kept
        // as they are; other bytes (never expected under one id) are replaced.
        if (!Buffer.from(held.data.value()).equals(data))
          await chunks.replaceOne({ _id: chunk._id }, chunk);
        return true;
      }
      // The unique index on {files_id, n} refused it: a chunk of an upload cut short by the former
      // GridFSBucket writer (ObjectId `_id`). Only this case needs the scan on files_id.
      await chunks.deleteMany({ files_id: id, _id: { $type: 'objectId' } });
    }
  }

  async function writeFile(file: Omit<KeptFile, 'size'>, bytes: Uint8Array): Promise<void> {
    const { id, name, mimeType, from, at } = file;
    let n = 0;
    let leftovers = false;
    for (let start = 0; start < bytes.length; start += chunkBytes, n++)
      leftovers = (await writeChunk(id, n, bytes.subarray(start, start + chunkBytes))) || leftovers;
    // Chunks past the end, left by an earlier attempt with more of them: GridFS readers would take
    // them for part of the file. Looked for only after an earlier attempt showed (a find by `_id`
    // that misses scans the whole collection), by id until one is missing, then deleted.
    if (leftovers || n === 0)
      for (; await chunks.findOne({ _id: chunkId(id, n) }, { projection: { _id: 1 } }); n++)
        await chunks.deleteOne({ _id: chunkId(id, n) });
    // Last: from here on the file is readable, and whole.
    await docs.insertOne({
      _id: id,
      length: bytes.length,
      chunkSize: chunkBytes,
      uploadDate: new Date(),
      filename: name,
      metadata: { name, mimeType, from, at },
    });
  }

  /**
   * The file's chunks, looked up by id one at a time: FerretDB hands `{_id: x}` to SQL, but answers
   * `{_id: {$in: [...]}}` by decoding every chunk in Go (see bench/file-store.ts).
   */
  async function chunksById(id: string, count: number): Promise<unknown[]> {
    const found: unknown[] = [];
    for (let n = 0; n < count; n++) {
      const chunk = await chunks.findOne({ _id: chunkId(id, n) });
      if (!chunk) break;
      found.push(chunk);
    }
    return found;
  }

  /** The bytes of `file` from its chunks, each checked against the files document. */
  function assemble(file: FileDocument, found: unknown[], count: number): Uint8Array {
    const sorted = found.map((chunk) => chunkSchema.parse(chunk)).sort((a, b) => a.n - b.n);
    const bytes = new Uint8Array(file.length);
    for (let n = 0; n < count; n++) {
      const chunk = sorted[n];
      const data = chunk?.n === n ? chunk.data.value() : undefined;
      const expected = Math.min(file.chunkSize, file.length - n * file.chunkSize);
      if (data?.length !== expected)
        throw new Error(`file ${file._id}: chunk ${n} is missing or of the wrong size`);
      bytes.set(data, n * file.chunkSize);
    }
    if (sorted.length !== count) throw new Error(`file ${file._id}: chunks past its end`);
    return bytes;
  }

  return {
    get,

    async put(file, bytes) {
      const id = filterString(file.id, 'file id');
      const kept = await get(id);
      if (kept) return kept;
      try {
        await writeFile({ ...file, id }, bytes);
      } catch (error) {
        // The same file being kept by another run of the step at once (its files document came
        // first): it is the same file, so theirs is taken once it is whole.
        if (!isDuplicateKey(error)) throw error;
        return waitForFile(id);
      }
      const stored = await get(id);
      if (!stored) throw new Error(`file ${id} was not kept`);
      return stored;
    },

    async read(id) {
      const file = await fileDocument(id);
      if (!file) return undefined;
      const count = Math.ceil(file.length / file.chunkSize);
      let found = await chunksById(file._id, count);
      // No chunk under the known ids: a file written by GridFSBucket before this store wrote its own
      // chunks (ObjectId chunk ids), found the GridFS way, by files_id (which FerretDB answers by
      // decoding every chunk; such a read also pays the scan that missed chunk 0).
      if (count > 0 && found.length === 0)
        found = await chunks.find({ files_id: file._id }).toArray();
      return assemble(file, found, count);
    },
  };
}
