import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { slackBlockProblems } from './slack-block-rules';
import { createSlackFileStub, type SlackFileStub } from './slack-file-stub';

/**
 * A loopback server playing Slack's Web API for the real Bolt app: it records every call (method,
 * arguments decoded from the form or JSON body, token) and answers the way Slack does (ok, channel,
 * ts; auth.test, users.info, conversations.members with pagination, conversations.open, views.*,
 * and the messages tests add: conversations.history / replies, chat.getPermalink).
 * Like Slack it refuses blocks that break Block Kit's limits. Tests can make a method answer 429 or
 * slow down. It also holds files (slack-file-stub.ts): shared by people, downloaded and uploaded by
 * the bot.
 */
export interface SlackCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
  readonly token: string | undefined;
  /** The HTTP status the stub answered with (429 for a rate-limited attempt). */
  readonly status: number;
  readonly response: Record<string, unknown>;
  readonly at: number;
}

export interface SlackPerson {
  readonly id: string;
  readonly name: string;
  readonly realName?: string;
  /** A bot user (users.info says `is_bot`). */
  readonly bot?: boolean;
}

/** A message in a channel, for conversations.history / replies and chat.getPermalink. */
export interface SlackStubMessage {
  readonly channel: string;
  readonly ts: string;
  readonly text: string;
  readonly user?: string;
  readonly botId?: string;
  /** Its thread's root, for a reply (not in the channel's history, as in Slack). */
  readonly threadTs?: string;
}

export interface SlackApiStub {
  /** Base URL for SLACK_API_URL, with the trailing slash the WebClient expects. */
  readonly url: string;
  readonly calls: SlackCall[];
  readonly botUserId: string;
  /** Files people share, and what the bot downloaded and uploaded. */
  readonly files: SlackFileStub;
  /** Successful calls of a method, in order. */
  ok(method: string): SlackCall[];
  /** The next `times` calls of `method` get a 429 with Retry-After. */
  rateLimit(method: string, times: number, retryAfterSeconds: number): void;
  /** The next `times` calls of `method` answer `{ ok: false, error }`, as Slack does on a failure. */
  fail(method: string, times: number, error: string): void;
  /** Calls of `method` are answered only after `ms`. */
  slowDown(method: string, ms: number): void;
  /** A message people can react to; the bot reads it unless it is kept out of its channel. */
  addMessage(message: SlackStubMessage): void;
  /** The bot is not in `channel`: reading it answers not_in_channel, as Slack does. */
  leaveChannel(channel: string): void;
  /** Waits until a call matching `match` has been recorded (or fails after `timeoutMs`). */
  waitFor(match: (call: SlackCall) => boolean, timeoutMs?: number): Promise<SlackCall>;
  close(): Promise<void>;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

const JSON_ARGS = new Set(['blocks', 'view', 'attachments', 'metadata', 'files']);

function decodeArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json'))
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = JSON_ARGS.has(key) ? (JSON.parse(value) as unknown) : value;
  }
  return args;
}

