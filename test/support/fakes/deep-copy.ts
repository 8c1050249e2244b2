/**
 * A deep copy of plain data (objects, arrays, Dates, primitives), like structuredClone but made in
 * this realm: under jest, structuredClone returns Dates of the outer realm, which fail
 * `instanceof Date` (and so zod's z.date()) inside the test.
 */
export function deepCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Object.prototype.toString.call(value) === '[object Date]')
    return new Date((value as unknown as Date).getTime()) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => deepCopy(item)) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = deepCopy(item);
  return copy as T;
}
