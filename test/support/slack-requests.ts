import { createHmac } from 'node:crypto';

/**
 * Signed requests to the app's /slack/events, as Slack sends them: events as JSON, slash commands
 * as a form, interactions as a form with a `payload` field; each signed
 * `v0=HMAC_SHA256(secret, "v0:" + timestamp + ":" + rawBody)`.
 */
export interface SlackResponse {
  readonly status: number;
  readonly body: string;
  readonly ms: number;
}

export interface SendOptions {
  /** Seconds since the epoch; default now. */
  readonly timestamp?: number;
  /** Replaces the computed signature (or removes it with null). */
  readonly signature?: string | null;
  readonly retryNum?: number;
}

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function createSlackSender(url: string, secret: string) {
  async function send(
    body: string,
    contentType: string,
    options: SendOptions = {},
  ): Promise<SlackResponse> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
    };
    const signature =
      options.signature === undefined ? sign(secret, timestamp, body) : options.signature;
    if (signature !== null) headers['x-slack-signature'] = signature;
    if (options.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(options.retryNum);
      headers['x-slack-retry-reason'] = 'http_timeout';
    }
    const started = Date.now();
    const response = await fetch(url, { method: 'POST', headers, body });
    return { status: response.status, body: await response.text(), ms: Date.now() - started };
  }

  let events = 0;
  return {
    /** An event_callback; `eventId` defaults to a fresh one. */
    event(event: Record<string, unknown>, options: SendOptions & { eventId?: string } = {}) {
      const eventId = options.eventId ?? `Ev${String(++events).padStart(8, '0')}`;
      const body = JSON.stringify({
        token: 'legacy-verification-token',
        team_id: 'T00000001',
        api_app_id: 'A00000001',
        type: 'event_callback',
        event_id: eventId,
        event_time: Math.floor(Date.now() / 1000),
        event,
      });
      return send(body, 'application/json', options);
    },
    command(fields: Record<string, string>, options: SendOptions = {}) {
      const body = new URLSearchParams({
        token: 'legacy-verification-token',
        team_id: 'T00000001',
        api_app_id: 'A00000001',
        response_url: 'http://127.0.0.1:9/unused',
        ...fields,
      }).toString();
      return send(body, 'application/x-www-form-urlencoded', options);
    },
    interaction(payload: Record<string, unknown>, options: SendOptions = {}) {
      const body = new URLSearchParams({
        payload: JSON.stringify({ team: { id: 'T00000001' }, api_app_id: 'A00000001', ...payload }),
      }).toString();
      return send(body, 'application/x-www-form-urlencoded', options);
    },
    raw: send,
  };
}

export type SlackSender = ReturnType<typeof createSlackSender>;
