import { z } from 'zod';

/** Building blocks of the environment schema, shared by config.ts and teams.ts. */

/** A variable copied empty from .env.example counts as unset. */
export const emptyToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

export const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());

/** "a, b,,c " -> ["a", "b", "c"] */
export function splitList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** An optional comma-separated list; unset is the empty list. */
export const commaList = z.preprocess(emptyToUndefined, z.string().optional().transform(splitList));

/** A whole number within bounds, with a default. */
export const intSetting = (min: number, max: number, fallback: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(fallback));
