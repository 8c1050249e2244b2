import { createMemoryL0Learning } from '../../support/fakes/memory-l0-learning';
import type { HelpdeskMeter } from '../../../src/metrics/helpdesk-meter';
import { meterLearning } from '../../../src/metrics/metered-learning';

describe('the L0 outcome counter', () => {
  it('counts an outcome once, however often its step is redone (on any instance)', async () => {
    const store = createMemoryL0Learning();
    const counted: string[] = [];
    const meter = { l0Outcome: (kind: string) => counted.push(kind) } as unknown as HelpdeskMeter;
    // Two instances: separate decorators, one database.
    const [a, b] = [meterLearning(store, meter), meterLearning(store, meter)];
    const outcome = {
      id: 'work-1:answered',
      at: new Date(),
      kind: 'answered' as const,
      user: { platform: 'console' as const, id: 'budi' },
      locale: 'en' as const,
      question: 'printer jam',
    };
    expect(await a.record(outcome)).toBe(true);
    expect(await a.record(outcome)).toBe(false);
    expect(await b.record(outcome)).toBe(false);
    expect(counted).toEqual(['answered']);
  });
});
