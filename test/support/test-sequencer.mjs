// Jest's default order (failed first, then longest first, from its timing cache), except that the
// files on FerretDB's PostgreSQL backend go first, the concurrency races before the others. Measured:
// the races file takes 10 s when it runs before the store contracts, and 90-200 s (timing out) when
// it runs after them late in a clean clone's run, as every contract test creates and drops a
// database there (PostgreSQL's catalog grows with each). The order is then the same on every machine.
import Sequencer from '@jest/test-sequencer';

const FIRST = ['/test/postgres/workflow-races.', '/test/postgres/'];
const rank = (test) => {
  const at = FIRST.findIndex((part) => test.path.includes(part));
  return at < 0 ? FIRST.length : at;
};

class PostgresFirst extends Sequencer {
  async sort(tests) {
    const ordered = await super.sort(tests);
    return [...ordered].sort((a, b) => rank(a) - rank(b));
  }
}

export default PostgresFirst;
