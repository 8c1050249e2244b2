import { randomBytes } from 'node:crypto';
import { GridFSBucket, type Db, type ObjectId } from 'mongodb';
import type { KeptFile } from '../../../src/core/files';
import { COLLECTIONS } from '../../../src/store/collections';
import { ensureIndexes } from '../../../src/store/ensure-indexes';
import {
  chunkId,
  createMongoFileStore,
  FILE_CHUNK_BYTES,
} from '../../../src/store/mongo-file-store';
import { openTestDatabase } from '../../support/test-database';

const budi = { platform: 'slack', id: 'U1', name: 'Budi' } as const;
const fileOf = (id: string, name = 'error.png'): Omit<KeptFile, 'size'> => ({
  id,
  name,
  mimeType: 'image/png',
  from: budi,
  at: new Date('2026-11-30T02:00:00Z'),
});
/** GridFS's default chunk size, so that files of a few hundred kB have several chunks. */
const small = { chunkBytes: 255 * 1024 };

describe('MongoDB file store (GridFS)', () => {
  let db: Db;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    const conn = await openTestDatabase();
    await ensureIndexes(conn.db);
    db = conn.db;
    dispose = () => conn.dispose();
  });
  afterEach(() => dispose());

  it('keeps a file under its id, with its metadata, and reads its bytes back', async () => {
    const store = createMongoFileStore(db);
    const bytes = randomBytes(1000);
    const kept = await store.put(fileOf('slack:F1'), bytes);
    expect(kept).toEqual({ ...fileOf('slack:F1'), size: 1000 });
    expect(await store.get('slack:F1')).toEqual(kept);
    expect(Buffer.from((await store.read('slack:F1')) ?? [])).toEqual(bytes);
    expect(await store.get('slack:F2')).toBeUndefined();
    expect(await store.read('slack:F2')).toBeUndefined();
    // The GridFS document itself: _id the KeptFile id, the name as its filename.
    const document = await db
      .collection(COLLECTIONS.fileDocs)
      .findOne({ _id: 'slack:F1' as never });
    expect(document).toMatchObject({ _id: 'slack:F1', length: 1000, filename: 'error.png' });
  });

  it('keeps a file once: a second put of the id returns the kept one and stores nothing', async () => {
    const store = createMongoFileStore(db);
    const first = await store.put(fileOf('console:u1'), Buffer.from('first'));
    const again = await store.put(fileOf('console:u1', 'other.png'), Buffer.from('second, longer'));
    expect(again).toEqual(first);
    expect(Buffer.from((await store.read('console:u1')) ?? []).toString()).toBe('first');
    expect(await db.collection(COLLECTIONS.fileDocs).countDocuments()).toBe(1);
    expect(await db.collection(COLLECTIONS.fileChunks).countDocuments()).toBe(1);
  });

  it('keeps one whole file when the same file is put twice at once (a redone step racing the first)', async () => {
    const store = createMongoFileStore(db, small);
    const bytes = randomBytes(700 * 1024); // three chunks
    const [a, b] = await Promise.all([
      store.put(fileOf('slack:race'), bytes),
      store.put(fileOf('slack:race'), bytes),
    ]);
    expect(a).toEqual(b);
    expect(Buffer.from((await store.read('slack:race')) ?? []).equals(bytes)).toBe(true);
    expect(
      await db.collection(COLLECTIONS.fileDocs).countDocuments({ _id: 'slack:race' as never }),
    ).toBe(1);
  });

  it('keeps an empty file and reads it back empty', async () => {
    const store = createMongoFileStore(db);
    expect((await store.put(fileOf('console:empty'), new Uint8Array())).size).toBe(0);
    expect(await store.read('console:empty')).toEqual(new Uint8Array());
  });

  it('keeps a 20 MB file whole', async () => {
    const store = createMongoFileStore(db);
    const bytes = randomBytes(20 * 1024 * 1024);
    expect((await store.put(fileOf('slack:big'), bytes)).size).toBe(bytes.length);
    const chunks = db.collection(COLLECTIONS.fileChunks);
    expect(await chunks.countDocuments({ files_id: 'slack:big' })).toBe(
      Math.ceil(bytes.length / FILE_CHUNK_BYTES),
    );
    // GridFSBucket reads its chunks of FILE_CHUNK_BYTES by the chunkSize of its files document.
    const bucket = new GridFSBucket(db, { bucketName: COLLECTIONS.fileBucket });
    const parts: Buffer[] = [];
    for await (const part of bucket.openDownloadStream('slack:big' as unknown as ObjectId))
      parts.push(part as Buffer);
    expect(Buffer.concat(parts).equals(bytes)).toBe(true);
    const read = Buffer.from((await store.read('slack:big')) ?? []);
    expect(read.length).toBe(bytes.length);
    expect(read.equals(bytes)).toBe(true);
  }, 120_000);

  it('leaves nothing readable of an upload cut short, and a later put keeps it whole', async () => {
    const store = createMongoFileStore(db);
    // An upload whose process died after two chunks: GridFS writes the files document last.
    const bucket = new GridFSBucket(db, { bucketName: COLLECTIONS.fileBucket });
    const cut = bucket.openUploadStreamWithId('slack:cut' as unknown as ObjectId, 'cut.png', {
      chunkSizeBytes: 1024,
    });
    await new Promise<void>((resolve, reject) =>
      cut.write(randomBytes(2500), (err) => (err ? reject(err) : resolve())),
    );
    const chunks = db.collection(COLLECTIONS.fileChunks);
    expect(await chunks.countDocuments({ files_id: 'slack:cut' })).toBe(2);
    cut.destroy();
    expect(await store.get('slack:cut')).toBeUndefined();
    expect(await store.read('slack:cut')).toBeUndefined();

    const bytes = randomBytes(3000);
    await store.put(fileOf('slack:cut'), bytes);
    expect(Buffer.from((await store.read('slack:cut')) ?? []).equals(bytes)).toBe(true);
    // The cut upload's chunks are gone: only the new upload's one chunk (255 kB chunks) is left.
    expect(await chunks.countDocuments({ files_id: 'slack:cut' })).toBe(1);
  });

  it('reads the chunks in their order, whatever order the server holds them in', async () => {
    const store = createMongoFileStore(db, small);
    const bytes = randomBytes(600 * 1024); // three chunks of 255 kB
    await store.put(fileOf('slack:order'), bytes);
    const chunks = db.collection(COLLECTIONS.fileChunks);
    const held = await chunks.find({ files_id: 'slack:order' }).toArray();
    expect(held).toHaveLength(3);
    await chunks.deleteMany({ files_id: 'slack:order' });
    for (const chunk of held.reverse()) await chunks.insertOne(chunk);
    expect(Buffer.from((await store.read('slack:order')) ?? []).equals(bytes)).toBe(true);
  });

  it('writes chunks under ids known from the file id, which GridFSBucket reads like its own', async () => {
    const store = createMongoFileStore(db, small);
    const bytes = randomBytes(600 * 1024); // three chunks
    await store.put(fileOf('teams:gridfs'), bytes);
    const held = await db
      .collection(COLLECTIONS.fileChunks)
      .find({ files_id: 'teams:gridfs' }, { projection: { _id: 1, n: 1 } })
      .sort({ n: 1 })
      .toArray();
    expect(held).toEqual([0, 1, 2].map((n) => ({ _id: chunkId('teams:gridfs', n), n })));
    expect(held[1]?._id).toBe('teams:gridfs#1');
    const bucket = new GridFSBucket(db, { bucketName: COLLECTIONS.fileBucket });
    const parts: Buffer[] = [];
    for await (const part of bucket.openDownloadStream('teams:gridfs' as unknown as ObjectId))
      parts.push(part as Buffer);
    expect(Buffer.concat(parts).equals(bytes)).toBe(true);
    const [listed] = await bucket.find({ _id: 'teams:gridfs' as unknown as ObjectId }).toArray();
    expect(listed).toMatchObject({
      length: bytes.length,
      chunkSize: 255 * 1024,
      filename: 'error.png',
    });
    expect(listed?.uploadDate).toBeInstanceOf(Date);
  });

  it('reads a file GridFSBucket wrote (ObjectId chunk ids) through files_id', async () => {
    const bucket = new GridFSBucket(db, { bucketName: COLLECTIONS.fileBucket });
    const bytes = randomBytes(300 * 1024); // two chunks
    const { id: _id, ...metadata } = fileOf('slack:legacy');
    const upload = bucket.openUploadStreamWithId(_id as unknown as ObjectId, metadata.name, {
      metadata,
    });
    await new Promise<void>((resolve, reject) => {
      upload.once('finish', resolve).once('error', reject);
      upload.end(bytes);
    });
    const store = createMongoFileStore(db);
    expect(await store.get('slack:legacy')).toEqual({
      ...fileOf('slack:legacy'),
      size: bytes.length,
    });
    expect(Buffer.from((await store.read('slack:legacy')) ?? []).equals(bytes)).toBe(true);
  });

  it('overwrites the chunks of its own upload cut short by id, and removes those past the end', async () => {
    const chunks = db.collection(COLLECTIONS.fileChunks);
    // An earlier attempt died after three chunks, before its files document.
    for (const n of [0, 1, 2])
      await chunks.insertOne({
        _id: chunkId('slack:redo', n) as never,
        files_id: 'slack:redo',
        n,
        data: randomBytes(255 * 1024),
      });
    const store = createMongoFileStore(db, small);
    const bytes = randomBytes(300 * 1024); // two chunks
    await store.put(fileOf('slack:redo'), bytes);
    expect(Buffer.from((await store.read('slack:redo')) ?? []).equals(bytes)).toBe(true);
    expect(await chunks.countDocuments({ files_id: 'slack:redo' })).toBe(2);
    const bucket = new GridFSBucket(db, { bucketName: COLLECTIONS.fileBucket });
    const parts: Buffer[] = [];
    for await (const part of bucket.openDownloadStream('slack:redo' as unknown as ObjectId))
      parts.push(part as Buffer);
    expect(Buffer.concat(parts).equals(bytes)).toBe(true);
  });

  it('refuses to read a file whose chunk is missing, rather than return part of it', async () => {
    const store = createMongoFileStore(db, small);
    await store.put(fileOf('slack:hole'), randomBytes(600 * 1024));
    await db
      .collection(COLLECTIONS.fileChunks)
      .deleteOne({ _id: chunkId('slack:hole', 1) as never });
    await expect(store.read('slack:hole')).rejects.toThrow(/chunk 1/);
  });

  it('has the indexes GridFS looks for, so the driver creates none at the first upload', async () => {
    const keys = async (name: string) =>
      (await db.collection(name).listIndexes().toArray()).map((i: { key: object }) => i.key);
    expect(await keys(COLLECTIONS.fileChunks)).toContainEqual({ files_id: 1, n: 1 });
    expect(await keys(COLLECTIONS.fileDocs)).toContainEqual({ filename: 1, uploadDate: 1 });
  });

  it('refuses an id that is not a string, rather than query with it', async () => {
    const store = createMongoFileStore(db);
    await expect(store.get({ $ne: null } as never)).rejects.toThrow(TypeError);
  });
});
