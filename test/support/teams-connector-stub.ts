import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback server playing the Bot Framework connector of a Teams service URL. It records every
 * call and answers as Teams does: POST /v3/conversations (a new thread in a channel) with the thread's
 * conversation id and the root message id, POST /v3/conversations/:id/activities[/:replyTo] and PUT
 * /v3/conversations/:id/activities/:activityId with `{ id }`. `failNext` makes the next calls fail
 * with a status (Teams' 429/412/502/504), which are recorded too, as `failedWith`.
 */
export interface ConnectorCall {
  readonly kind: 'create' | 'send' | 'update';
  readonly method: string;
  readonly path: string;
  /** The conversation posted to or updated in; for `create`, the new thread's conversation id. */
  readonly conversationId: string;
  /** `send`: the activity replied to, if any; `update`: the activity replaced; `create`: the root. */
  readonly activityId?: string;
  /** The id the stub gave the posted message (send and create). */
  readonly id?: string;
  readonly body: Record<string, unknown>;
  readonly bytes: number;
  readonly authorization?: string;
  readonly failedWith?: number;
}

export interface ConnectorStub {
  readonly url: string;
  readonly calls: ConnectorCall[];
  /** Successful calls only. */
  succeeded(): ConnectorCall[];
  failNext(status: number, count?: number, retryAfterSeconds?: number): void;
  close(): Promise<void>;
}

export async function startConnectorStub(): Promise<ConnectorStub> {
  const calls: ConnectorCall[] = [];
  let nextId = 1_700_000_000_001;
  let failures: { status: number; retryAfter?: number }[] = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      const path = (req.url ?? '').split('?')[0] ?? '';
      const route = routeOf(req.method ?? '', path, body);
      const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(payload));
      };
      const common = {
        method: req.method ?? '',
        path,
        body,
        bytes: Buffer.byteLength(raw),
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      };
      if (!route) return reply(404, { error: { code: 'NotFound', message: path } });
      const failure = failures.shift();
      if (failure) {
        calls.push({ ...common, ...route, failedWith: failure.status });
        return reply(
          failure.status,
          { error: { code: 'Failed', message: `stub failure ${failure.status}` } },
          failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {},
        );
      }
      if (route.kind === 'update') {
        calls.push({ ...common, ...route });
        return reply(200, { id: route.activityId });
      }
      const id = String(nextId++);
      if (route.kind === 'create') {
        const conversationId = `${route.conversationId};messageid=${id}`;
        calls.push({ ...common, ...route, conversationId, activityId: id, id });
        return reply(201, { id: conversationId, activityId: id });
      }
      calls.push({ ...common, ...route, id });
      return reply(200, { id });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    succeeded: () => calls.filter((c) => c.failedWith === undefined),
    failNext(status, count = 1, retryAfter) {
      for (let i = 0; i < count; i++)
        failures.push(retryAfter === undefined ? { status } : { status, retryAfter });
    },
    close: () =>
      new Promise<void>((resolve) => {
        failures = [];
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function routeOf(
  method: string,
  path: string,
  body: Record<string, unknown>,
): Pick<ConnectorCall, 'kind' | 'conversationId' | 'activityId'> | undefined {
  if (method === 'POST' && path === '/v3/conversations') {
    const channelData = body.channelData as { channel?: { id?: string } } | undefined;
    return { kind: 'create', conversationId: channelData?.channel?.id ?? '(no channel)' };
  }
  const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
  if (!match?.[1]) return undefined;
  const conversationId = decodeURIComponent(match[1]);
  const activityId = match[2] ? decodeURIComponent(match[2]) : undefined;
  if (method === 'POST')
    return { kind: 'send', conversationId, ...(activityId ? { activityId } : {}) };
  if (method === 'PUT' && activityId) return { kind: 'update', conversationId, activityId };
  return undefined;
}
