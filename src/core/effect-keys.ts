import { createHash } from 'node:crypto';
import type { Effect } from './effects';
import { laneOfEffect } from './effects';

/**
 * The outbox ids of one step's effects: `${step}#${digest}.${n}`, the n-th effect of that kind the
 * step sends on that lane (a DM, a thread, a card). A step redone after its effects were queued queues them
 * under the same ids, so nothing is sent twice, even when the redo takes a slightly different path
 * (a card refreshed it did not refresh the first time shifts no other effect's id, as a position
 * in the whole list would). The digest keeps platform ids (which may hold any character) out of it.
 */
export function effectIds(step: string, effects: readonly Effect[]): string[] {
  const seen = new Map<string, number>();
  return effects.map((effect) => {
    const target = `${effect.kind}|${laneOfEffect(effect)}`;
    const n = seen.get(target) ?? 0;
    seen.set(target, n + 1);
    const digest = createHash('sha256').update(target).digest('base64url').slice(0, 16);
    return `${step}#${digest}.${n}`;
  });
}
