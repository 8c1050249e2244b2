import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FERRETDB_VERSION } from '../../src/store/embedded/ferretdb-binary';
import { startFerretdb } from '../../src/store/embedded/start-ferretdb';
import { rssMbOf, type Measured } from './proc';

/**
 * The database the bots use: MONGODB_URI when set (named by its host, never its credentials), else
 * an embedded FerretDB (SQLite) started here, whose process is measured too.
 */
export interface BenchDatabase {
  readonly uri: string;
  readonly description: string;
  readonly process: Measured | undefined;
  stop(): Promise<void>;
}

export async function openBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const external = process.env.MONGODB_URI;
  if (external)
    return {
      uri: external,
      description: `MongoDB-wire server at ${hostOf(external)} (MONGODB_URI)`,
      process: undefined,
      stop: async () => {},
    };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lapis-e2e-'));
  const ferretdb = await startFerretdb({ dataDir: dir, log });
  const pid = () => ferretdb.pid();
  return {
    uri: ferretdb.uri,
    description: `embedded FerretDB ${FERRETDB_VERSION} (SQLite, data in ${dir}), started by the bench`,
    process: { pid, rssMb: () => ((p) => (p === undefined ? undefined : rssMbOf(p)))(pid()) },
    async stop() {
      await ferretdb.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** host[:port] of a mongodb:// or mongodb+srv:// URI, without user and password. */
export function hostOf(uri: string): string {
  const m = /^[a-z+]+:\/\/(?:[^@/]*@)?([^/?]+)/i.exec(uri);
  return m?.[1] ?? '(unparsed URI)';
}
