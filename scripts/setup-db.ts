/** Builds the embedded FerretDB once (see src/store/embedded/ferretdb-binary.ts); a no-op when cached. */
import { ensureFerretdbBinary, hasGo } from '../src/store/embedded/ferretdb-binary';

async function main(): Promise<void> {
  if (!(await hasGo())) {
    console.log(
      'setup:db: Go is not installed; the embedded database will fall back to mongodb-memory-server, or set MONGODB_URI.',
    );
    return;
  }
  const binary = await ensureFerretdbBinary((msg) => console.log(`setup:db: ${msg}`));
  console.log(`setup:db: FerretDB ready at ${binary}`);
}

main().catch((error: unknown) => {
  console.error(`setup:db: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
