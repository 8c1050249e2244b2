import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Helpdesk, TicketViews } from '../../core/inbound';
import { ChannelSetupError } from '../../core/ports/channel';
import { displayName } from '../../core/people';
import { truncate } from '../../core/text/truncate';
import type { Ticket } from '../../core/ticket';
import { isLoopbackAddress } from '../../util/loopback';
import { projectRoot } from '../../util/project-root';
import type { Locale } from '../../core/locale';
import { dmConversation } from './console-conversations';
import { consoleLabels } from './console-labels';
import {
  actionBody,
  conversationQuery,
  dmBody,
  MAX_TEXT,
  myTicketsQuery,
  parseRequest,
  queueQuery,
  threadBody,
  ticketRequestBody,
} from './console-requests';
import { BadRequestError, refusalHandler } from './console-refusals';
import type { ConsoleFeed } from './console-surface';
import { toUserRef, type ConsoleUser } from './console-users';
import { addFileRoutes, mentionsOf, uploadsOf, type ConsoleFiles } from './console-files';

export interface ConsoleRouterOptions {
  /**
   * The core: `accept` for posts, `views` for the queue and "my tickets" panels. Without `views`
   * (a stand-in core) those two endpoints answer 503 and the page leaves the panels out.
   */
  readonly helpdesk: Pick<Helpdesk, 'accept'> & Partial<Pick<Helpdesk, 'views' | 'admission'>>;
  readonly feed: ConsoleFeed;
  readonly users: readonly ConsoleUser[];
  /** The desk's IANA time zone (TIME_ZONE): the page shows times in it; else in the browser's. */
  readonly timeZone?: string;
  /**
   * The languages the page speaks: `agent` (AGENT_LOCALE) in the level channels, and `default`
   * (DEFAULT_LOCALE) in a DM until the bot has answered its employee in their own.
   */
  readonly locales: { readonly agent: Locale; readonly default: Locale };
  /** Unexpected failures (500s); bad requests are the caller's and are not logged. */
  readonly logError?: (error: unknown, context: string) => void;
  /** Uploads and the files shown in the page; without it posts carry no files. */
  readonly files?: ConsoleFiles;
}

/**
 * The local web console: the page, the people you can act as, conversations to read, and three
 * posts (DM, thread reply, button) that become the core's Inbound events. It trusts `as`, so it is
 * for loopback only (see assertLoopback); it also refuses requests whose Host is not loopback, which
 * stops DNS-rebinding pages from driving it.
 */
export function createConsoleRouter(options: ConsoleRouterOptions): Router {
  const publicDir = findPublicDir();
  const router = Router();
  router.use(securityHeaders, loopbackHostOnly);
  router.get('/', (_req, res) => res.sendFile(path.join(publicDir, 'index.html')));
  router.use(express.static(publicDir, { index: false }));
  // Before the JSON parser: an upload's body is the file, whatever its type.
  if (options.files)
    addFileRoutes(router, {
      files: options.files,
      userNamed: userFinder(options.users),
      defaultLocale: options.locales.default,
      admit: () => refuseWhenNotAdmitting(options.helpdesk),
    });
  router.use('/api', express.json({ limit: '32kb' }));
  addReadRoutes(router, options);
  addPostRoutes(router, options);
  addTicketRequestRoute(router, options);
  router.use('/api', (_req, res) => {
    res.status(404).json({ error: 'no such console endpoint', code: 'not_found' });
  });
  router.use(refusalHandler(options.logError));
  return router;
}

function userFinder(users: readonly ConsoleUser[]): (id: string) => ConsoleUser {
  return (id) => {
    const user = users.find((u) => u.id === id);
    if (!user) {
      throw new BadRequestError(
        `unknown user "${id}": act as one of ${users.map((u) => u.id).join(', ')}`,
        [{ field: 'as', message: 'an unknown user' }],
      );
    }
    return user;
  };
}

