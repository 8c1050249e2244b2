import express from 'express';
import type { Registry } from 'prom-client';
import {
  createConsoleRouter,
  type ConsoleRouterOptions,
} from '../../src/channels/console/console-server';
import { createLeadRouter } from '../../src/lead/dashboard-router';
import type { LeadAccess } from '../../src/lead/lead-access';
import type { LoadReport } from '../../src/lead/load-report';
import { createSessionSigner } from '../../src/lead/session-cookie';
import { startHttpServer } from '../../src/http/start-http-server';
import { sampleReport } from './report-fixture';

export const TEST_TOKEN = 'a-dashboard-token-of-32-characters!';

/** Token mode, as with Slack or Teams configured and DASHBOARD_TOKEN set. */
export function tokenAccess(token = TEST_TOKEN): LeadAccess {
  return { mode: 'token', token, signer: createSessionSigner(token), secureCookie: false };
}

/**
 * The lead's routes (and, given console options, the console behind them, as main.ts mounts them)
 * on 127.0.0.1 and a free port. Without `loadReport` the report is the fixture, its query recorded.
 */
export async function startLeadApp(options: {
  access: LeadAccess;
  loadReport?: LoadReport;
  metrics?: Registry;
  console?: ConsoleRouterOptions;
  timeZone?: string;
}) {
  const queries: Parameters<LoadReport>[0][] = [];
  const app = express();
  app.disable('x-powered-by');
  app.use(
    createLeadRouter({
      access: options.access,
      loadReport:
        options.loadReport ??
        ((query) => {
          queries.push(query);
          return Promise.resolve(sampleReport());
        }),
      timeZone: options.timeZone ?? 'Asia/Jakarta',
      ...(options.metrics ? { metrics: options.metrics } : {}),
      logError: (error) => process.stderr.write(`[lead] ${String(error)}\n`),
    }),
  );
  if (options.console) app.use(createConsoleRouter(options.console));
  const server = await startHttpServer(app, '127.0.0.1', 0);
  return { url: server.url.replace(/\/$/, ''), queries, close: () => server.close(50) };
}
