import { FileRefused } from '../../core/files';
import { readCapped } from '../../util/read-capped';

/**
 * One file's bytes over HTTP(S), with the limits a file from a chat needs: never more than
 * `maxBytes` held (a larger Content-Length is refused before reading, a longer body as soon as it
 * passes the limit), one deadline for the whole download, redirects followed only to URLs `allowed`
 * takes (the Authorization header only to the first URL's origin), at most MAX_REDIRECTS of them.
 * What will never work is a FileRefused (401/403/404/410: the platform will not let the bot have
 * it; too large; empty); a timeout, a 5xx or a network failure is an ordinary error, tried again.
 */
export interface DownloadOptions {
  readonly maxBytes: number;
  readonly timeoutMs: number;
  /** The Authorization header, sent to the first URL's origin only. */
  readonly authorization?: string;
  /** Whether a URL (the first one, and each redirect's) may be fetched at all. */
  readonly allowed: (url: URL) => boolean;
}

const MAX_REDIRECTS = 3;
const REFUSING_STATUSES = new Set([401, 403, 404, 410]);
/** 4xx that say "later", not "never". */
const PASSING_STATUSES = new Set([408, 425, 429]);

export class DownloadTimeout extends Error {
  readonly code = 'file_download_timeout';
  constructor(timeoutMs: number) {
    super(`the file did not arrive within ${timeoutMs} ms`);
    this.name = 'DownloadTimeout';
  }
}

export async function downloadCapped(url: string, options: DownloadOptions): Promise<Uint8Array> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const response = await follow(new URL(url), options, signal);
    return await readWhole(response, options.maxBytes);
  } catch (error) {
    if (signal.aborted && !(error instanceof FileRefused))
      throw new DownloadTimeout(options.timeoutMs);
    throw error;
  }
}

async function follow(first: URL, options: DownloadOptions, signal: AbortSignal) {
  let url = first;
  for (let hop = 0; ; hop++) {
    if (!options.allowed(url))
      throw new FileRefused('forbidden', `Lapis does not fetch files from ${url.host}`);
    const sameOrigin = url.origin === first.origin;
    const response = await fetch(url, {
      redirect: 'manual',
      signal,
      headers: options.authorization && sameOrigin ? { authorization: options.authorization } : {},
    });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) {
      refuseOrFail(response);
      return response;
    }
    await response.body?.cancel();
    if (hop >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects for a file`);
    url = new URL(location, url);
  }
}

function refuseOrFail(response: Response): void {
  const { status } = response;
  if (status >= 200 && status < 300) return;
  void response.body?.cancel();
  if (REFUSING_STATUSES.has(status))
    throw new FileRefused('forbidden', `the file's host answered ${status}`);
  if (status >= 400 && status < 500 && !PASSING_STATUSES.has(status))
    throw new FileRefused('unreadable', `the file's host answered ${status}`);
  throw new Error(`the file's host answered ${status}`);
}

async function readWhole(response: Response, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new FileRefused('too_large', `the file is over ${maxBytes} bytes`);
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const bytes = await readCapped(response.body, maxBytes);
  if (bytes === 'too_large') throw tooLarge();
  if (bytes.byteLength === 0) throw new FileRefused('empty', 'the file has no bytes');
  return bytes;
}
