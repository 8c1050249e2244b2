import type { SlackBodyKind } from './slack-delivery';
import { slackSignatureProblem, type SignatureHeaders } from './slack-signature';

/** A request to /slack/events, read once from its raw body. */
export type SlackHttpBody =
  /** Slack checking a slash command URL's certificate: unsigned, and nothing in it is read. */
  | { readonly kind: 'ssl_check' }
  | { readonly kind: 'unsigned'; readonly problem: string }
  | { readonly kind: 'unreadable' }
  | { readonly kind: 'read'; readonly as: SlackBodyKind; readonly body: unknown };

/**
 * Events come as JSON, interactions as a form with a JSON `payload`, slash commands as form fields.
 * The signature is checked on the raw body before anything in it is used; a form's fields are
 * split first only to see Slack's certificate check (answered as Bolt's HTTPReceiver does), and
 * are not split again after.
 */
export function readSlackHttpBody(
  raw: string,
  headers: SignatureHeaders & { readonly contentType: string | undefined },
  signingSecret: string,
): SlackHttpBody {
  const form = headers.contentType?.includes('application/json')
    ? undefined
    : new URLSearchParams(raw);
  if (form?.get('ssl_check') === '1') return { kind: 'ssl_check' };
  const problem = slackSignatureProblem(signingSecret, raw, headers);
  if (problem) return { kind: 'unsigned', problem };
  try {
    if (!form) return { kind: 'read', as: 'event', body: JSON.parse(raw) as unknown };
    const payload = form.get('payload');
    if (payload === null) return { kind: 'read', as: 'command', body: Object.fromEntries(form) };
    return { kind: 'read', as: 'interaction', body: JSON.parse(payload) as unknown };
  } catch {
    return { kind: 'unreadable' };
  }
}
