import type { ScenarioContext } from './scenario-context';

/**
 * The context of a scenario run by jest (test/process): the server that the global setup started
 * (LAPIS_TEST_MONGODB_URI), and a log kept to be shown when an expectation fails.
 */
export function jestContext(): ScenarioContext & { readonly lines: string[] } {
  const mongoUri = process.env.LAPIS_TEST_MONGODB_URI;
  if (!mongoUri)
    throw new Error('LAPIS_TEST_MONGODB_URI is unset: run through jest (global setup)');
  const lines: string[] = [];
  return { mongoUri, lines, log: (line) => void lines.push(line) };
}

/** Runs expectations; one that fails carries the scenario's log, which says what happened. */
export function explained(ctx: { readonly lines: readonly string[] }, expectations: () => void) {
  try {
    expectations();
  } catch (error) {
    if (error instanceof Error && ctx.lines.length > 0)
      error.message += `\n\nWhat the scenario logged:\n${ctx.lines.join('\n')}`;
    throw error;
  }
}
