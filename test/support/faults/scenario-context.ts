/** What a scenario runs with: jest (test/process) at small sizes, `npm run bench:faults` at full ones. */
export interface ScenarioContext {
  /** A MongoDB-wire server for scenarios that do not stop it. */
  readonly mongoUri: string;
  /** Progress and what to look at when an expectation fails (the bench prints it; jest keeps it). */
  readonly log: (line: string) => void;
}
