import {
  HTTPModuleFunctions,
  ReceiverMultipleAckError,
  type App,
  type Logger as BoltLogger,
  type Receiver,
  type ReceiverEvent,
} from '@slack/bolt';
import type { IRouter, Request, Response } from 'express';
import type { Logger } from '../../logging/logger';
import type { SlackBodyKind, SlackDelivery, SlackInput } from './slack-delivery';
import { slackProcessEventError } from './slack-error-response';
import { readSlackHttpBody } from './slack-http-body';
import { inputProperties } from './slack-input-context';

export const SLACK_EVENTS_PATH = '/slack/events';
const MAX_BODY = 1024 * 1024;

export interface SlackHttpReceiverOptions {
  /** Main's express app (or a router of it): the receiver answers POST /slack/events there. */
  readonly router: IRouter;
  readonly signingSecret: string;
  readonly classify: (kind: SlackBodyKind, body: unknown) => SlackDelivery;
  readonly log: Logger;
  /** Bolt's logger, for Bolt's own answer to an error it raised. */
  readonly logger: BoltLogger;
}

/**
 * Slack over HTTP, as a Bolt receiver mounted at /slack/events: the raw body is read once (1 MB at
 * most), its signature and timestamp checked once (401), parsed and read once (slack-delivery).
 * What no listener of Lapis takes is answered at once (200, or 400 with one warning for what Lapis
 * cannot read); the rest goes to Bolt with what was read of it, and Slack hears back once Bolt's
 * listeners have returned, that is once the event is recorded (`processBeforeResponse` in Bolt's
 * own receivers). A listener that could not record it answers 503 or 500 (slack-error-response),
 * and Slack retries, marking it with x-slack-retry-num.
 */
export class SlackHttpReceiver implements Receiver {
  private app: App | undefined;

  constructor(private readonly options: SlackHttpReceiverOptions) {
    options.router.post(SLACK_EVENTS_PATH, (req, res) => void this.receive(req, res));
  }

  init(app: App): void {
    this.app = app;
  }

  /** Main owns the listening server. */
  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  private async receive(req: Request, res: Response): Promise<void> {
    const { log } = this.options;
    let raw: string;
    try {
      raw = (await HTTPModuleFunctions.bufferIncomingMessage(req, MAX_BODY)).rawBody.toString();
    } catch (err) {
      const tooLarge = HTTPModuleFunctions.isRawBodyError(err) && err.statusCode === 413;
      log.warn(
        { err },
        tooLarge ? 'refused a Slack request over 1 MB' : 'unreadable Slack request',
      );
      return void res.status(tooLarge ? 413 : 400).end();
    }
    const read = readSlackHttpBody(
      raw,
      {
        contentType: req.get('content-type'),
        signature: req.get('x-slack-signature'),
        timestamp: req.get('x-slack-request-timestamp'),
      },
      this.options.signingSecret,
    );
    if (read.kind === 'ssl_check') return void res.status(200).end();
    if (read.kind === 'unsigned') {
      log.debug({ why: read.problem }, 'refused a Slack request: not signed by Slack, or stale');
      return void res.status(401).end();
    }
    const delivery: SlackDelivery =
      read.kind === 'read' ? this.options.classify(read.as, read.body) : { verdict: 'malformed' };
    switch (delivery.verdict) {
      case 'malformed':
        log.warn({ bytes: raw.length }, 'refused a signed Slack request Lapis cannot read');
        return void res.status(400).json({ error: 'malformed Slack payload' });
      case 'challenge':
        return void res.json({ challenge: delivery.challenge });
      case 'ignore':
        if (delivery.note) log.warn({}, `ignored ${delivery.note}`);
        return void res.status(200).end();
      case 'take':
        return this.dispatch(req, res, delivery.body, delivery.input);
    }
  }

  /** Bolt runs its listeners; their ack's answer is sent once they have all returned. */
  private async dispatch(
    req: Request,
    res: Response,
    body: Record<string, unknown>,
    input: SlackInput,
  ): Promise<void> {
    let acked = false;
    let answer: unknown;
    const event: ReceiverEvent = {
      body,
      ack: (response?: unknown) => {
        if (acked) return Promise.reject(new ReceiverMultipleAckError());
        acked = true;
        answer = response;
        return Promise.resolve();
      },
      retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req),
      retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req),
      customProperties: inputProperties(input),
    };
    try {
      if (!this.app) throw new Error('the Slack receiver is not attached to a Bolt app');
      await this.app.processEvent(event);
    } catch (error) {
      await slackProcessEventError({
        error: error instanceof Error ? error : new Error(String(error)),
        logger: this.options.logger,
        request: req,
        response: res,
        storedResponse: answer,
      });
      return;
    }
    HTTPModuleFunctions.buildContentResponse(res, answer);
  }
}
