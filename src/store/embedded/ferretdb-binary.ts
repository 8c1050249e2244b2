import { execFile } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { projectRoot } from '../../util/project-root';

const run = promisify(execFile);

export const FERRETDB_VERSION = 'v1.24.2';
const MODULE = 'github.com/FerretDB/FerretDB';

/** Where the project caches its own FerretDB build (git-ignored). */
export function ferretdbBinaryPath(root: string = projectRoot()): string {
  return path.join(root, '.cache', 'ferretdb', FERRETDB_VERSION, 'ferretdb');
}

export async function hasGo(): Promise<boolean> {
  try {
    await run('go', ['version']);
    return true;
  } catch {
    return false;
  }
}

async function go(args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run('go', args, {
      cwd,
      // Pure-Go SQLite: no C toolchain needed. GOFLAGS from the caller could force -mod=vendor etc.
      env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-buildvcs=false', GOWORK: 'off' },
      maxBuffer: 32 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const detail =
      error instanceof Error && 'stderr' in error ? String(error.stderr) : String(error);
    throw new Error(`go ${args.join(' ')} failed:\n${detail.trim()}`);
  }
}

/**
 * Builds FerretDB once from the Go module proxy into the project cache and returns the binary.
 *
 * A plain `go install .../cmd/ferretdb@v1.24.2` compiles but panics at start: the module zip lacks the
 * generated build/version/version.txt that the binary embeds. So we download the same module, add that
 * one file, and `go build ./cmd/ferretdb` from it. A cached build is reused; only the first run pays
 * the one-minute compile.
 */
export async function ensureFerretdbBinary(log: (msg: string) => void = () => {}): Promise<string> {
  const binary = ferretdbBinaryPath();
  if (existsSync(binary)) return binary;
  mkdirSync(path.dirname(binary), { recursive: true });
  log(
    `building FerretDB ${FERRETDB_VERSION} with Go into ${path.dirname(binary)} (first run only, ` +
      'about a minute; Go keeps ~650 MB of modules in its module cache and ~350 MB in its build cache)',
  );
  const work = mkdtempSync(path.join(os.tmpdir(), 'lapis-ferretdb-src-'));
  try {
    log(`FerretDB build 1/2: downloading ${MODULE}@${FERRETDB_VERSION} from the Go module proxy`);
    const info = z
      .object({ Dir: z.string() })
      .parse(
        JSON.parse(await go(['mod', 'download', '-json', `${MODULE}@${FERRETDB_VERSION}`], work)),
      );
    const src = path.join(work, 'src');
    cpSync(info.Dir, src, { recursive: true });
    chmodRecursive(src);
    writeFileSync(path.join(src, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    const partial = `${binary}.partial`;
    log('FerretDB build 2/2: downloading its dependencies and compiling');
    const started = Date.now();
    const heartbeat = setInterval(
      () => log(`FerretDB build: still compiling (${Math.round((Date.now() - started) / 1000)} s)`),
      15_000,
    );
    try {
      await go(['build', '-trimpath', '-o', partial, './cmd/ferretdb'], src);
    } finally {
      clearInterval(heartbeat);
    }
    log(`FerretDB build: done in ${Math.round((Date.now() - started) / 1000)} s`);
    cpSync(partial, binary);
    rmSync(partial, { force: true });
    chmodSync(binary, 0o755);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return binary;
}

/** Module-cache files are read-only; the copy must be writable to add version.txt and to delete it. */
function chmodRecursive(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chmodRecursive(full);
    else chmodSync(full, 0o644);
  }
}
