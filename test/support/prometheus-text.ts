/**
 * A tiny reader of Prometheus's text exposition format (what /metrics answers): one value per
 * series, keyed `name{label="value",...}` with the labels sorted, plus each metric family's TYPE.
 */
export interface Scrape {
  readonly types: ReadonlyMap<string, string>;
  readonly values: ReadonlyMap<string, number>;
  /** A series' value; 0 when absent. */
  value(name: string, labels?: Record<string, string>): number;
  /** The sum over every series of `name` whose labels include `labels`. */
  sum(name: string, labels?: Record<string, string>): number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function parsePrometheusText(text: string): Scrape {
  const types = new Map<string, string>();
  const values = new Map<string, number>();
  const labelled: { name: string; labels: Record<string, string>; value: number }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) {
      types.set(type[1]!, type[2]!);
      continue;
    }
    if (line.startsWith('#')) continue;
    const sample = SAMPLE.exec(line);
    if (!sample) throw new Error(`not a Prometheus sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const m of (sample[2] ?? '').matchAll(LABEL)) labels[m[1]!] = m[2]!;
    const value = Number(sample[3]);
    if (Number.isNaN(value) && sample[3] !== 'NaN') throw new Error(`bad value: ${line}`);
    values.set(seriesKey(sample[1]!, labels), value);
    labelled.push({ name: sample[1]!, labels, value });
  }
  return {
    types,
    values,
    value: (name, labels = {}) => values.get(seriesKey(name, labels)) ?? 0,
    sum: (name, labels = {}) =>
      labelled
        .filter(
          (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
        )
        .reduce((total, s) => total + s.value, 0),
  };
}

export function seriesKey(name: string, labels: Record<string, string>): string {
  const parts = Object.keys(labels)
    .sort()
    .map((k) => `${k}="${labels[k]}"`);
  return parts.length ? `${name}{${parts.join(',')}}` : name;
}
