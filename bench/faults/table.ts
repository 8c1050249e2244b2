/**
 * One line of the fault table: what was sent, the bound it is held to, what was seen. `ok` is always
 * computed from the figures against the bound: every row can fail.
 */
export interface Row {
  readonly scenario: string;
  readonly sent: number | string;
  readonly expected: string;
  readonly observed: number | string;
  readonly ok: boolean;
}

/** Exactly `expected`. */
export function exact(scenario: string, sent: number | string, expected: number, observed: number) {
  return row(scenario, sent, String(expected), observed, observed === expected);
}

/** At most `bound`: `why` names it (e.g. "WORKER_CONCURRENCY"). */
export function atMost(
  scenario: string,
  sent: number | string,
  bound: number,
  observed: number,
  why = '',
) {
  return row(scenario, sent, `<= ${bound}${why && ` (${why})`}`, observed, observed <= bound);
}

/** More than `bound` (strictly): a precondition of the scenario, e.g. "the outage was felt". */
export function above(
  scenario: string,
  sent: number | string,
  bound: number,
  observed: number,
  why = '',
) {
  return row(scenario, sent, `> ${bound}${why && ` (${why})`}`, observed, observed > bound);
}

/** A yes/no that must be yes. */
export function holds(scenario: string, sent: number | string, observed: boolean) {
  return row(scenario, sent, 'yes', observed ? 'yes' : 'no', observed);
}

function row(
  scenario: string,
  sent: number | string,
  expected: string,
  observed: number | string,
  ok: boolean,
): Row {
  return { scenario, sent, expected, observed, ok };
}

export function markdownTable(rows: readonly Row[]): string {
  const lines = rows.map(
    (r) =>
      `| ${r.scenario} | ${r.sent} | ${r.expected} | ${r.observed} | ${r.ok ? 'ok' : '**FAIL**'} |`,
  );
  return ['| scenario | sent | expected | observed | ok |', '|---|---|---|---|---|', ...lines].join(
    '\n',
  );
}
