import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import {
  FileRefused,
  refusalBeforeFetch,
  type FileMention,
  type FilePolicy,
  type FileRefusalReason,
  type IncomingFile,
} from '../../core/files';
import type { Locale } from '../../core/locale';
import type { FileStore } from '../../core/ports/file-store';
import { fileRefusal } from '../../core/workflow/file-messages';
import { BadRequestError } from './console-refusals';
import { parseRequest } from './console-requests';
import { toUserRef, type ConsoleUser } from './console-users';

/** Where the console keeps uploads and which it takes (MAX_FILE_MB, REFUSED_FILE_TYPES). */
export interface ConsoleFiles {
  readonly store: FileStore;
  readonly policy: FilePolicy;
}

/** The ids of uploads and kept files the page may ask for. */
const SERVED_ID = /^(upload|console):[0-9a-f-]{36}$/;

/** Images a browser shows inline; anything else (SVG too: it can carry script) is downloaded. */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

const lang = z.enum(['id', 'en']).optional();
/** A file's name as shown: its last path part, without control characters, at most 200 characters. */
const fileName = z
  .string()
  .transform((name) => (name.split(/[\\/]/).pop() ?? '').replace(/[\p{Cc}\p{Cf}]/gu, '').trim())
  .pipe(z.string().min(1, 'a file name').max(200, 'at most 200 characters'));
const uploadQuery = z.object({
  as: z.string(),
  name: fileName,
  lang,
});
const serveQuery = z.object({ viewer: z.string() });
const mimeType = (value: string | undefined) =>
  value && /^[\w.+-]+\/[\w.+-]+$/.test(value.split(';')[0]?.trim() ?? '')
    ? (value.split(';')[0]?.trim().toLowerCase() ?? 'application/octet-stream')
    : 'application/octet-stream';

/** The file refused, with why in the uploader's language (`told`, which the page shows). */
function refuse(name: string, reason: FileRefusalReason, policy: FilePolicy, locale: Locale) {
  const told = fileRefusal(name, reason, policy, locale).text;
  const status = reason === 'too_large' ? 413 : 400;
  return new BadRequestError(`file refused: ${reason}`, [], status, 'file_refused', told);
}

/**
 * POST /api/files?as=budi&name=error.png (the file as the body, its type as Content-Type): kept as an
 * upload of that person, which their next DM or thread post names in `files`. Over MAX_FILE_MB a 413;
 * empty or of a refused type a 400; each with the reason in `lang` (else the desk's language).
 * GET /api/files/:id?viewer=budi: a kept file or upload, an image inline, anything else as a download.
 */
export function addFileRoutes(
  router: Router,
  options: {
    readonly files: ConsoleFiles;
    readonly userNamed: (id: string) => ConsoleUser;
    readonly defaultLocale: Locale;
    readonly admit: () => void;
  },
): void {
  const { store, policy } = options.files;
  const raw = express.raw({ type: () => true, limit: policy.maxBytes });

  router.post('/api/files', async (req, res) => {
    const query = parseRequest(uploadQuery, req.query, 'POST /api/files');
    const user = options.userNamed(query.as);
    const locale = query.lang ?? options.defaultLocale;
    options.admit();
    const declared = Number(req.headers['content-length'] ?? NaN);
    const size = Number.isFinite(declared) ? declared : undefined;
    const before = refusalBeforeFetch(
      { id: '', name: query.name, source: '', ...(size !== undefined && { size }) },
      policy,
    );
    if (before) throw refuse(query.name, before, policy, locale);
    const bytes = await readBody(req, res, raw).catch((error: unknown) => {
      if (error instanceof FileRefused) throw refuse(query.name, error.reason, policy, locale);
      throw error;
    });
    if (bytes.byteLength === 0) throw refuse(query.name, 'empty', policy, locale);
    const kept = await store.put(
      {
        id: `upload:${randomUUID()}`,
        name: query.name,
        mimeType: mimeType(req.headers['content-type']),
        from: toUserRef(user),
        at: new Date(),
      },
      bytes,
    );
    res.json({ id: kept.id, name: kept.name, mimeType: kept.mimeType, size: kept.size });
  });

  router.get('/api/files/:id', async (req, res) => {
    const { viewer } = parseRequest(serveQuery, req.query, 'GET /api/files');
    options.userNamed(viewer);
    const id = req.params.id;
    const file = SERVED_ID.test(id) ? await store.get(id) : undefined;
    const bytes = file && (await store.read(id));
    if (!file || !bytes) throw new BadRequestError(`no file ${id}`, [], 404);
    const inline = INLINE_TYPES.has(file.mimeType);
    res.set({
      'Content-Type': inline ? file.mimeType : 'application/octet-stream',
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'X-Content-Type-Options': 'nosniff',
    });
    res.send(Buffer.from(bytes));
  });
}

/** The raw body, at most the policy's size (over it: FileRefused too_large, the rest unread). */
function readBody(
  req: Request,
  res: Response,
  raw: ReturnType<typeof express.raw>,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    raw(req, res, (error: unknown) => {
      if (error === undefined || error === null)
        return resolve(Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array());
      if (error instanceof Error && Reflect.get(error, 'type') === 'entity.too.large')
        return reject(new FileRefused('too_large', 'larger than MAX_FILE_MB'));
      reject(error instanceof Error ? error : new Error('the upload could not be read'));
    });
  });
}

/**
 * The files a post names (upload ids), as the core takes them: each must be an upload of the poster,
 * so nobody sends on another's file.
 */
export async function uploadsOf(
  store: FileStore,
  poster: ConsoleUser,
  ids: readonly string[],
): Promise<IncomingFile[]> {
  const files: IncomingFile[] = [];
  for (const id of ids) {
    const upload = await store.get(id);
    if (!upload || upload.from.platform !== 'console' || upload.from.id !== poster.id)
      throw new BadRequestError(`no upload ${id} of ${poster.id}`, [
        { field: 'files', message: 'an upload of this user' },
      ]);
    files.push({
      id: id.slice('upload:'.length),
      name: upload.name,
      mimeType: upload.mimeType,
      size: upload.size,
      source: id,
    });
  }
  return files;
}

/** What a console message shows of its files (the page asks /api/files for each). */
export function mentionsOf(files: readonly IncomingFile[]): FileMention[] {
  return files.map((f) => ({
    id: f.source,
    name: f.name,
    mimeType: f.mimeType ?? 'application/octet-stream',
    size: f.size ?? 0,
  }));
}
