import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback server playing the Bot Framework connector of a Teams service URL. It records every
 * call and answers as Teams does: POST /v3/conversations (a new thread in a channel) with the thread's
 * conversation id and the root message id, POST /v3/conversations/:id/activities[/:replyTo] and PUT
 * /v3/conversations/:id/activities/:activityId with `{ id }`. `failNext` makes the next calls fail
 * with a status (Teams' 429/412/502/504), which are recorded too, as `failedWith`; `hangNext` makes
 * them never answer (recorded as `hung`), and `delayMs` answers late. `inFlight` counts requests
 * received and not yet answered or dropped by the caller; `mostInFlight` its peak.
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
  /** Never answered (`hangNext`). */
  readonly hung?: true;
}

/** A GET of a file the stub serves (a pasted image at the connector, a download URL). */
export interface FileRequest {
  readonly path: string;
  readonly authorization?: string;
  readonly status: number;
}

export interface ServedFile {
  readonly bytes: Uint8Array;
  /** Answers 302 to this address instead of the bytes. */
  readonly redirectTo?: string;
  readonly contentType?: string;
  /** Sent in pieces without a Content-Length, so only counting the bytes can stop it. */
  readonly chunked?: boolean;
}

export interface ConnectorStub {
  readonly url: string;
  readonly calls: ConnectorCall[];
  /**
   * Serves `file` at `path` (e.g. `/v3/attachments/<id>/views/original`, `/download/<name>`) and
   * returns its URL. File requests are recorded in `fileRequests`, not in `calls`.
   */
  serveFile(path: string, file: ServedFile): string;
  /** Answers every file request with `status` (403: the bot may not have it); undefined: serve. */
  refuseFiles(status: number | undefined): void;
  readonly fileRequests: FileRequest[];
  /** Successful calls only. */
  succeeded(): ConnectorCall[];
  failNext(status: number, count?: number, retryAfterSeconds?: number): void;
  hangNext(count?: number): void;
  /** Answers this long after a request arrives (0: at once). */
  delayMs: number;
  readonly inFlight: number;
  readonly mostInFlight: number;
  /** Requests the caller dropped before an answer (a timed-out client closing its socket). */
  readonly dropped: number;
  resetMostInFlight(): void;
  close(): Promise<void>;
}

export async function startConnectorStub(): Promise<ConnectorStub> {
  const calls: ConnectorCall[] = [];
  const files = new Map<string, ServedFile>();
  const fileRequests: FileRequest[] = [];
  let fileRefusal: number | undefined;
  let nextId = 1_700_000_000_001;
  let failures: { status: number; retryAfter?: number }[] = [];
  let hangs = 0;
  let inFlight = 0;
  let mostInFlight = 0;
  let dropped = 0;

  const server = http.createServer((req, res) => {
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    res.on('close', () => {
      inFlight--;
      if (!res.writableFinished) dropped++;
    });
    const served =
      req.method === 'GET' ? files.get((req.url ?? '').split('?')[0] ?? '') : undefined;
    if (served) {
      const status = fileRefusal ?? 200;
      fileRequests.push({
        path: req.url ?? '',
        status,
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      });
      serveBytes(res, status, served);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    const answer = () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      const path = (req.url ?? '').split('?')[0] ?? '';
      const route = routeOf(req.method ?? '', path, body);
      const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        if (res.destroyed) return; // the caller gave up waiting
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
      if (hangs > 0) {
        hangs--;
        calls.push({ ...common, ...route, hung: true });
        return;
      }
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
    };
    req.on('end', () => {
      if (stub.delayMs > 0) setTimeout(answer, stub.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const stub: ConnectorStub = {
    url: `http://127.0.0.1:${port}/`,
    calls,
    serveFile(path, file) {
      files.set(path.split('?')[0] ?? path, file);
      return `http://127.0.0.1:${port}${path}`;
    },
    refuseFiles(status) {
      fileRefusal = status;
    },
    fileRequests,
    succeeded: () => calls.filter((c) => c.failedWith === undefined && !c.hung),
    failNext(status, count = 1, retryAfter) {
      for (let i = 0; i < count; i++)
        failures.push(retryAfter === undefined ? { status } : { status, retryAfter });
    },
    hangNext(count = 1) {
      hangs += count;
    },
    delayMs: 0,
    get inFlight() {
      return inFlight;
    },
    get mostInFlight() {
      return mostInFlight;
    },
    get dropped() {
      return dropped;
    },
    resetMostInFlight() {
      mostInFlight = inFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        failures = [];
        hangs = 0;
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return stub;
}

function serveBytes(res: http.ServerResponse, status: number, file: ServedFile): void {
  if (status === 200 && file.redirectTo) {
    res.writeHead(302, { location: file.redirectTo });
    res.end();
    return;
  }
  if (status !== 200) {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'Forbidden', message: `stub refusal ${status}` } }));
    return;
  }
  const type = { 'content-type': file.contentType ?? 'application/octet-stream' };
  if (!file.chunked) {
    res.writeHead(200, { ...type, 'content-length': String(file.bytes.byteLength) });
    res.end(Buffer.from(file.bytes));
    return;
  }
  res.writeHead(200, type);
  const piece = 64 * 1024;
  let at = 0;
  const next = () => {
    if (res.destroyed) return;
    if (at >= file.bytes.byteLength) return void res.end();
    res.write(Buffer.from(file.bytes.subarray(at, at + piece)));
    at += piece;
    setImmediate(next);
  };
  next();
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
