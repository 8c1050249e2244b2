import { rmSync } from 'node:fs';

export default async function postgresGlobalTeardown(): Promise<void> {
  const started = globalThis.__LAPIS_TEST_PG_DB__;
  if (!started) return;
  globalThis.__LAPIS_TEST_PG_DB__ = undefined;
  await started.db.stop();
  rmSync(started.dir, { recursive: true, force: true });
}
