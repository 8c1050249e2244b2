import type http from 'node:http';

/**
 * Slack's files, for the Web API stub: files.info, the external upload (files.getUploadURLExternal,
 * the upload URL, files.completeUploadExternal) and private file downloads at url_private_download,
 * which want the bot token. Everything is recorded: what was downloaded (with which token) and what
 * the bot uploaded (bytes, name, channel, thread, comment).
 */

/**
 * How a file's download answers: its bytes, a 403, Slack's sign-in page, bytes without end, its
 * bytes 5 s late, a 503, or a redirect to `redirectTo`.
 */
export type FileServe =
  'ok' | 'forbidden' | 'login_page' | 'endless' | 'slow' | 'server_error' | 'redirect';

export interface StubFileSpec {
  readonly id: string;
  readonly name: string;
  readonly mimetype?: string;
  readonly bytes: Uint8Array;
  /** The size said in the event (default the real one): a file may claim less than it holds. */
  readonly size?: number;
  readonly serve?: FileServe;
  readonly redirectTo?: string;
  /** A Slack Connect file: the event names it by id alone, files.info tells the rest. */
  readonly connect?: boolean;
  /** Its bytes this much late (a slow file host; 'slow' is 5 s). */
  readonly delayMs?: number;
}

export interface SlackDownload {
  readonly fileId: string;
  readonly token: string | undefined;
  readonly status: number;
  /** Bytes written before the reader hung up (an endless file). */
  written?: number;
}

export interface SlackUpload {
  readonly fileId: string;
  readonly filename: string;
  readonly title: string | undefined;
  readonly bytes: Buffer;
  readonly channel: string;
  readonly threadTs: string | undefined;
  readonly initialComment: string | undefined;
}

export interface SlackFileStub {
  /** Registers a file a person shares; returns the file object as Slack puts it in their event. */
  addFile(spec: StubFileSpec): Record<string, unknown>;
  readonly downloads: SlackDownload[];
  /** Files the bot shared (files.completeUploadExternal that succeeded). */
  readonly uploads: SlackUpload[];
  /** Bytes sent to an upload URL, by file id. */
  readonly received: Map<string, Buffer>;
  /** Answers a files.* Web API method, or undefined for other methods. */
  answer(method: string, args: Record<string, unknown>): Record<string, unknown> | undefined;
  /** Serves an upload URL or a file download; false when the path is neither. */
  serve(req: http.IncomingMessage, res: http.ServerResponse): boolean;
}

const LOGIN_PAGE =
  '<!DOCTYPE html><html><head><title>Slack</title></head><body>Sign in to your workspace</body></html>';

