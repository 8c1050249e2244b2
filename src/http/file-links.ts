import { createHmac, timingSafeEqual } from 'node:crypto';
import { Router, type Request, type Response } from 'express';

/**
 * Links to the files Lapis keeps, for people who have no dashboard login (a Teams channel's agents,
 * an employee in a personal chat): GET /files/:id?exp=<unix seconds>&sig=<HMAC>. The signature
 * (HMAC-SHA256 of the id and the expiry, with a server secret) is the access rule: a link is made
 * only for a file sent into a conversation, works for whoever was shown it until it expires, and no
 * other id or expiry can be forged from it. Files are served as downloads (images inline), never as
 * something the browser runs: nosniff, a sandboxing CSP, no referrer.
 */
export const FILE_LINKS_PATH = '/files';

export interface FileLinkOptions {
  /** At least 32 bytes of secret (FILE_LINK_SECRET, or derived: src/config/file-links.ts). */
  readonly secret: string;
  /** Where people reach Lapis (PUBLIC_URL), without a trailing slash. */
  readonly baseUrl: string;
  readonly ttlSeconds: number;
  readonly now?: () => number;
}

export type LinkVerdict = 'valid' | 'expired' | 'forged';

export interface FileLinkSigner {
  linkTo(fileId: string): { url: string; expiresAt: Date };
  check(fileId: string, exp: unknown, sig: unknown): LinkVerdict;
}

export function createFileLinkSigner(options: FileLinkOptions): FileLinkSigner {
  const now = options.now ?? Date.now;
  const base = options.baseUrl.replace(/\/+$/, '');
  const signature = (fileId: string, exp: number) =>
    createHmac('sha256', options.secret).update(`${fileId}\n${exp}`).digest('base64url');
  return {
    linkTo(fileId) {
      const exp = Math.floor(now() / 1000) + options.ttlSeconds;
      const query = new URLSearchParams({ exp: String(exp), sig: signature(fileId, exp) });
      return {
        url: `${base}${FILE_LINKS_PATH}/${encodeURIComponent(fileId)}?${query.toString()}`,
        expiresAt: new Date(exp * 1000),
      };
    },
    check(fileId, exp, sig) {
      if (typeof exp !== 'string' || !/^\d{1,12}$/.test(exp) || typeof sig !== 'string')
        return 'forged';
      const expected = Buffer.from(signature(fileId, Number(exp)));
      const given = Buffer.from(sig);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged';
      return Number(exp) * 1000 <= now() ? 'expired' : 'valid';
    },
  };
}

/** What the route reads of the file store (the core's FileStore port has these). */
export interface ServedFiles {
  get(
    id: string,
  ): Promise<
    { readonly name: string; readonly mimeType: string; readonly size: number } | undefined
  >;
  read(id: string): Promise<Uint8Array | undefined>;
}

/** Raster images a browser shows inline; everything else, SVG included, is a download. */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;

export function fileLinkRoutes(
  signer: FileLinkSigner,
  files: ServedFiles,
  onError: (err: unknown) => void = () => undefined,
): Router {
  const router = Router();
  router.get(`${FILE_LINKS_PATH}/:id`, async (req: Request<{ id: string }>, res: Response) => {
    res.set({ 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'private, no-store' });
    const id = req.params.id;
    if (signer.check(id, req.query.exp, req.query.sig) !== 'valid') {
      res.status(403).type('text/plain').send('Forbidden: this link is not valid or has expired.');
      return;
    }
    try {
      const [file, bytes] = await Promise.all([files.get(id), files.read(id)]);
      if (!file || !bytes) {
        res.status(404).type('text/plain').send('Not found.');
        return;
      }
      const type = MIME_TYPE.test(file.mimeType) ? file.mimeType.toLowerCase() : '';
      const inline = INLINE_TYPES.has(type);
      res.set({
        'Content-Type': type || 'application/octet-stream',
        'Content-Length': String(bytes.byteLength),
        'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', file.name),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "sandbox; default-src 'none'",
      });
      res.status(200).end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } catch (err) {
      onError(err);
      res.status(503).type('text/plain').send('The file cannot be read right now.');
    }
  });
  return router;
}

/** RFC 6266: an ASCII fallback name and the real one in UTF-8 (RFC 5987). */
function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'file';
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
