import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { hasSession, type LeadAccess } from './lead-access';
import { createLoginLimiter, FAILURE_DELAY_MS } from './login-limiter';
import { loginPage } from './login-page';
import { SESSION_COOKIE, SESSION_HOURS, tokenMatches } from './session-cookie';

const loginBody = z.object({ token: z.string().max(512) });

/** GET/POST /dashboard/login and POST /dashboard/logout (token mode). */
export function addLoginRoutes(lead: Router, access: LeadAccess & { mode: 'token' }): void {
  const limiter = createLoginLimiter();
  const form = (res: Response, status: number, message?: string): void =>
    void res.status(status).type('html').send(loginPage(message));

  lead.get('/login', (req, res) => {
    if (hasSession(access, req)) res.redirect(303, '/dashboard');
    else form(res, 200);
  });
  lead.post('/login', express.urlencoded({ extended: false, limit: '2kb' }), async (req, res) => {
    const address = req.socket.remoteAddress ?? 'unknown';
    const wait = limiter.retryAfter(address);
    if (wait > 0) {
      res.set('Retry-After', String(wait));
      return form(res, 429, `Too many wrong tokens: try again in ${Math.ceil(wait / 60)} min.`);
    }
    const login = loginBody.safeParse(req.body);
    if (!login.success || !tokenMatches(login.data.token, access.token)) {
      limiter.failed(address);
      await new Promise((resolve) => setTimeout(resolve, FAILURE_DELAY_MS));
      return form(res, 401, 'That is not the dashboard token.');
    }
    limiter.succeeded(address);
    res.cookie(SESSION_COOKIE, access.signer.issue(), {
      httpOnly: true,
      sameSite: 'strict',
      secure: access.secureCookie || isHttps(req),
      path: '/',
      maxAge: SESSION_HOURS * 3600_000,
    });
    return res.redirect(303, '/dashboard');
  });
  lead.post('/logout', (req, res) => {
    res.clearCookie(SESSION_COOKIE, {
      httpOnly: true,
      sameSite: 'strict',
      secure: access.secureCookie || isHttps(req),
      path: '/',
    });
    res.redirect(303, '/dashboard/login');
  });
}

/**
 * Over https, directly or behind a proxy that says so. The header is only trusted to add the Secure
 * flag, which a forged header could only make stricter.
 */
function isHttps(req: Request): boolean {
  return req.secure || req.headers['x-forwarded-proto'] === 'https';
}
