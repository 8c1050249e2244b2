import type { Row, ScenarioContext } from './types';

/**
 * The context of a scenario run by jest (test/process): the server that the global setup started
 * (LAPIS_TEST_MONGODB_URI), and a log kept to be shown when a row fails.
 */
export function jestContext(): ScenarioContext & { readonly lines: string[] } {
  const mongoUri = process.env.LAPIS_TEST_MONGODB_URI;
  if (!mongoUri)
    throw new Error('LAPIS_TEST_MONGODB_URI is unset: run through jest (global setup)');
  const lines: string[] = [];
  return { mongoUri, lines, log: (line) => void lines.push(line) };
}

/** What a test compares with `{ failing: [] }`: the rows that are not ok, and the log to explain them. */
export function verdict(rows: readonly Row[], lines: readonly string[]) {
  if (rows.length === 0) throw new Error('the scenario produced no rows');
  return { failing: rows.filter((r) => !r.ok), log: lines };
}
