import type { KeptFile } from '../files';

/**
 * Where files are kept (GridFS on MongoDB and FerretDB). A file is written whole or not at all: a
 * reader never sees half of one, and a write cut short leaves nothing behind under its id.
 */
export interface FileStore {
  /**
   * Keeps `bytes` under `file.id`; when that id is already kept, returns the kept one unchanged (a
   * redone step stores nothing twice).
   */
  put(file: Omit<KeptFile, 'size'>, bytes: Uint8Array): Promise<KeptFile>;
  get(id: string): Promise<KeptFile | undefined>;
  /** The bytes of a kept file; undefined when there is no such file. */
  read(id: string): Promise<Uint8Array | undefined>;
}
