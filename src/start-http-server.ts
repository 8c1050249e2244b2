import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type express from 'express';

export interface HttpServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Listens with the app on host:port (0 picks a free port) and closes open connections on stop. */
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
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
