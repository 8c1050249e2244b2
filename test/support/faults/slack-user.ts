import { randomBytes } from 'node:crypto';
import type { SlackCall } from '../slack-api-stub';
import type { FoundButton } from '../slack-calls';
import { SIGNING_SECRET } from '../slack-cast';
import { createSlackSender, type SlackResponse, type SlackSender } from '../slack-requests';
import { sleep } from './wait';

/**
 * People acting in Slack against one or more bot URLs: DMs, thread replies, button presses, modal
 * submissions, as signed requests. `deliver` plays Slack's side of an HTTP delivery: it gives up on a
 * reply after a timeout and retries what was not acknowledged (2xx), like Slack's retries.
 */
export interface Delivery {
  /** The last answer's status; 0 for a refused connection, -1 for no answer in time. */
  readonly status: number;
  readonly statuses: readonly number[];
  readonly acked: boolean;
  readonly startedAt: number;
  /** When the acknowledged attempt was sent. */
  readonly ackedSentAt: number | undefined;
}

export interface RetryPolicy {
  readonly retries: number;
  readonly delayMs: number;
  readonly timeoutMs: number;
  /** No retry starts after this time (epoch ms). */
  readonly untilMs?: number;
}

/** Slack: 3 s to answer, then up to 3 retries (Slack waits minutes; the bench is quicker). */
export const LIKE_SLACK: RetryPolicy = { retries: 3, delayMs: 1000, timeoutMs: 3000 };
export const NO_RETRY: RetryPolicy = { retries: 0, delayMs: 0, timeoutMs: 3000 };

const ok = (status: number) => status >= 200 && status < 300;

async function attemptOnce(send: () => Promise<SlackResponse>, timeoutMs: number) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<number>((resolve) => (timer = setTimeout(() => resolve(-1), timeoutMs)));
  const answered = send().then(
    (r) => r.status,
    () => 0,
  );
  try {
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Sends (attempt n gets retry number n), retrying what is not acknowledged. */
export async function deliver(
  send: (retryNum: number | undefined) => Promise<SlackResponse>,
  policy: RetryPolicy,
): Promise<Delivery> {
  const startedAt = Date.now();
  const statuses: number[] = [];
  for (let n = 0; ; n++) {
    const sentAt = Date.now();
    const status = await attemptOnce(() => send(n === 0 ? undefined : n), policy.timeoutMs);
    statuses.push(status);
    if (ok(status)) return { status, statuses, acked: true, startedAt, ackedSentAt: sentAt };
    if (n >= policy.retries || Date.now() + policy.delayMs > (policy.untilMs ?? Infinity))
      return { status, statuses, acked: false, startedAt, ackedSentAt: undefined };
    await sleep(policy.delayMs);
  }
}

const run = randomBytes(3).toString('hex');
let counter = 0;
/** Unique across processes sharing a database: event ids, message and action timestamps. */
export const freshId = (prefix: string) => `${prefix}${run}x${++counter}`;
export const freshTs = () => {
  counter += 1;
  return `${1_810_000_000 + counter}.${String(counter).padStart(6, '0')}`;
};

interface Who {
  readonly id: string;
  readonly name: string;
}

export function createUsers() {
  const senders = new Map<string, SlackSender>();
  const sender = (url: string) => {
    let s = senders.get(url);
    if (!s) senders.set(url, (s = createSlackSender(url, SIGNING_SECRET)));
    return s;
  };
  return {
    /**
     * A DM event; the same `eventId` and `ts` make a redelivery. With `files` (file objects as
     * stub.files.addFile returns them) it is a file_share, `text` its caption ('' for files alone).
     */
    dm(
      url: string,
      who: Who & { dm: string },
      text: string,
      eventId: string,
      ts: string,
      files?: readonly Record<string, unknown>[],
    ) {
      const event = {
        type: 'message',
        ...(files && { subtype: 'file_share', files }),
        channel_type: 'im',
        channel: who.dm,
        user: who.id,
        text,
        ts,
      };
      return (retryNum?: number) =>
        sender(url).event(event, { eventId, ...(retryNum !== undefined && { retryNum }) });
    },
    /** A thread reply; with `files`, a file_share (see `dm`). */
    reply(
      url: string,
      who: Who,
      channel: string,
      threadTs: string,
      text: string,
      eventId: string,
      files?: readonly Record<string, unknown>[],
    ) {
      const event = {
        type: 'message',
        ...(files && { subtype: 'file_share', files }),
        channel_type: 'channel',
        channel,
        user: who.id,
        text,
        ts: freshTs(),
        thread_ts: threadTs,
      };
      return (retryNum?: number) =>
        sender(url).event(event, { eventId, ...(retryNum !== undefined && { retryNum }) });
    },
    /** A press; the same `actionTs` makes the same delivery id (a redelivery of one press). */
    press(url: string, who: Who, button: FoundButton, actionTs: string, triggerId: string) {
      const payload = {
        type: 'block_actions',
        user: { id: who.id, username: who.name },
        trigger_id: triggerId,
        container: { type: 'message', message_ts: button.messageTs, channel_id: button.channel },
        channel: { id: button.channel, name: button.channel.startsWith('D') ? 'dm' : 'it' },
        message: { ts: button.messageTs },
        actions: [
          {
            type: 'button',
            action_id: button.actionId,
            block_id: 'b',
            value: button.value,
            text: { type: 'plain_text', text: button.text },
            action_ts: actionTs,
          },
        ],
      };
      return () => sender(url).interaction(payload);
    },
    /** Submits the modal that a views.open call opened. */
    submit(url: string, who: Who, opened: SlackCall, values: Record<string, string>) {
      const view = opened.args.view as { private_metadata: string; blocks: { block_id: string }[] };
      const state: Record<string, Record<string, unknown>> = {};
      for (const [name, value] of Object.entries(values)) {
        const block = view.blocks.find((b) => b.block_id === name) as
          { element?: { type?: string } } | undefined;
        state[name] = {
          value:
            block?.element?.type === 'static_select'
              ? { type: 'static_select', selected_option: { value } }
              : { type: 'plain_text_input', value },
        };
      }
      const payload = {
        type: 'view_submission',
        user: { id: who.id, username: who.name },
        trigger_id: freshId('trig.'),
        view: {
          id: String((opened.response.view as { id: string }).id),
          type: 'modal',
          callback_id: 'lapis_form',
          private_metadata: view.private_metadata,
          blocks: view.blocks,
          state: { values: state },
        },
      };
      return () => sender(url).interaction(payload);
    },
  };
}

export type Users = ReturnType<typeof createUsers>;
