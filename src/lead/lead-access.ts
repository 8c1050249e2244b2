import type { NextFunction, Request, Response } from 'express';
import { isLoopbackAddress } from '../util/loopback';
import { readCookie, SESSION_COOKIE, tokenMatches, type SessionSigner } from './session-cookie';

/**
 * Who may open /dashboard and /metrics:
 * - `open`: the local console's mode (no chat platform): the server listens on loopback only, and
 *   requests whose Host is not loopback are refused (a DNS-rebinding page cannot read the figures);
 * - `token`: a chat platform is configured and DASHBOARD_TOKEN is set: a login, then a signed cookie
 *   (or, for /metrics, `Authorization: Bearer <token>`);
 * - `off`: a chat platform without DASHBOARD_TOKEN: neither exists (404).
 */
export type LeadAccess =
  | { readonly mode: 'open' }
  | {
      readonly mode: 'token';
      readonly token: string;
      readonly signer: SessionSigner;
      /** Always mark the cookie Secure (it is anyway on a request that came over https). */
      readonly secureCookie: boolean;
    }
  | { readonly mode: 'off' };

export type Guarded = 'page' | 'api' | 'metrics';

/** Lets a request through when `access` allows it; otherwise answers as fits what was asked for. */
export function requireLead(access: LeadAccess, what: Guarded) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (access.mode === 'off') return next('router');
    if (access.mode === 'open') {
      if (loopbackHost(req)) return next();
      res
        .status(403)
        .json({ error: 'the dashboard only answers requests addressed to a loopback host' });
      return;
    }
    if (hasSession(access, req)) return next();
    if (what === 'metrics' && bearerMatches(access.token, req.headers.authorization)) return next();
    if (what === 'page') return res.redirect(303, '/dashboard/login');
    res.set('WWW-Authenticate', what === 'metrics' ? 'Bearer realm="lapis"' : 'Cookie');
    res
      .status(401)
      .json({ error: 'log in at /dashboard/login (or send the token as a bearer token)' });
  };
}

export function hasSession(access: LeadAccess & { mode: 'token' }, req: Request): boolean {
  return access.signer.verify(readCookie(req.headers.cookie, SESSION_COOKIE));
}

function bearerMatches(token: string, header: string | undefined): boolean {
  const match = /^Bearer\s+(\S{1,512})$/i.exec(header ?? '');
  return Boolean(match?.[1] && tokenMatches(match[1], token));
}

function loopbackHost(req: Request): boolean {
  const header = req.headers.host ?? '';
  const name = header.startsWith('[')
    ? header.slice(0, header.indexOf(']') + 1)
    : header.split(':')[0];
  return Boolean(name && isLoopbackAddress(name));
}

/** Response headers of every dashboard page and answer: no inline script, nothing cached, no framing. */
export function dashboardHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.set({
    'Content-Security-Policy':
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  next();
}
