import { employees, type Employee } from '../../test/support/faults/cast';

/**
 * New employees for the DM steps of one world, handed out in turn so that every DM of a phase comes
 * from someone who has not written before. The Web API stub must know everyone up front (`people`),
 * so the pool is sized for the planned rates plus the refinement steps (at most the highest rate).
 */
export interface Crowd {
  readonly people: readonly Employee[];
  /** The next `n` employees; throws when the pool is used up. */
  take(n: number): Employee[];
}

export function crowdFor(
  tag: string,
  rates: readonly number[],
  seconds: number,
  refine: number,
): Crowd {
  const perStep = (rate: number) => Math.round(rate * seconds);
  const size =
    rates.reduce((n, rate) => n + perStep(rate), 0) + refine * perStep(Math.max(0, ...rates));
  const people = employees(tag, size);
  let next = 0;
  return {
    people,
    take(n) {
      if (next + n > people.length) throw new Error(`crowd ${tag}: ${n} more than the pool holds`);
      next += n;
      return people.slice(next - n, next);
    },
  };
}
