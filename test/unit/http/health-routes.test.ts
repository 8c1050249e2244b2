import type { AddressInfo } from 'node:net';
import express from 'express';
import { healthRoutes, type ReadinessChecks } from '../../../src/http/health-routes';

async function serve(checks: ReadinessChecks) {
  const app = express();
  app.use(healthRoutes(checks));
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string) => {
    const response = await fetch(url + path);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { get, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('/healthz and /readyz', () => {
  const ok: ReadinessChecks = {
    pingDatabase: () => Promise.resolve(),
    articles: () => 46,
    refusal: () => undefined,
  };

  it('is alive and ready when the database answers, articles are loaded and events are taken', async () => {
    const app = await serve(ok);
    try {
      expect(await app.get('/healthz')).toEqual({ status: 200, body: { status: 'alive' } });
      expect(await app.get('/readyz')).toEqual({
        status: 200,
        body: { ready: true, problems: [] },
      });
    } finally {
      await app.close();
    }
  });

  it('is alive but not ready when the database hangs, no articles are loaded, or events are refused', async () => {
    const app = await serve({
      pingDatabase: () => new Promise<void>(() => undefined),
      articles: () => 0,
      refusal: () => new Error('backlog of 2000 events; try again shortly'),
    });
    try {
      expect((await app.get('/healthz')).status).toBe(200);
      const ready = await app.get('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body.problems).toEqual([
        'database: no answer within 1000 ms',
        'knowledge base: no articles loaded',
        'intake: backlog of 2000 events; try again shortly',
      ]);
    } finally {
      await app.close();
    }
  });
});
