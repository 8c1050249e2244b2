/**
 * `value` with every U+0000 removed from its strings (object keys and nested values included). No
 * platform shows the character, and PostgreSQL's jsonb cannot hold it: FerretDB on PostgreSQL refuses
 * any write that carries one, which would turn one odd message into an event retried forever. What
 * holds none comes back as it is (no copy on the hot path).
 */
export function withoutNul<T>(value: T): T {
  if (typeof value === 'string')
    return (value.includes('\u0000') ? value.split('\u0000').join('') : value) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) {
    const items = value.map((v: unknown) => withoutNul(v));
    return (items.some((v, i) => v !== value[i]) ? items : value) as T;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  const cleaned = entries.map(([k, v]) => [withoutNul(k), withoutNul(v)] as const);
  const changed = cleaned.some(([k, v], i) => k !== entries[i]![0] || v !== entries[i]![1]);
  return (changed ? Object.fromEntries(cleaned) : value) as T;
}
