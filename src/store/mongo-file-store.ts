import { GridFSBucket, MongoServerError, type Db, type ObjectId } from 'mongodb';
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

  async function upload(file: Omit<KeptFile, 'size'>, bytes: Uint8Array): Promise<void> {
    const { id, name, mimeType, from, at } = file;
    const stream = bucket.openUploadStreamWithId(gridId(id), name, {
      metadata: { name, mimeType, from, at },
    });
    await new Promise<void>((resolve, reject) => {
      stream.once('error', reject);
      stream.end(bytes, () => resolve());
    });
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
        // Another run of the same step kept it meanwhile.
        if (!isDuplicateKey(error)) throw error;
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
