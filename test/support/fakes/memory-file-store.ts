import type { KeptFile } from '../../../src/core/files';
import type { FileStore } from '../../../src/core/ports/file-store';

/** In-memory FileStore for unit tests of the core (same contract as the GridFS store). */
export function createMemoryFileStore(): FileStore & { readonly puts: () => number } {
  const files = new Map<string, { file: KeptFile; bytes: Uint8Array }>();
  let puts = 0;
  return {
    puts: () => puts,
    put(file, bytes) {
      const kept = files.get(file.id);
      if (kept) return Promise.resolve(kept.file);
      puts++;
      const stored: KeptFile = { ...file, size: bytes.byteLength };
      files.set(file.id, { file: stored, bytes: new Uint8Array(bytes) });
      return Promise.resolve(stored);
    },
    get: (id) => Promise.resolve(files.get(id)?.file),
    read: (id) => {
      const kept = files.get(id);
      return Promise.resolve(kept && new Uint8Array(kept.bytes));
    },
  };
}
