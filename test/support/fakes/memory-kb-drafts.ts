import type { DraftSaveOutcome, KbDraft, KbDrafts } from '../../../src/core/ports/kb-drafts';
import { deepCopy } from './deep-copy';

/**
 * In-memory KbDrafts for unit tests of the core, with the semantics of the MongoDB store (the
 * contract suite runs against both): the latest edit wins until the draft is exported.
 */
export function createMemoryKbDrafts(): KbDrafts {
  const drafts = new Map<string, KbDraft>();
  return {
    save(draft): Promise<DraftSaveOutcome> {
      const stored = drafts.get(draft.id);
      if (stored?.exportedAt) return Promise.resolve('exported');
      drafts.set(draft.id, deepCopy({ ...draft, createdAt: stored?.createdAt ?? draft.createdAt }));
      return Promise.resolve('saved');
    },
    list(): Promise<KbDraft[]> {
      const all = [...drafts.values()].sort(
        (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1),
      );
      return Promise.resolve(all.map(deepCopy));
    },
    markExported(id, file, at): Promise<boolean> {
      const stored = drafts.get(id);
      if (!stored || stored.exportedAt) return Promise.resolve(false);
      drafts.set(id, { ...stored, exportedAt: new Date(at), exportedTo: file });
      return Promise.resolve(true);
    },
  };
}
