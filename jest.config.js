/**
 * Five projects (`process` runs the bot as a child process through the failure scenarios): `unit` (core and kb, no I/O, fast), `integration` (store and channels against the
 * real embedded MongoDB-wire server, which the global setup starts once and stops at the end),
 * `e2e` (the local console in headless Chromium; it shares that setup, which jest then runs once) and
 * `postgres` (the store contracts and a ticket journey on FerretDB with its PostgreSQL backend, on a
 * throw-away PostgreSQL cluster of its own: `npm run setup:postgres` installs PostgreSQL).
 */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }];
/** ESM-only dependencies (jose, under @microsoft/agents-hosting) compiled to CommonJS for jest. */
const ESM_ONLY = ['jose'];
const transforms = {
  transform: {
    '^.+\\.ts$': tsJest,
    [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]:
      '<rootDir>/test/support/esm-to-commonjs.mjs',
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000,
  testSequencer: '<rootDir>/test/support/test-sequencer.mjs',
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/unit'],
      ...transforms,
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/integration'],
      ...transforms,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      // The bot as a child process (real HTTP, real FerretDB): crash, SIGTERM, overload, two instances.
      displayName: 'process',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/process'],
      ...transforms,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/e2e'],
      ...transforms,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      displayName: 'postgres',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/postgres'],
      ...transforms,
      globalSetup: '<rootDir>/test/support/postgres-global-setup.ts',
      globalTeardown: '<rootDir>/test/support/postgres-global-teardown.ts',
      // Hands the server above to openTestDatabase in each test file (see postgres-test-env.ts).
      setupFiles: ['<rootDir>/test/support/postgres-test-env.ts'],
    },
  ],
};
