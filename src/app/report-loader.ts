import type { Db } from 'mongodb';
import type { Config } from '../config/config';
import type { LoadReport } from '../lead/load-report';
import { buildReport } from '../report/build-report';
import type { ReportSettings } from '../report/report-input';
import type { Report, ReportQuery } from '../report/report-types';
import { loadReportInput } from '../store/report-source';
import { reportSettingsFromConfig } from './report-settings';

/** The report of a period over the database: what the dashboard and the CLI call. */
export function createReportLoader(
  db: Db,
  settings: ReportSettings,
): (query: ReportQuery) => Promise<Report> {
  return async (query) => {
    const input = await loadReportInput(db, query);
    const notes = [
      ...(input.skipped.tickets ? [`${input.skipped.tickets} malformed tickets skipped.`] : []),
      ...(input.skipped.outcomes
        ? [`${input.skipped.outcomes} malformed L0 outcomes skipped.`]
        : []),
    ];
    return buildReport(input, {
      ...settings,
      from: query.from,
      to: query.to,
      ...(query.filters ? { filters: query.filters } : {}),
      notes,
    });
  };
}

/** The dashboard's and the CLI's report: the desk's settings from the configuration. */
export function reportLoader(db: Db, config: Config): LoadReport {
  return createReportLoader(db, reportSettingsFromConfig(config));
}
