import express, {
  type ErrorRequestHandler,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { IntakeRefused } from '../../core/pipeline/intake';
import type { Logger } from '../../logging/logger';
import { admissionRefusal, type AdmissionRules } from './activity-admission';
import { activitySchema, type TeamsActivity } from './activity-schema';
import type { TeamsBotHost } from './bot-host';
import type { TurnResult } from './handle-activity';

/**
 * POST /api/messages, in front of the adapter. Whatever arrives, the answer is a status and the
 * process lives on:
 * - 401 when authentication is on and the request has no bearer token, or its token does not
 *   validate, for whatever reason: botbuilder answers 500 when it cannot fetch the signing keys
 *   (no network) or meets a malformed signature, and a 401 is what the sender needs to hear;
 * - 400 when the body is not an Activity: zod checks it before the adapter sees it (botbuilder
 *   4.23.3 throws outside any handler on an unsigned `{}`, which kills Node);
 * - 403 when an authenticated activity names a service URL or a tenant Lapis does not serve
 *   (activity-admission.ts): nothing of it is stored or handed to the core;
 * - 503 before the channel is attached and started, and while it stops;
 * - 500 when the activity could not be recorded (the database is down), 503 when the backlog is
 *   full, so Teams delivers the activity again.
 */
export interface MessagesEndpointDeps {
  readonly host: Pick<TeamsBotHost, 'authEnabled' | 'authenticate'>;
  /** The activity handler, or undefined while the channel is not ready. */
  readonly handler: () => ((activity: TeamsActivity) => Promise<TurnResult>) | undefined;
  readonly log: Logger;
  /** Which service URLs and tenants are served; checked once the token is. */
  readonly admission: AdmissionRules;
  /** Keeps count of requests in flight, so stopping can wait for them. */
  readonly track: <T>(work: Promise<T>) => Promise<T>;
}

const BEARER = /^Bearer\s+\S+$/i;
const MAX_BODY = '1mb';

export function messagesEndpoint(
  deps: MessagesEndpointDeps,
): [RequestHandler, RequestHandler, ErrorRequestHandler] {
  const parseJson = express.json({ limit: MAX_BODY, strict: true });
  const handle: RequestHandler = (req, res) => {
    void deps.track(answer(req, res, deps)).catch((err: unknown) => {
      // Not recorded (database down, backlog full, shutting down): Teams delivers it again later.
      const status = err instanceof IntakeRefused ? err.status : 500;
      deps.log[status === 503 ? 'warn' : 'error']({ err }, 'Teams request not taken');
      send(res, status, { error: status === 503 ? 'busy, try again' : 'internal error' });
    });
  };
  const malformed: ErrorRequestHandler = (err: unknown, req, res, _next) => {
    const tooLarge = err instanceof Error && 'type' in err && err.type === 'entity.too.large';
    void deps.track(
      (async () => {
        // An unauthenticated caller learns nothing about what Lapis expects: 401 before any 4xx.
        if (!(await tokenIsValid(req, undefined, deps))) return send(res, 401, UNAUTHORIZED);
        send(res, tooLarge ? 413 : 400, {
          error: tooLarge ? 'body too large' : 'body is not JSON',
        });
      })(),
    );
  };
  return [parseJson, handle, malformed];
}

async function answer(req: Request, res: Response, deps: MessagesEndpointDeps): Promise<void> {
  const handler = deps.handler();
  if (!handler) return send(res, 503, { error: 'not ready' });
  const authHeader = req.get('authorization') ?? '';
  if (deps.host.authEnabled && !BEARER.test(authHeader))
    return send(res, 401, { error: 'unauthorized' });
  const parsed = activitySchema.safeParse(req.body);
  if (!parsed.success) {
    if (!(await tokenIsValid(req, req.body, deps))) return send(res, 401, UNAUTHORIZED);
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
    return send(res, 400, { error: 'not a Bot Framework activity', problems });
  }
  let turn;
  try {
    turn = await deps.host.authenticate(req.body as Record<string, unknown>, authHeader);
  } catch (err) {
    deps.log.warn(
      { reason: err instanceof Error ? err.message.slice(0, 300) : String(err) },
      'Teams request refused: not authenticated',
    );
    return send(res, 401, { error: 'unauthorized' });
  }
  const refusal = admissionRefusal(parsed.data, deps.admission);
  if (refusal) {
    deps.log.warn(
      {
        reason: refusal.reason.slice(0, 300),
        activityId: parsed.data.id,
        channelId: parsed.data.channelId,
      },
      'Teams request refused: not allowed',
    );
    return send(res, 403, { error: refusal.error });
  }
  const result = await turn.run(() => handler(parsed.data));
  send(res, result.status, result.body);
}

const UNAUTHORIZED = { error: 'unauthorized' };

/**
 * For a body that is not an Activity: is the token itself valid? botbuilder checks a token against
 * the activity's serviceUrl and channel, so the probe carries the ones the token claims (the
 * signature, issuer, audience and expiry are still checked for real).
 */
async function tokenIsValid(
  req: Request,
  body: unknown,
  deps: MessagesEndpointDeps,
): Promise<boolean> {
  if (!deps.host.authEnabled) return true;
  const authHeader = req.get('authorization') ?? '';
  if (!BEARER.test(authHeader)) return false;
  const fields = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const probe = {
    channelId: typeof fields.channelId === 'string' ? fields.channelId : 'msteams',
    serviceUrl: claimedServiceUrl(authHeader) ?? '',
  };
  try {
    await deps.host.authenticate(probe, authHeader);
    return true;
  } catch {
    return false;
  }
}

function claimedServiceUrl(authHeader: string): string | undefined {
  const payload = authHeader.split(/\s+/)[1]?.split('.')[1];
  if (!payload || payload.length > 8192) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    const url = (claims as { serviceurl?: unknown } | null)?.serviceurl;
    return typeof url === 'string' ? url : undefined;
  } catch {
    return undefined;
  }
}

function send(res: Response, status: number, body?: unknown): void {
  if (res.headersSent) return;
  if (body === undefined) res.status(status).end();
  else res.status(status).json(body);
}
