/**
 * Every value that goes into a MongoDB filter passes through one of these, so an object smuggled in
 * where the types promise a string (`{ $ne: null }` from a parsed payload) is an error, never a query.
 */
export function filterString(value: unknown, what: string): string {
  if (typeof value !== 'string')
    throw new TypeError(`${what}: expected a string, got ${typeof value}`);
  return value;
}

export function filterVersion(value: unknown, what = 'version'): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new TypeError(`${what}: expected a non-negative integer, got ${String(value)}`);
  return value;
}

export function filterDate(value: unknown, what: string): Date {
  if (
    Object.prototype.toString.call(value) !== '[object Date]' ||
    Number.isNaN((value as Date).getTime())
  )
    throw new TypeError(`${what}: expected a valid Date`);
  return value as Date;
}

export function filterOneOf<T extends string | number>(
  value: unknown,
  allowed: readonly T[],
  what: string,
): T {
  if (!allowed.includes(value as T))
    throw new TypeError(`${what}: expected one of ${allowed.join(', ')}, got ${String(value)}`);
  return value as T;
}
