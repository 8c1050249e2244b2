import type { L0Learning } from '../core/ports/l0-learning';
import type { HelpdeskMeter } from './helpdesk-meter';

/**
 * L0Learning that reports each outcome it stores. `record` is idempotent by outcome id and says
 * whether this call stored it, so a step redone after a crash, here or on another instance, is not
 * counted again.
 */
export function meterLearning(inner: L0Learning, meter: HelpdeskMeter): L0Learning {
  return {
    async record(outcome) {
      const stored = await inner.record(outcome);
      if (stored) meter.l0Outcome(outcome.kind, outcome.locale);
      return stored;
    },
    confirm: (confirmation) => inner.confirm(confirmation),
    learned: () => inner.learned(),
  };
}
