import express, { type Request, type Response } from 'express';
import type { Registry } from 'prom-client';
import { startHttpServer, type HttpServer } from '../http/start-http-server';

/** GET /metrics: the registry in Prometheus's text format. */
export function metricsHandler(registry: Registry) {
  return async (_req: Request, res: Response): Promise<void> => {
    const text = await registry.metrics();
    res.set({ 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' }).send(text);
  };
}

/**
 * A listener of its own for /metrics (METRICS_PORT, on METRICS_HOST, loopback by default) for a
 * Prometheus that scrapes inside the host or pod: no login there, the address is the guard.
 */
export function startMetricsServer(
  registry: Registry,
  host: string,
  port: number,
): Promise<HttpServer> {
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', metricsHandler(registry));
  app.use((_req, res) => {
    res.status(404).type('text').send('only /metrics here\n');
  });
  return startHttpServer(app, host, port);
}
