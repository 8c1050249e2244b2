import { Router } from 'express';
import pTimeout from 'p-timeout';

export interface ReadinessChecks {
  /** Answers when the database does (a ping); throws or times out otherwise. */
  readonly pingDatabase: () => Promise<void>;
  readonly articles: () => number;
  /** Whether L0 runs with the semantic opinion, and why not when it does not (shown, never a failure). */
  readonly searchMode?: () => { readonly mode: string; readonly reason?: string };
  /** Why new events are refused right now (stopping, backlog full), or undefined. */
  readonly refusal: () => Error | undefined;
}

const PING_BUDGET_MS = 1000;

/**
 * GET /healthz: the process is alive (for a restart policy). GET /readyz: it can take work (for a
 * load balancer): the database answers within a second, the knowledge base is loaded, and events are
 * not being refused. Both answer JSON and are cheap enough to poll every few seconds.
 */
export function healthRoutes(checks: ReadinessChecks): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'alive' });
  });
  router.get('/readyz', async (_req, res) => {
    const problems: string[] = [];
    try {
      await pTimeout(
        checks.pingDatabase(),
        PING_BUDGET_MS,
        `no answer within ${PING_BUDGET_MS} ms`,
      );
    } catch (error) {
      problems.push(`database: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (checks.articles() === 0) problems.push('knowledge base: no articles loaded');
    const refused = checks.refusal();
    if (refused) problems.push(`intake: ${refused.message}`);
    const search = checks.searchMode?.();
    res.status(problems.length ? 503 : 200).json({
      ready: problems.length === 0,
      problems,
      ...(search ? { search } : {}),
    });
  });
  return router;
}
