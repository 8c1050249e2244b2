import { performance } from 'node:perf_hooks';
import type { KnowledgeBase } from '../core/ports/knowledge-base';
import type { HelpdeskMeter } from './helpdesk-meter';

/** A KnowledgeBase whose searches are timed (the rest passes through, `size` read live). */
export function meterKnowledgeBase(inner: KnowledgeBase, meter: HelpdeskMeter): KnowledgeBase {
  return {
    async search(query, options) {
      const started = performance.now();
      try {
        return await inner.search(query, options);
      } finally {
        meter.kbSearched((performance.now() - started) / 1000);
      }
    },
    article: (id, locale) => inner.article(id, locale),
    areas: () => inner.areas(),
    get size() {
      return inner.size;
    },
  };
}