export async function startSlackApiStub(options: {
  people: readonly SlackPerson[];
  members: Readonly<Record<string, readonly string[]>>;
  /** Members per conversations.members page, to exercise the cursor. */
  pageSize?: number;
  /** Answers for further methods (apps.connections.open for Socket Mode). */
  answers?: Readonly<Record<string, (args: Record<string, unknown>) => Record<string, unknown>>>;
  /** The token file downloads want (default the tests' bot token). */
  botToken?: string;
}): Promise<SlackApiStub> {
  const botUserId = 'UBOT00001';
  const calls: SlackCall[] = [];
  const limits = new Map<string, { times: number; retryAfter: number }>();
  const delays = new Map<string, number>();
  const failures = new Map<string, { times: number; error: string }>();
  let sequence = 0;
  const nextTs = () => {
    sequence += 1;
    return `${1_700_000_000 + sequence}.${String(sequence).padStart(6, '0')}`;
  };
  const people = new Map(options.people.map((p) => [p.id, p]));
  const address = { origin: '' }; // once the server listens
  const files = createSlackFileStub(
    () => address.origin,
    () => options.botToken ?? 'xoxb-test-token',
  );
  const messages: SlackStubMessage[] = [];
  const notIn = new Set<string>();
  const messageJson = (m: SlackStubMessage) => ({
    type: 'message',
    ts: m.ts,
    text: m.text,
    ...(m.user && { user: m.user }),
    ...(m.botId && { bot_id: m.botId, subtype: 'bot_message' }),
    ...(m.threadTs && { thread_ts: m.threadTs }),
  });

  /** conversations.history (top-level messages up to `latest`) and conversations.replies. */
  function read(method: string, channel: string, args: Record<string, unknown>) {
    if (notIn.has(channel)) return { ok: false, error: 'not_in_channel' };
    if (!/^[CG][A-Z0-9]+$/.test(channel)) return { ok: false, error: 'channel_not_found' };
    const inChannel = messages.filter((m) => m.channel === channel);
    if (method === 'conversations.history') {
      const latest = Number(str(args.latest) || Infinity);
      const found = inChannel
        .filter((m) => !m.threadTs && Number(m.ts) <= latest)
        .sort((a, b) => Number(b.ts) - Number(a.ts))
        .slice(0, Number(args.limit ?? 100));
      return { ok: true, messages: found.map(messageJson) };
    }
    const ts = str(args.ts);
    const asked = inChannel.find((m) => m.ts === ts);
    if (!asked) return { ok: false, error: 'thread_not_found' };
    const root = asked.threadTs ?? asked.ts;
    const thread = inChannel.filter((m) => m.ts === root || m.threadTs === root);
    return { ok: true, messages: thread.map(messageJson) };
  }

  function answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const extra = options.answers?.[method];
    if (extra) return extra(args);
    const channel = typeof args.channel === 'string' ? args.channel : '';
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          user_id: botUserId,
          bot_id: 'BBOT00001',
          team_id: 'T00000001',
          user: 'lapis',
        };
      case 'chat.postMessage':
      case 'chat.update':
      case 'chat.postEphemeral': {
        if (!/^[CGD][A-Z0-9]+$/.test(channel)) return { ok: false, error: 'channel_not_found' };
        const problems = slackBlockProblems(args);
        if (problems.length) return { ok: false, error: 'invalid_blocks', errors: problems };
        if (method === 'chat.postEphemeral') return { ok: true, message_ts: nextTs() };
        const ts = method === 'chat.update' ? String(args.ts) : nextTs();
        return { ok: true, channel, ts, message: { text: args.text, ts } };
      }
      case 'conversations.open': {
        const user = str(args.users);
        return people.has(user)
          ? { ok: true, channel: { id: `D${user.slice(1)}` } }
          : { ok: false, error: 'user_not_found' };
      }
      case 'conversations.members':
        return membersPage(channel, str(args.cursor));
      case 'conversations.history':
      case 'conversations.replies':
        return read(method, channel, args);
      case 'chat.getPermalink': {
        const ts = str(args.message_ts);
        if (notIn.has(channel)) return { ok: false, error: 'not_in_channel' };
        if (!messages.some((m) => m.channel === channel && m.ts === ts))
          return { ok: false, error: 'message_not_found' };
        const permalink = `https://lapis-test.slack.com/archives/${channel}/p${ts.replace('.', '')}`;
        return { ok: true, channel, permalink };
      }
      case 'users.info': {
        const person = people.get(str(args.user));
        if (!person) return { ok: false, error: 'user_not_found' };
        const profile = { display_name: person.name, real_name: person.realName ?? person.name };
        const user = { id: person.id, name: person.name.toLowerCase(), profile };
        return { ok: true, user: { ...user, is_bot: person.bot === true } };
      }
      case 'views.open':
      case 'views.publish': {
        const problems = slackBlockProblems(args);
        if (problems.length) return { ok: false, error: 'invalid_arguments', errors: problems };
        return { ok: true, view: { id: `V${String(++sequence).padStart(8, '0')}` } };
      }
      default:
        return files.answer(method, args) ?? { ok: false, error: 'unknown_method' };
    }
  }

  function membersPage(channel: string, cursor: string): Record<string, unknown> {
    const all = options.members[channel];
    if (!all) return { ok: false, error: 'channel_not_found' };
    const size = options.pageSize ?? 100;
    const start = cursor ? Number(cursor) : 0;
    const next = start + size < all.length ? String(start + size) : '';
    return {
      ok: true,
      members: all.slice(start, start + size),
      response_metadata: { next_cursor: next },
    };
  }

  const server = http.createServer((req, res) => {
    if (files.serve(req, res)) return;
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^\/api\//, '').replace(/\?.*$/, '');
      const args = decodeArgs(raw, req.headers['content-type']);
      const token = req.headers.authorization?.replace(/^Bearer /, '');
      const limit = limits.get(method);
      const reply = (status: number, body: Record<string, unknown>, headers = {}) => {
        calls.push({ method, args, token, status, response: body, at: Date.now() });
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      if (limit && limit.times > 0) {
        limit.times -= 1;
        return reply(
          429,
          { ok: false, error: 'ratelimited' },
          { 'retry-after': String(limit.retryAfter) },
        );
      }
      const failure = failures.get(method);
      if (failure && failure.times > 0) {
        failure.times -= 1;
        return reply(200, { ok: false, error: failure.error });
      }
      setTimeout(() => reply(200, answer(method, args)), delays.get(method) ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  address.origin = `http://127.0.0.1:${port}`;

  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    botUserId,
    files,
    ok: (method) =>
      calls.filter((c) => c.method === method && c.status === 200 && c.response.ok === true),
    rateLimit: (method, times, retryAfter) => void limits.set(method, { times, retryAfter }),
    fail: (method, times, error) => void failures.set(method, { times, error }),
    slowDown: (method, ms) => void delays.set(method, ms),
    addMessage: (message) => void messages.push(message),
    leaveChannel: (channel) => void notIn.add(channel),
    async waitFor(match, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = calls.find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error('timed out waiting for a Slack API call');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
