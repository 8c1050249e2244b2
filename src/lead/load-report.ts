import type { Report } from '../report/report-types';
import type { ReportQuery } from '../report/report-types';

/** How the dashboard gets its figures; main.ts passes the real one (src/report over the store). */
export type LoadReport = (query: ReportQuery) => Promise<Report>;

/** The figures cannot be made in this build (answered 503 with the message). */
export class ReportUnavailableError extends Error {
  readonly status = 503;
  constructor(message: string) {
    super(message);
    this.name = 'ReportUnavailableError';
  }
}
