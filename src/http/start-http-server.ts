import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type express from 'express';

export interface HttpServer {
  readonly url: string;
  /** Stops listening; requests in flight get `graceMs` to finish before their connections are cut. */
  close(graceMs?: number): Promise<void>;
}

/** Listens with the app on host:port (0 picks a free port); on stop, lets answers in flight go out. */
export async function startHttpServer(
  app: express.Express,
  host: string,
  port: number,
): Promise<HttpServer> {
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(port, host, (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  const { address, port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${bound}/`,
    close: (graceMs = 1000) =>
      new Promise<void>((resolve, reject) => {
        const cut = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close((error) => {
          clearTimeout(cut);
          if (error) reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
