import type { NextFunction, Request, Response } from 'express';

/**
 * In front of every route that takes events (Slack, Teams, the console's posts): while the process
 * is stopping or its backlog is full, the request gets 503 with Retry-After before anything else
 * runs, so the platform delivers it again later (to this instance or another).
 */
export function admissionGuard(refusal: () => Error | undefined, retryAfterSeconds = 5) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'POST') return next();
    const refused = refusal();
    if (!refused) return next();
    res.set('Retry-After', String(retryAfterSeconds)).status(503).json({ error: refused.message });
  };
}
