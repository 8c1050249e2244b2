import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const started = globalThis.__LAPIS_TEST_DB__;
  if (!started) return;
  await started.db.stop();
  rmSync(started.dir, { recursive: true, force: true });
}
