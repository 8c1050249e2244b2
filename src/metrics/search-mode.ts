import { Gauge, type Registry } from 'prom-client';

/**
 * lapis_l0_search_mode{mode}: 1 for the mode L0 runs in (semantic: with the embedding model;
 * lexical: words alone), 0 for the other, so an alert can tell when the model fell away.
 */
export function meterSearchMode(registry: Registry, mode: () => string): void {
  new Gauge({
    name: 'lapis_l0_search_mode',
    help: 'The mode L0 search runs in: semantic (with the embedding model) or lexical (words alone).',
    labelNames: ['mode'],
    registers: [registry],
    collect() {
      const current = mode();
      for (const m of ['semantic', 'lexical']) this.set({ mode: m }, m === current ? 1 : 0);
    },
  });
}
