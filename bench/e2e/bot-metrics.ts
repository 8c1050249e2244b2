/** Reading a bot's Prometheus text: the database commands it sent, by command and collection. */
export const BENCH_TOKEN = 'bench-dashboard-token-0123456789';

export type CommandCounts = Map<string, number>;

export async function commandCounts(botUrl: string): Promise<CommandCounts> {
  const url = new URL('/metrics', botUrl);
  const response = await fetch(url, { headers: { authorization: `Bearer ${BENCH_TOKEN}` } });
  if (!response.ok) throw new Error(`GET ${url.href}: ${response.status}`);
  return parseCommandCounts(await response.text());
}

const LINE = /^lapis_db_commands_total\{command="([^"]*)",collection="([^"]*)"\} (\d+(?:\.\d+)?)$/;

export function parseCommandCounts(text: string): CommandCounts {
  const counts: CommandCounts = new Map();
  for (const line of text.split('\n')) {
    const m = LINE.exec(line);
    if (m) counts.set(`${m[1]} ${m[2] || '-'}`, Number(m[3]));
  }
  return counts;
}

/** after - before, per key (keys with no change left out). */
export function countsSince(before: CommandCounts, after: CommandCounts): CommandCounts {
  const delta: CommandCounts = new Map();
  for (const [key, n] of after) {
    const d = n - (before.get(key) ?? 0);
    if (d > 0) delta.set(key, d);
  }
  return delta;
}

export const total = (counts: CommandCounts) => [...counts.values()].reduce((a, b) => a + b, 0);

/** The counts of several bots added up, key by key. */
export function sumCounts(all: readonly CommandCounts[]): CommandCounts {
  const sum: CommandCounts = new Map();
  for (const counts of all) for (const [key, n] of counts) sum.set(key, (sum.get(key) ?? 0) + n);
  return sum;
}

/** The counts of several bots at once, added up. */
export async function commandCountsOf(botUrls: readonly string[]): Promise<CommandCounts> {
  return sumCounts(await Promise.all(botUrls.map(commandCounts)));
}
