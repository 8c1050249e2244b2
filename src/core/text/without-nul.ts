/**
 * `value` with every U+0000 removed from its strings (object keys and nested values included). No
 * platform shows the character, and PostgreSQL's jsonb cannot hold it: FerretDB on PostgreSQL refuses
 * any write that carries one, which would turn one odd message into an event retried forever.
 */
export function withoutNul<T>(value: T): T {
  if (typeof value === 'string')
    return (value.includes('\u0000') ? value.split('\u0000').join('') : value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => withoutNul(v)) as T;
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      withoutNul(k),
      withoutNul(v),
    ]),
  ) as T;
}