export function createSlackFileStub(origin: () => string, token: () => string): SlackFileStub {
  const files = new Map<string, StubFileSpec>();
  const received = new Map<string, Buffer>();
  const pending = new Map<string, { filename: string; length: number }>();
  const downloads: SlackDownload[] = [];
  const uploads: SlackUpload[] = [];
  let sequence = 0;

  const fileObject = (spec: StubFileSpec): Record<string, unknown> => {
    const path = `/files-pri/T00000001-${spec.id}/download/${encodeURIComponent(spec.name)}`;
    return {
      id: spec.id,
      name: spec.name,
      title: spec.name,
      mimetype: spec.mimetype ?? 'application/octet-stream',
      size: spec.size ?? spec.bytes.byteLength,
      mode: 'hosted',
      is_external: false,
      url_private: `${origin()}/files-pri/T00000001-${spec.id}/${encodeURIComponent(spec.name)}`,
      url_private_download: `${origin()}${path}`,
      permalink: `https://lapis-test.slack.com/files/U0/${spec.id}/${spec.name}`,
    };
  };

  function answer(method: string, args: Record<string, unknown>) {
    switch (method) {
      case 'files.info': {
        const spec = files.get(String(args.file));
        return spec ? { ok: true, file: fileObject(spec) } : { ok: false, error: 'file_not_found' };
      }
      case 'files.getUploadURLExternal': {
        const length = Number(args.length);
        if (typeof args.filename !== 'string' || !args.filename || !(length > 0))
          return { ok: false, error: 'invalid_arguments' };
        const fileId = `FUP${String(++sequence).padStart(7, '0')}`;
        pending.set(fileId, { filename: args.filename, length });
        return { ok: true, upload_url: `${origin()}/upload/v1/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal':
        return complete(args);
      default:
        return undefined;
    }
  }

  function complete(args: Record<string, unknown>): Record<string, unknown> {
    const list = Array.isArray(args.files) ? (args.files as { id: string; title?: string }[]) : [];
    const channel = typeof args.channel_id === 'string' ? args.channel_id : '';
    if (!list.length) return { ok: false, error: 'invalid_arguments' };
    if (!/^[CGD][A-Z0-9]+$/.test(channel)) return { ok: false, error: 'channel_not_found' };
    const missing = list.find((f) => !received.has(f.id) || !pending.has(f.id));
    if (missing) return { ok: false, error: 'file_upload_not_found' };
    for (const f of list) {
      uploads.push({
        fileId: f.id,
        filename: pending.get(f.id)?.filename ?? '',
        title: f.title,
        bytes: received.get(f.id) ?? Buffer.alloc(0),
        channel,
        threadTs: typeof args.thread_ts === 'string' ? args.thread_ts : undefined,
        initialComment: typeof args.initial_comment === 'string' ? args.initial_comment : undefined,
      });
      pending.delete(f.id);
    }
    return { ok: true, files: list.map((f) => ({ id: f.id, title: f.title })) };
  }

  function serve(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    const url = req.url ?? '';
    const upload = /^\/upload\/v1\/(F\w+)$/.exec(url);
    if (upload && req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const id = upload[1] ?? '';
        const bytes = Buffer.concat(chunks);
        const expected = pending.get(id)?.length;
        if (expected === undefined || expected !== bytes.byteLength) {
          res.writeHead(400).end('length mismatch');
          return;
        }
        received.set(id, bytes);
        res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.byteLength}`);
      });
      return true;
    }
    const download = /^\/files-pri\/T\w+-(F\w+)\//.exec(url);
    if (!download || req.method !== 'GET') return false;
    const given = req.headers.authorization?.replace(/^Bearer /, '');
    const spec = files.get(download[1] ?? '');
    downloads.push({ fileId: download[1] ?? '', token: given, status: statusOf(spec, given) });
    if (!spec || given !== token() || spec.serve === 'forbidden') {
      res.writeHead(spec ? 403 : 404, { 'content-type': 'text/plain' }).end('no');
      return true;
    }
    sendFile(spec, res, downloads.at(-1));
    return true;
  }

  function statusOf(spec: StubFileSpec | undefined, given: string | undefined): number {
    if (!spec) return 404;
    if (given !== token() || spec.serve === 'forbidden') return 403;
    if (spec.serve === 'server_error') return 503;
    return spec.serve === 'redirect' ? 302 : 200;
  }

  function sendFile(spec: StubFileSpec, res: http.ServerResponse, record?: SlackDownload): void {
    if (spec.serve === 'server_error') {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('try later');
      return;
    }
    if (spec.serve === 'redirect') {
      res.writeHead(302, { location: spec.redirectTo ?? '/' }).end();
      return;
    }
    if (spec.serve === 'login_page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(LOGIN_PAGE);
      return;
    }
    const type = { 'content-type': spec.mimetype ?? 'application/octet-stream' };
    if (spec.serve === 'endless') {
      // No content-length, and bytes until the reader hangs up.
      res.writeHead(200, type);
      const chunk = Buffer.alloc(64 * 1024, 7);
      const more = () => {
        let flowing = true;
        while (!res.destroyed && flowing) {
          flowing = res.write(chunk);
          if (record) record.written = (record.written ?? 0) + chunk.byteLength;
        }
      };
      res.on('drain', more);
      more();
      return;
    }
    const bytes = Buffer.from(spec.bytes);
    const headers = { ...type, 'content-length': String(bytes.byteLength) };
    const send = () => res.writeHead(200, headers).end(bytes);
    const late = spec.serve === 'slow' ? 5000 : (spec.delayMs ?? 0);
    if (late > 0) setTimeout(send, late).unref();
    else send();
  }

  return {
    addFile(spec) {
      files.set(spec.id, spec);
      if (spec.connect)
        return {
          id: spec.id,
          mode: 'file_access',
          file_access: 'check_file_info',
          created: 0,
          timestamp: 0,
          user: '',
        };
      return fileObject(spec);
    },
    downloads,
    uploads,
    received,
    answer,
    serve,
  };
}
