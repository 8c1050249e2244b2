import { deepCopy } from './deep-copy';
import type { Locale } from '../../../src/core/locale';
import {
  learnedPhrasingId,
  phrasingText,
  type L0Learning,
  type L0Outcome,
  type L0OutcomeKind,
  type LearnedPhrasing,
  type PhrasingConfirmation,
} from '../../../src/core/ports/l0-learning';

/** What an admin operation did; `unknown` for an id that is not (or no longer) a learned phrasing. */
type PhrasingChange = 'changed' | 'unchanged' | 'unknown';

export interface MemoryL0Learning extends L0Learning {
  /** Outcomes with from <= at < to (of the given kinds when given), oldest first. */
  outcomes(query: { from: Date; to: Date; kinds?: readonly L0OutcomeKind[] }): Promise<L0Outcome[]>;
  remove(id: string): Promise<PhrasingChange>;
  approve(id: string): Promise<PhrasingChange>;
  markExported(ids: readonly string[], at: Date): Promise<number>;
}

interface Phrasing {
  readonly articleId: string;
  readonly text: string;
  readonly lang: Locale | undefined;
  /** Confirmation key -> when and by whom. */
  readonly confirmations: Map<string, { at: Date; agent: boolean }>;
  approved: boolean;
  removed: boolean;
  exportedAt?: Date;
}

/**
 * In-memory L0Learning for unit tests of the core, with the semantics of the MongoDB store
 * (the contract suite runs against both): idempotent by outcome id and confirmation key, an agent's
 * confirmation approves, removal is permanent.
 */
export function createMemoryL0Learning(): MemoryL0Learning {
  const outcomes = new Map<string, L0Outcome>();
  const phrasings = new Map<string, Phrasing>();
  const live = (id: string) => {
    const p = phrasings.get(id);
    return p && !p.removed ? p : undefined;
  };

  return {
    record(outcome: L0Outcome): Promise<boolean> {
      if (outcomes.has(outcome.id)) return Promise.resolve(false);
      outcomes.set(outcome.id, deepCopy(outcome));
      return Promise.resolve(true);
    },

    outcomes({ from, to, kinds }): Promise<L0Outcome[]> {
      const found = [...outcomes.values()]
        .filter((o) => o.at >= from && o.at < to && (!kinds || kinds.includes(o.kind)))
        .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : 1));
      return Promise.resolve(found.map(deepCopy));
    },

    confirm(c: PhrasingConfirmation): Promise<void> {
      const text = phrasingText(c.text);
      if (!c.articleId || !text) return Promise.resolve();
      const id = learnedPhrasingId(c.articleId, text);
      let phrasing = phrasings.get(id);
      if (phrasing?.removed) return Promise.resolve();
      if (!phrasing) {
        phrasing = {
          articleId: c.articleId,
          text,
          lang: c.lang,
          confirmations: new Map(),
          approved: false,
          removed: false,
        };
        phrasings.set(id, phrasing);
      }
      if (!phrasing.confirmations.has(c.key))
        phrasing.confirmations.set(c.key, { at: new Date(c.at), agent: c.source === 'agent' });
      return Promise.resolve();
    },

    learned(): Promise<LearnedPhrasing[]> {
      const learned = [...phrasings.entries()]
        .filter(([, p]) => !p.removed)
        .map(([id, p]) => toLearned(id, p));
      return Promise.resolve(learned.sort(byArticleThenText));
    },

    remove(id: string): Promise<PhrasingChange> {
      const p = phrasings.get(id);
      const change = !p ? 'unknown' : p.removed ? 'unchanged' : 'changed';
      if (p) p.removed = true;
      return Promise.resolve(change);
    },

    approve(id: string): Promise<PhrasingChange> {
      const p = live(id);
      if (!p) return Promise.resolve('unknown');
      if (toLearned(id, p).approved) return Promise.resolve('unchanged');
      p.approved = true;
      return Promise.resolve('changed');
    },

    markExported(ids: readonly string[], at: Date): Promise<number> {
      let changed = 0;
      for (const id of new Set(ids)) {
        const p = live(id);
        if (!p || p.exportedAt) continue;
        p.exportedAt = new Date(at);
        changed += 1;
      }
      return Promise.resolve(changed);
    },
  };
}

function toLearned(id: string, p: Phrasing): LearnedPhrasing {
  const all = [...p.confirmations.values()];
  const times = all.map((c) => c.at.getTime());
  return {
    id,
    articleId: p.articleId,
    text: p.text,
    lang: p.lang,
    confirmations: all.length,
    approved: p.approved || all.some((c) => c.agent),
    firstAt: new Date(Math.min(...times)),
    lastAt: new Date(Math.max(...times)),
    ...(p.exportedAt ? { exportedAt: new Date(p.exportedAt) } : {}),
  };
}

function byArticleThenText(a: LearnedPhrasing, b: LearnedPhrasing): number {
  const key = (p: LearnedPhrasing) => [p.articleId, p.text.toLowerCase()] as const;
  const [a1, a2] = key(a);
  const [b1, b2] = key(b);
  return a1 < b1 ? -1 : a1 > b1 ? 1 : a2 < b2 ? -1 : a2 > b2 ? 1 : 0;
}
