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
      let slowestMs = 0;
      let slowestLength = 0;
      global.gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      await fc.assert(
        fc.asyncProperty(hostileText, async (text) => {
          const before = h.sent.length;
          const start = process.cpuUsage();
          await h.dm(people.budi, text, `fuzz-${++n}`);
          const used = process.cpuUsage(start);
          const cpuMs = (used.user + used.system) / 1000;
          if (cpuMs > slowestMs) [slowestMs, slowestLength] = [cpuMs, text.length];
          const answered = h.sent.length > before;
          return (answered || !text.trim()) && cpuMs < 1000;
        }),
        { numRuns: FUZZ_RUNS, seed: 20261203 },
      );
      global.gc?.();
      const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
      process.stdout.write(
        `\nL0 path: ${n} messages, slowest ${Math.round(slowestMs)} ms of CPU (${slowestLength} chars), ` +
          `heap ${mb(heapBefore)} → ${mb(process.memoryUsage().heapUsed)} MB\n`,
      );
    },
    Math.max(120_000, FUZZ_RUNS * 200),
  );
});
