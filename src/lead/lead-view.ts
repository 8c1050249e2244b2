import type { Router } from 'express';
import type { Db } from 'mongodb';
import type { Config } from '../config/config';
import { isLoopbackAddress } from '../util/loopback';
import type { HelpdeskMeter } from '../metrics/helpdesk-meter';
import { startMetricsServer } from '../metrics/metrics-route';
import { meterDatabaseCommands } from '../metrics/database-commands';
import { createPrometheusMetrics } from '../metrics/prometheus-meter';
import { meterSearchMode } from '../metrics/search-mode';
import type { HttpServer } from '../http/start-http-server';
import { createLeadRouter } from './dashboard-router';
import { leadAccessFor } from './lead-access-for';
import type { LoadReport } from './load-report';
import type { Level } from '../core/ticket';

export interface LeadView {
  /** For composeHelpdesk: the ports report to it (Prometheus series). */
  readonly meter: HelpdeskMeter;
  /** /dashboard and /metrics, guarded as the configuration says (mount before the console). */
  readonly router: Router;
  /** The METRICS_PORT listener, when configured. */
  startMetricsListener(): Promise<HttpServer | undefined>;
  /** How /dashboard and /metrics are guarded: open (console mode), behind a token, or off. */
  readonly mode: 'open' | 'token' | 'off';
}

/** The service-desk lead's view, wired: metrics registry, access, dashboard and metrics routes. */
export function createLeadView(options: {
  config: Config;
  db: Db;
  loadReport: LoadReport;
  /** Active tickets by level, for /metrics (src/store/count-backlog.ts). */
  countBacklog: () => Promise<Record<Level, number>>;
  log: { warn(data: object, msg: string): void; error(data: object, msg: string): void };
  /** L0's search mode (semantic or lexical), shown in /metrics. */
  searchMode?: () => string;
}): LeadView {
  const { config, log } = options;
  const metrics = createPrometheusMetrics({
    countBacklog: options.countBacklog,
    defaultMetrics: true,
    onError: (err) => log.warn({ err }, 'could not count the backlog for /metrics'),
  });
  meterDatabaseCommands(options.db.client, metrics.registry);
  if (options.searchMode) meterSearchMode(metrics.registry, options.searchMode);
  const access = leadAccessFor(config);
  return {
    meter: metrics.meter,
    router: createLeadRouter({
      access,
      loadReport: options.loadReport,
      timeZone: config.TIME_ZONE,
      metrics: metrics.registry,
      logError: (err, context) => log.error({ err }, context),
    }),
    async startMetricsListener() {
      if (config.METRICS_PORT === undefined) return undefined;
      if (!isLoopbackAddress(config.METRICS_HOST))
        log.warn(
          { host: config.METRICS_HOST },
          'METRICS_HOST is not loopback: /metrics there needs no token; keep that port private',
        );
      return startMetricsServer(metrics.registry, config.METRICS_HOST, config.METRICS_PORT);
    },
    mode: access.mode,
  };
}
