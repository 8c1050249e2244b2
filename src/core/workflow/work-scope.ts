import { AsyncLocalStorage } from 'node:async_hooks';
import type { Effect } from '../effects';

/**
 * The work item being processed: its key makes every step deterministic, so a retried item (its
 * worker died, the database went away) repeats nothing that was already done. Ticket changes carry
 * `${key}:m${n}` (a stored change is recognised and not applied twice), new tickets get ids derived
 * from it, and effects are collected here and written to the outbox as `${key}#${n}` at the end.
 */
export interface WorkScope {
  readonly key: string;
  readonly effects: Effect[];
  steps: number;
}

const current = new AsyncLocalStorage<WorkScope>();

export async function inWorkScope<T>(
  key: string,
  work: () => Promise<T>,
): Promise<{
  result: T;
  effects: Effect[];
}> {
  const scope: WorkScope = { key, effects: [], steps: 0 };
  const result = await current.run(scope, work);
  return { result, effects: scope.effects };
}

/** The next deterministic step key of the current work item (undefined outside one). */
export function nextStepKey(kind: string): string | undefined {
  const scope = current.getStore();
  if (!scope) return undefined;
  return `${scope.key}:${kind}${scope.steps++}`;
}

export function currentWorkKey(): string | undefined {
  return current.getStore()?.key;
}

/** Queues an effect of the current work item; outside one (a bug) it throws rather than dropping it. */
export function emit(effect: Effect): void {
  const scope = current.getStore();
  if (!scope) throw new Error(`effect ${effect.kind} emitted outside a work item`);
  scope.effects.push(effect);
}
