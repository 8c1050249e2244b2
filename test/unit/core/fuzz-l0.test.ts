import fc from 'fast-check';
import { FUZZ_RUNS, hostileText } from '../../support/fuzz-requests';
import { createHarness, people } from '../../support/helpdesk-harness';

/**
 * Generated text through the whole L0 path of the core (intake, lanes, search, session, answer):
 * every message is handled without an error and answered (or, blank, ignored), each within a
 * bounded CPU time whatever its shape.
 */
describe('fuzzing the L0 path with generated text', () => {
  it(
    'handles any text and answers it',
    async () => {
      const h = createHarness();
      let n = 0;
      await fc.assert(
        fc.asyncProperty(hostileText, async (text) => {
          const before = h.sent.length;
          const start = process.cpuUsage();
          await h.dm(people.budi, text, `fuzz-${++n}`);
          const used = process.cpuUsage(start);
          const answered = h.sent.length > before;
          return (answered || !text.trim()) && (used.user + used.system) / 1000 < 1000;
        }),
        { numRuns: Math.min(Math.ceil(FUZZ_RUNS / 4), 2500), seed: 20261203 },
      );
    },
    Math.max(120_000, FUZZ_RUNS * 200),
  );
});