function addReadRoutes(
  router: Router,
  { helpdesk, feed, users, timeZone, locales, files }: ConsoleRouterOptions,
): void {
  const userNamed = userFinder(users);
  router.get('/api/users', (_req, res) => {
    res.json({ users: users.map(({ id, name, role }) => ({ id, name, role })) });
  });
  router.get('/api/desk', (_req, res) => {
    res.json({
      timeZone: timeZone ?? null,
      maxText: MAX_TEXT,
      // The largest file the page may send (bytes), or null when the console takes no files.
      maxFileBytes: files ? files.policy.maxBytes : null,
      views: !!helpdesk.views,
      agentLocale: locales.agent,
      defaultLocale: locales.default,
    });
  });
  const labels = consoleLabels();
  router.get('/api/labels', (_req, res) => {
    res.json(labels);
  });
  router.get('/api/conversation', async (req, res) => {
    const query = parseRequest(conversationQuery, req.query, 'GET /api/conversation');
    userNamed(query.viewer);
    res.json({ conversation: query.c, messages: await feed.read(query.c, query.viewer) });
  });
  const views = (): TicketViews => {
    if (!helpdesk.views) throw new BadRequestError('this core has no ticket views', [], 503);
    return helpdesk.views;
  };
  router.get('/api/queue', async (req, res) => {
    const { level } = parseRequest(queueQuery, req.query, 'GET /api/queue');
    const tickets = await views().levelQueue(level);
    res.json({ level, tickets: tickets.map(ticketItem) });
  });
  router.get('/api/my-tickets', async (req, res) => {
    const query = parseRequest(myTicketsQuery, req.query, 'GET /api/my-tickets');
    const user = userNamed(query.as);
    const tickets = await views().myTickets(toUserRef(user));
    res.json({ user: user.id, tickets: tickets.map(ticketItem) });
  });
}

/** The longest question a queue entry carries; the ticket card has the rest. */
export const MAX_QUEUE_QUESTION = 200;

/** A ticket as the queue and "my tickets" panels list it: what to pick it by, nothing more. */
function ticketItem(ticket: Ticket) {
  return {
    key: ticket.key,
    priority: ticket.priority,
    status: ticket.status,
    level: ticket.level,
    assignee: ticket.assignee ? displayName(ticket.assignee) : null,
    question: truncate(ticket.question, MAX_QUEUE_QUESTION),
    createdAt: ticket.createdAt.toISOString(),
  };
}

/**
 * What people type is recorded in the feed first, so it shows before the bot's answer; the event is
 * then recorded in the core's inbox and the request answered (the answer follows through the feed).
 */
function addPostRoutes(
  router: Router,
  { helpdesk, feed, users, files }: ConsoleRouterOptions,
): void {
  const userNamed = userFinder(users);
  const deliveryId = () => randomUUID();
  /** The uploads a post names, as the core takes them (refused when the console keeps no files). */
  const filesOf = async (user: ConsoleUser, ids: readonly string[] | undefined) => {
    if (!ids?.length) return [];
    if (!files) throw new BadRequestError('this console takes no files', [], 400);
    return uploadsOf(files.store, user, ids);
  };

  router.post('/api/dm', async (req, res) => {
    const body = parseRequest(dmBody, req.body, 'POST /api/dm');
    const user = userNamed(body.as);
    const conversation = dmConversation(user.id);
    const sent = await filesOf(user, body.files);
    // Refused before it is shown: a message the core will not take must not look sent.
    refuseWhenNotAdmitting(helpdesk);
    await feed.recordPost({ conversation, from: user, text: body.text, files: mentionsOf(sent) });
    const dm = { platform: 'console' as const, id: conversation };
    await helpdesk.accept({
      kind: 'direct_message',
      deliveryId: deliveryId(),
      user: toUserRef(user),
      dm,
      text: body.text,
      ...(sent.length ? { files: sent } : {}),
    });
    res.json({ ok: true });
  });

  router.post('/api/thread', async (req, res) => {
    const body = parseRequest(threadBody, req.body, 'POST /api/thread');
    const { as, channel, threadId, text } = body;
    const user = userNamed(as);
    if (!(await feed.hasThread(channel, threadId))) {
      throw new BadRequestError(`no ticket thread ${threadId} in ${channel}`, [], 404);
    }
    const sent = await filesOf(user, body.files);
    refuseWhenNotAdmitting(helpdesk);
    await feed.recordPost({
      conversation: channel,
      threadId,
      from: user,
      text,
      files: mentionsOf(sent),
    });
    const thread = { platform: 'console' as const, channelId: channel, threadId };
    await helpdesk.accept({
      kind: 'thread_message',
      deliveryId: deliveryId(),
      user: toUserRef(user),
      thread,
      text,
      ...(sent.length ? { files: sent } : {}),
    });
    res.json({ ok: true });
  });

  router.post('/api/action', async (req, res) => {
    const body = parseRequest(actionBody, req.body, 'POST /api/action');
    const user = userNamed(body.as);
    const dm = dmConversation(user.id);
    await helpdesk.accept({
      kind: 'action',
      deliveryId: deliveryId(),
      user: toUserRef(user),
      action: body.action,
      payload: body.payload,
      ...(body.form && { form: body.form }),
      ...(user.role === 'employee' && { dm: { platform: 'console' as const, id: dm } }),
      // Only a message of the presser's own DM can be named, and of it only the bot's own messages
      // are ever updated (console-messages.ts): nobody retires another's buttons or rewrites words.
      ...(user.role === 'employee' &&
        body.message && {
          message: { platform: 'console' as const, channelId: dm, messageId: body.message },
        }),
    });
    res.json({ ok: true });
  });
}

