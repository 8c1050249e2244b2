import { GridFSBucket, MongoServerError, type Db, type ObjectId } from 'mongodb';
import { finished } from 'node:stream/promises';
import { z } from 'zod';
import type { KeptFile } from '../core/files';
import type { FileStore } from '../core/ports/file-store';
import { COLLECTIONS } from './collections';
import { filterString } from './filter-values';
import { dateSchema, userRefSchema } from './ticket-document';

/** The `files.files` document GridFS writes, with Lapis's metadata. */
const fileDocumentSchema = z.object({
  _id: z.string().min(1),
  length: z.number().int().nonnegative(),
  filename: z.string(),
  metadata: z.object({
    name: z.string(),
    mimeType: z.string(),
    from: userRefSchema,
    at: dateSchema,
  }),
});

/** GridFS takes any _id (its types say ObjectId): the KeptFile id is the file's id there. */
const gridId = (id: string) => id as unknown as ObjectId;

/** How long a put that raced another put of the same file waits for the other to finish. */
const RACE_WAIT_MS = 30_000;

const isDuplicateKey = (error: unknown) =>
  error instanceof MongoServerError && error.code === 11000;

/**
 * Kept files in GridFS (bucket `files`), `_id` the KeptFile id. GridFS writes the chunks first and
 * the files document last, and a file is only read through its files document: an upload cut short
 * leaves no file, only chunks, which the next put of that id deletes before it uploads again.
 */
export function createMongoFileStore(db: Db): FileStore {
  const bucket = new GridFSBucket(db, { bucketName: COLLECTIONS.fileBucket });
  const docs = db.collection<{ _id: string }>(COLLECTIONS.fileDocs);
  const chunks = db.collection<{ files_id: string }>(COLLECTIONS.fileChunks);

  async function get(id: string): Promise<KeptFile | undefined> {
    const document = await docs.findOne({ _id: filterString(id, 'file id') });
    if (!document) return undefined;
    const parsed = fileDocumentSchema.safeParse(document);
    if (!parsed.success)
      throw new Error(`files: malformed document ${id}:\n${z.prettifyError(parsed.error)}`);
    const { _id, length, metadata } = parsed.data;
    return { id: _id, size: length, ...metadata };
  }

  /** The file another upload of the same id is writing, once its files document is there. */
  async function waitForFile(id: string): Promise<KeptFile> {
    for (let waited = 0; waited < RACE_WAIT_MS; waited += 100) {
      const kept = await get(id);
      if (kept) return kept;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Neither finished (the other died): the step is redone, and finds the leftovers to remove.
    throw new Error(`file ${id} is being kept by another upload that did not finish`);
  }

  async function upload(file: Omit<KeptFile, 'size'>, bytes: Uint8Array): Promise<void> {
    const { id, name, mimeType, from, at } = file;
    const stream = bucket.openUploadStreamWithId(gridId(id), name, {
      metadata: { name, mimeType, from, at },
    });
    // Settles once the files document is written, or with the error that stopped the upload.
    stream.end(bytes);
    await finished(stream);
  }

  return {
    get,

    async put(file, bytes) {
      const id = filterString(file.id, 'file id');
      const kept = await get(id);
      if (kept) return kept;
      // Chunks of an upload cut short (no files document was written): never read, removed now.
      await chunks.deleteMany({ files_id: id });
      try {
        await upload(file, bytes);
      } catch (error) {
        // The same file being kept by another run of the step at once (its chunks or its files
        // document came first): it is the same file, so theirs is taken once it is whole.
        if (!isDuplicateKey(error)) throw error;
        return waitForFile(id);
      }
      const stored = await get(id);
      if (!stored) throw new Error(`file ${id} was not kept`);
      return stored;
    },

    async read(id) {
      if (!(await get(id))) return undefined;
      const parts: Buffer[] = [];
      for await (const part of bucket.openDownloadStream(gridId(id))) parts.push(part as Buffer);
      return new Uint8Array(Buffer.concat(parts));
    },
  };
}
