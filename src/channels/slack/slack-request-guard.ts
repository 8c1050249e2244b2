import { isValidSlackRequest } from '@slack/bolt';
import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Logger } from '../../logging/logger';
import { BUTTON_ACTION_PATTERN } from './slack-button-value';
import { SLASH_COMMAND, TICKET_SHORTCUT } from './slack-commands';
import { FORM_CALLBACK_ID } from './slack-modal';

const MAX_BODY = '1mb';

const object = z.looseObject({});
const eventEnvelope = z.looseObject({
  type: z.literal('event_callback'),
  event_id: z.string().min(1),
  event: z.looseObject({ type: z.string() }),
});
const otherEnvelope = z.looseObject({
  type: z.enum(['url_verification', 'app_rate_limited']),
});
const blockActions = z.looseObject({
  type: z.literal('block_actions'),
  user: z.looseObject({ id: z.string() }),
  actions: z.array(z.looseObject({ action_id: z.string() })).min(1),
});
const viewSubmission = z.looseObject({
  type: z.literal('view_submission'),
  user: z.looseObject({ id: z.string() }),
  view: z.looseObject({
    id: z.string(),
    callback_id: z.string(),
    private_metadata: z.string(),
    state: z.looseObject({ values: object }),
  }),
});
const shortcut = z.looseObject({
  type: z.enum(['message_action', 'shortcut']),
  callback_id: z.string(),
  trigger_id: z.string(),
  user: z.looseObject({ id: z.string() }),
});
const command = z.looseObject({ command: z.string(), user_id: z.string(), trigger_id: z.string() });

type Verdict = 'pass' | 'ignore' | 'malformed';

/** What Lapis does with a verified body: hand it to Bolt, answer it at once, or refuse it. */
function classify(body: unknown): Verdict {
  if (body === null || typeof body !== 'object') return 'malformed';
  if (command.safeParse(body).success)
    return (body as { command: string }).command === SLASH_COMMAND ? 'pass' : 'ignore';
  const payload = (body as { payload?: unknown } | null)?.payload;
  if (typeof payload === 'string') return classifyPayload(payload);
  if ('command' in body || 'actions' in body || 'name' in body) return 'malformed';
  if (eventEnvelope.safeParse(body).success || otherEnvelope.safeParse(body).success) return 'pass';
  return 'malformed';
}

function classifyPayload(raw: string): Verdict {
  let payload: unknown;
  try {
    payload = JSON.parse(raw);
  } catch {
    return 'malformed';
  }
  if (payload === null || typeof payload !== 'object') return 'malformed';
  const type = (payload as { type?: unknown }).type;
  // Bolt routes on these fields before `type` and reads them without checking: outside the shape
  // that owns them they would make it throw.
  const routing = ['actions', 'event', 'command', 'name'].filter((key) => key in payload);
  if (type !== 'block_actions' && routing.length) return 'malformed';
  // Objects Bolt reads fields of whenever they are present (a `view: null` made it throw).
  const fields = payload as Record<string, unknown>;
  const notObject = ['user', 'view', 'message', 'channel', 'team', 'container'].some(
    (key) => key in fields && (fields[key] === null || typeof fields[key] !== 'object'),
  );
  if (notObject) return 'malformed';
  if (type === 'block_actions') {
    const parsed = blockActions.safeParse(payload);
    if (!parsed.success) return 'malformed';
    // Bolt routes a press by its first action only; a Lapis button behind another would go unanswered.
    return BUTTON_ACTION_PATTERN.test(parsed.data.actions[0]?.action_id ?? '') ? 'pass' : 'ignore';
  }
  if (type === 'view_submission') {
    const parsed = viewSubmission.safeParse(payload);
    if (!parsed.success) return 'malformed';
    return parsed.data.view.callback_id === FORM_CALLBACK_ID ? 'pass' : 'ignore';
  }
  if (type === 'message_action' || type === 'shortcut') {
    const parsed = shortcut.safeParse(payload);
    if (!parsed.success) return 'malformed';
    // Bolt matches a callback id in `view` first when there is one (as for a modal's submission).
    const view = (payload as { view?: { callback_id?: unknown } }).view;
    const callbackId = view ? view.callback_id : parsed.data.callback_id;
    return callbackId === TICKET_SHORTCUT ? 'pass' : 'ignore';
  }
  return typeof type === 'string' ? 'ignore' : 'malformed'; // view_closed, block_suggestion...
}

function parseBody(raw: string, contentType: string): unknown {
  if (contentType.includes('application/json')) return JSON.parse(raw) as unknown;
  return Object.fromEntries(new URLSearchParams(raw));
}

/**
 * In front of Bolt at /slack/events: the signature is checked (401), then the body's shape. A
 * signed body Lapis cannot read is a 400 with one warning line (Bolt would throw and log a stack,
 * answering 500), and one no listener of Lapis would take (another app's button, a closed modal) is
 * answered at once, where Bolt would keep Slack waiting 3 s for a 404. The raw body is handed on as
 * `req.rawBody`, which Bolt's receiver reads instead of the stream.
 */
export function slackRequestGuard(signingSecret: string, log: Logger) {
  const raw = express.raw({ type: () => true, limit: MAX_BODY });
  const check = (req: Request, res: Response, next: NextFunction): void => {
    const body = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const valid = isValidSlackRequest({
      signingSecret,
      body,
      headers: {
        'x-slack-signature': req.get('x-slack-signature') ?? '',
        'x-slack-request-timestamp': Number(req.get('x-slack-request-timestamp')),
      },
    });
    if (!valid) return void res.status(401).end();
    let verdict: Verdict;
    try {
      verdict = classify(parseBody(body, req.get('content-type') ?? ''));
    } catch {
      verdict = 'malformed';
    }
    if (verdict === 'malformed') {
      log.warn({ bytes: body.length }, 'refused a signed Slack request Lapis cannot read');
      return void res.status(400).json({ error: 'malformed Slack payload' });
    }
    if (verdict === 'ignore') return void res.status(200).end();
    Object.assign(req, { rawBody: Buffer.from(body, 'utf8') });
    next();
  };
  return [raw, check];
}
