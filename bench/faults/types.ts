/** One line of the fault table: what was sent, what should be seen, what was seen. */
export interface Row {
  readonly scenario: string;
  readonly sent: number | string;
  readonly expected: number | string;
  readonly observed: number | string;
  readonly ok: boolean;
}

/** A row whose expectation is an exact figure. */
export function exact(scenario: string, sent: number, expected: number, observed: number): Row {
  return { scenario, sent, expected, observed, ok: expected === observed };
}

/** A row whose expectation is a bound or a rule, judged by the caller. */
export function judged(
  scenario: string,
  sent: number | string,
  expected: string,
  observed: number | string,
  ok: boolean,
): Row {
  return { scenario, sent, expected, observed, ok };
}

/** Sizes of a scenario run: the bench uses full ones, the jest tests small ones. */
export interface ScenarioContext {
  /** A MongoDB-wire server for scenarios that do not stop it. */
  readonly mongoUri: string;
  /** Progress lines (the bench prints them; tests stay quiet). */
  readonly log: (line: string) => void;
}

export function markdownTable(rows: readonly Row[]): string {
  const lines = rows.map(
    (r) =>
      `| ${r.scenario} | ${r.sent} | ${r.expected} | ${r.observed} | ${r.ok ? 'ok' : 'FAIL'} |`,
  );
  return ['| scenario | sent | expected | observed | ok |', '|---|---|---|---|---|', ...lines].join(
    '\n',
  );
}
