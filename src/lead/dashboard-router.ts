import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Registry } from 'prom-client';
import { metricsHandler } from '../metrics/metrics-route';
import { projectRoot } from '../util/project-root';
import { dashboardHeaders, requireLead, type LeadAccess } from './lead-access';
import { ReportUnavailableError, type LoadReport } from './load-report';
import { addLoginRoutes } from './login-routes';
import { parseReportQuery } from './report-query';

export interface LeadRouterOptions {
  readonly access: LeadAccess;
  /** The figures for a period and filters (src/report's buildReport over the store). */
  readonly loadReport: LoadReport;
  /** The desk's IANA time zone: a date alone in a query is the start of that day there. */
  readonly timeZone: string;
  /** Served at /metrics under the same guard (Bearer DASHBOARD_TOKEN also works there). */
  readonly metrics?: Registry;
  readonly logError?: (error: unknown, context: string) => void;
}

/**
 * The service-desk lead's view: /dashboard (a page drawing the report with Chart.js, served from
 * node_modules), /dashboard/api/report (the report as JSON) and /metrics (Prometheus). With access
 * `off` nothing is served at all, so every path is an ordinary 404.
 */
export function createLeadRouter(options: LeadRouterOptions): Router {
  const router = Router();
  const { access } = options;
  if (access.mode === 'off') return router;
  if (options.metrics)
    router.get('/metrics', requireLead(access, 'metrics'), metricsHandler(options.metrics));

  const lead = Router();
  router.use('/dashboard', dashboardHeaders, lead);
  addAssetRoutes(lead);
  if (access.mode === 'token') addLoginRoutes(lead, access);
  else lead.get('/login', (_req, res) => res.redirect(303, '/dashboard'));

  const pageFile = path.join(findPublicDir(), 'dashboard.html');
  lead.get('/', requireLead(access, 'page'), (_req, res) => res.sendFile(pageFile));
  lead.use('/api', requireLead(access, 'api'));
  lead.get('/api/session', (_req, res) => {
    res.json({ access: access.mode, timeZone: options.timeZone });
  });
  lead.get('/api/report', async (req, res) => {
    const parsed = parseReportQuery(req.query, options.timeZone);
    if (!parsed.ok) {
      res.status(400).json({ error: 'bad report query', problems: parsed.problems });
      return;
    }
    res.json(await options.loadReport(parsed.query));
  });
  lead.use('/api', (_req, res) => {
    res.status(404).json({ error: 'no such dashboard endpoint' });
  });
  lead.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof ReportUnavailableError) {
      res.status(error.status).json({ error: error.message });
      return;
    }
    options.logError?.(error, 'dashboard request failed');
    res.status(500).json({ error: 'the report could not be made; see the log' });
  });
  return router;
}

/** The page's script and styles, and Chart.js's UMD build straight from node_modules (no CDN). */
function addAssetRoutes(lead: Router): void {
  const chartDir = path.dirname(require.resolve('chart.js'));
  for (const file of ['chart.umd.min.js', 'chart.umd.min.js.map'])
    lead.get(`/assets/vendor/${file}`, (_req, res) => {
      res.set('Cache-Control', 'public, max-age=86400');
      res.sendFile(path.join(chartDir, file));
    });
  lead.use('/assets', express.static(findPublicDir(), { index: false }));
}

/** The page's files: next to this module when copied into dist/, else in the source tree. */
function findPublicDir(): string {
  const candidates = [
    path.join(__dirname, 'public'),
    path.join(projectRoot(__dirname), 'src', 'lead', 'public'),
  ];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'dashboard.html')));
  if (!found) throw new Error(`the dashboard page is missing: looked in ${candidates.join(', ')}`);
  return found;
}
