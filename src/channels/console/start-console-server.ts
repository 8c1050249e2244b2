import type { AddressInfo } from 'node:net';
import express from 'express';
import { assertLoopback, createConsoleRouter, type ConsoleRouterOptions } from './console-server';

export interface ConsoleServer {
  /** Where to open the console, e.g. http://127.0.0.1:3000/ */
  readonly url: string;
  close(): Promise<void>;
}

/** Serves the console on a loopback host (port 0 picks a free one); refuses any other host. */
export async function startConsoleServer(
  options: ConsoleRouterOptions & { host: string; port: number },
): Promise<ConsoleServer> {
  assertLoopback(options.host);
  const app = express();
  app.disable('x-powered-by');
  app.use(createConsoleRouter(options));
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    const listening = app.listen(options.port, options.host, (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
