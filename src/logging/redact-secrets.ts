/** Field names whose values are credentials, at any depth of a log line. */
const SECRET_FIELD =
  /(token|secret|password|passwd|authorization|cookie|api[-_]?key|private[-_]?key|credential|signature)/i;
const REDACTED = '[redacted]';
/** Deeper than any log line Lapis writes; past it values are cut rather than walked. */
const MAX_DEPTH = 10;

/**
 * A copy of `value` with every field named like a credential replaced, however deep it sits (pino's
 * own `redact` paths reach one level). Cycles and depth are bounded, so a log call never hangs.
 */
export function redactFields(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH || seen.has(value)) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => redactFields(v, depth + 1, seen));
  if (value instanceof Error) return value; // pino's error serializer runs later; see redactValues
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    out[key] = SECRET_FIELD.test(key) ? REDACTED : redactFields(field, depth + 1, seen);
  }
  return out;
}

/**
 * Replaces every occurrence of a known secret value (the configured tokens, secrets, passwords) in a
 * finished log line, wherever it ended up (an error message, a URL). Secrets shorter than 8
 * characters are not searched for: they would match ordinary words.
 */
export function createValueRedactor(secrets: readonly (string | undefined)[]) {
  const known = [...new Set(secrets.filter((s): s is string => Boolean(s && s.length >= 8)))];
  return (line: string): string => {
    let out = line;
    for (const secret of known) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
      const escaped = JSON.stringify(secret).slice(1, -1);
      if (escaped !== secret && out.includes(escaped)) out = out.split(escaped).join(REDACTED);
    }
    return out;
  };
}