/**
 * "Create ticket" on a person's message in a level channel (the console's only place outside DMs):
 * the core opens a ticket for its author with the message and its link (the page shows the
 * message at `#msg-<id>`). A person's second press is the same delivery; anyone's finds the same
 * ticket. The bot's own messages have no such button and are refused.
 */
function addTicketRequestRoute(router: Router, { helpdesk, feed, users }: ConsoleRouterOptions) {
  const userNamed = userFinder(users);
  router.post('/api/ticket-request', async (req, res) => {
    const body = parseRequest(ticketRequestBody, req.body, 'POST /api/ticket-request');
    const user = userNamed(body.as);
    const entries = await feed.read(body.channel, user.id);
    const found = entries
      .flatMap((root) => [root, ...root.replies])
      .find((entry) => entry.id === body.messageId && !entry.ephemeral);
    if (!found)
      throw new BadRequestError(`no message ${body.messageId} in ${body.channel}`, [], 404);
    if (!found.from)
      throw new BadRequestError('Lapis makes no tickets of its own messages', [
        { field: 'messageId', message: 'a message of the bot' },
      ]);
    const author = users.find((u) => u.id === found.from?.id);
    if (!author) throw new BadRequestError(`the author of ${body.messageId} is unknown`, [], 404);
    refuseWhenNotAdmitting(helpdesk);
    await helpdesk.accept({
      kind: 'ticket_request',
      deliveryId: `ticket:${body.messageId}:${user.id}`,
      user: toUserRef(user),
      replyTo: { platform: 'console', id: dmConversation(user.id) },
      message: { platform: 'console', channelId: body.channel, messageId: body.messageId },
      author: toUserRef(author),
      authorDm: { platform: 'console', id: dmConversation(author.id) },
      text: found.message.text,
      link: `http://${hostOf(req)}/#msg-${body.messageId}`,
    });
    res.json({ ok: true });
  });
}

/** The loopback host the page was reached at (checked by loopbackHostOnly), for links to it. */
function hostOf(req: Request): string {
  const host = req.headers.host ?? '';
  return /^[a-zA-Z0-9.[\]:-]{1,100}$/.test(host) ? host : 'localhost';
}

/** Refuses to serve the console anywhere but loopback: it lets whoever reaches it act as anyone. */
export function assertLoopback(host: string): void {
  if (!isLoopbackAddress(host)) {
    throw new ChannelSetupError(
      `The local console must only listen on loopback, but HOST is "${host}". It lets whoever ` +
        'reaches it act as any employee or agent, so it is a single-machine demo: set HOST=127.0.0.1 ' +
        '(the default), or configure Slack or Teams to serve a team.',
    );
  }
}

function loopbackHostOnly(req: Request, res: Response, next: NextFunction): void {
  const header = req.headers.host ?? '';
  const name = header.startsWith('[')
    ? header.slice(0, header.indexOf(']') + 1)
    : header.split(':')[0];
  if (name && isLoopbackAddress(name)) return next();
  res.status(403).json({ error: 'the console only answers requests addressed to a loopback host' });
}

function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.set({
    'Content-Security-Policy':
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  next();
}

/** The page's files: next to this module when copied into dist/, else in the source tree. */
function findPublicDir(): string {
  const candidates = [
    path.join(__dirname, 'public'),
    path.join(projectRoot(__dirname), 'src', 'channels', 'console', 'public'),
  ];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'index.html')));
  if (!found) throw new Error(`the console's page is missing: looked in ${candidates.join(', ')}`);
  return found;
}

/** Throws the core's refusal (shutting down, backlog full) when it would not take an event now. */
function refuseWhenNotAdmitting(helpdesk: Partial<Pick<Helpdesk, 'admission'>>): void {
  const refused = helpdesk.admission?.();
  if (refused) throw refused;
}
