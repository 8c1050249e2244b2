import { readCapped } from '../../util/read-capped';
import { FileRefused, type IncomingFile } from '../../core/files';
import { decodeFileSource } from './slack-file-source';

export interface SlackFileFetchOptions {
  /** The bot token, sent as `Authorization: Bearer` to Slack's file hosts and nowhere else. */
  readonly token: string;
  /** SLACK_API_URL: its origin is trusted with the token too (tests serve files from it). */
  readonly apiUrl: string;
  /** Fills in a file known by id alone (files.info). */
  readonly fileInfo: (file: IncomingFile) => Promise<IncomingFile>;
  /** The whole download, redirects and body included; default 60 s. */
  readonly deadlineMs?: number;
}

/** Where Slack serves private files from. */
const FILE_HOSTS = new Set(['files.slack.com']);
const MAX_REDIRECTS = 3;
const FORBIDDEN_STATUS = new Set([401, 403, 404, 410]);
const RETRIED_STATUS = new Set([408, 425, 429]);

/**
 * surface.fetchFile on Slack: the file's private URL fetched with the bot token, streamed and cut
 * off past `maxBytes` (no more than that is ever held), within a deadline. What will never come is
 * FileRefused: too large, empty, a 403/404/410, Slack's sign-in page where the file should be (the
 * token lacks files:read), a URL or redirect off Slack's file hosts (the token never goes there).
 * An outage (5xx, 429, the network, the deadline) throws a plain error, and the step is retried.
 */
export function createSlackFileFetch(
  options: SlackFileFetchOptions,
): (file: IncomingFile, maxBytes: number) => Promise<Uint8Array> {
  const apiOrigin = new URL(options.apiUrl).origin;
  const trusted = (url: URL) =>
    !url.username &&
    !url.password &&
    (url.origin === apiOrigin ||
      (url.protocol === 'https:' && FILE_HOSTS.has(url.hostname) && url.port === ''));

  return async (given, maxBytes) => {
    const file = await options.fileInfo(given);
    const source = decodeFileSource(file.source);
    if (source.kind === 'refused') throw new FileRefused(source.reason, source.why);
    if (source.kind === 'info') throw new FileRefused('forbidden', 'Slack did not say where it is');
    const deadlineMs = options.deadlineMs ?? 60_000;
    const signal = AbortSignal.timeout(deadlineMs);
    try {
      return await download(parseUrl(source.url), file, maxBytes, signal);
    } catch (error) {
      if (!signal.aborted || error instanceof FileRefused) throw error;
      throw new Error(`the download took longer than ${deadlineMs} ms`, { cause: error });
    }
  };

  async function download(
    start: URL,
    file: IncomingFile,
    maxBytes: number,
    signal: AbortSignal,
  ): Promise<Uint8Array> {
    let url = start;
    for (let hop = 0; ; hop++) {
      if (!trusted(url)) throw new FileRefused('forbidden', `not a Slack file host: ${url.host}`);
      const response = await fetch(url, {
        headers: { Authorization: `Bearer ${options.token}` },
        redirect: 'manual',
        signal,
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        if (hop >= MAX_REDIRECTS) throw new FileRefused('unreadable', 'too many redirects');
        url = parseUrl(location, url);
        continue;
      }
      return readFile(response, file, maxBytes);
    }
  }
}

function parseUrl(text: string, base?: URL): URL {
  try {
    return new URL(text, base);
  } catch {
    throw new FileRefused('unreadable', 'not a URL');
  }
}

async function readFile(
  response: Response,
  file: IncomingFile,
  maxBytes: number,
): Promise<Uint8Array> {
  const refuse = async (refusal: FileRefused): Promise<never> => {
    await response.body?.cancel();
    throw refusal;
  };
  const { status } = response;
  if (FORBIDDEN_STATUS.has(status))
    return refuse(new FileRefused('forbidden', `Slack answered ${status}`));
  if (status >= 500 || RETRIED_STATUS.has(status)) {
    await response.body?.cancel();
    throw new Error(`Slack's file host answered ${status}`);
  }
  if (status !== 200) return refuse(new FileRefused('unreadable', `Slack answered ${status}`));
  if (isLoginPage(response, file))
    return refuse(new FileRefused('forbidden', 'Slack sent its sign-in page (no files:read?)'));
  const length = Number(response.headers.get('content-length') ?? NaN);
  if (length > maxBytes)
    return refuse(new FileRefused('too_large', `${length} bytes, more than ${maxBytes}`));
  const bytes = await readCapped(response.body, maxBytes);
  if (bytes === 'too_large') throw new FileRefused('too_large', `more than ${maxBytes} bytes`);
  if (bytes.byteLength === 0) throw new FileRefused('empty', 'the file has no bytes');
  return bytes;
}

/** An HTML page where a file that is not one was expected: Slack's sign-in page. */
function isLoginPage(response: Response, file: IncomingFile): boolean {
  const type = response.headers.get('content-type')?.toLowerCase() ?? '';
  if (!type.startsWith('text/html')) return false;
  const expected = file.mimeType?.toLowerCase() ?? '';
  return !expected.startsWith('text/html') && !/\.html?$/i.test(file.name);
}
