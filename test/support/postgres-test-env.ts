/**
 * Setup file of the `postgres` jest project: points openTestDatabase (LAPIS_TEST_MONGODB_URI) at the
 * FerretDB-on-PostgreSQL that postgres-global-setup started. Jest gives each test file its own copy
 * of process.env, so this does not leak into other projects' test files run by the same worker.
 */
const uri = process.env.LAPIS_TEST_FERRETDB_POSTGRES_URI;
if (!uri) {
  throw new Error(
    'LAPIS_TEST_FERRETDB_POSTGRES_URI is unset: run these tests through jest (--selectProjects postgres)',
  );
}
process.env.LAPIS_TEST_MONGODB_URI = uri;
