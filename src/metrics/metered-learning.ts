import type { L0Learning } from '../core/ports/l0-learning';
import { boundedMap, type HelpdeskMeter } from './helpdesk-meter';

/**
 * L0Learning that reports each outcome it stores. `record` is idempotent by outcome id (a step redone
 * after a crash records again); ids seen lately in this process are not counted twice.
 */
export function meterLearning(inner: L0Learning, meter: HelpdeskMeter): L0Learning {
  const counted = boundedMap<string, true>(10_000);
  return {
    async record(outcome) {
      await inner.record(outcome);
      if (counted.has(outcome.id)) return;
      counted.set(outcome.id, true);
      meter.l0Outcome(outcome.kind, outcome.locale);
    },
    confirm: (confirmation) => inner.confirm(confirmation),
    learned: () => inner.learned(),
  };
}
