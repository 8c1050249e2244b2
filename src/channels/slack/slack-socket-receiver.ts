import type { App, Logger as BoltLogger, Receiver, ReceiverEvent, webApi } from '@slack/bolt';
import { SocketModeClient } from '@slack/socket-mode';
import type { Logger } from '../../logging/logger';
import type { SlackBodyKind, SlackDelivery } from './slack-delivery';
import { inputProperties } from './slack-input-context';

interface Envelope {
  readonly ack: (response?: Record<string, unknown>) => Promise<void>;
  /** events_api, interactive, slash_commands (Socket Mode's names of Slack's three bodies). */
  readonly type: string;
  readonly body: unknown;
  readonly retry_num?: number;
  readonly retry_reason?: string;
}

const BODY_KINDS: Readonly<Record<string, SlackBodyKind>> = {
  events_api: 'event',
  interactive: 'interaction',
  slash_commands: 'command',
};

/**
 * Socket Mode that acknowledges an envelope only after Bolt has run its listeners, which record the
 * event in the inbox: the Socket Mode form of `processBeforeResponse`. Bolt's own receiver sends the
 * ack of an Events API envelope before any listener runs, so an event the database did not take
 * would be acknowledged and lost; here it stays unacknowledged and Slack delivers it again.
 * Envelopes are read as HTTP bodies are (slack-delivery): what no listener of Lapis takes, or what
 * Lapis cannot read, is acknowledged at once and goes no further.
 */
export class RecordFirstSocketReceiver implements Receiver {
  readonly client: SocketModeClient;
  private app: App | undefined;
  private readonly classify: (kind: SlackBodyKind, body: unknown) => SlackDelivery;

  constructor(
    options: {
      appToken: string;
      logger: BoltLogger;
      clientOptions: webApi.WebClientOptions;
      classify: (kind: SlackBodyKind, body: unknown) => SlackDelivery;
    },
    private readonly log: Logger,
  ) {
    this.client = new SocketModeClient({
      appToken: options.appToken,
      logger: options.logger,
      clientOptions: options.clientOptions,
    });
    this.classify = options.classify;
    this.client.on('slack_event', (envelope: Envelope) => void this.receive(envelope));
  }

  init(app: App): void {
    this.app = app;
  }

  start(): Promise<unknown> {
    return this.client.start();
  }

  stop(): Promise<unknown> {
    return this.client.disconnect();
  }

  private async receive(envelope: Envelope): Promise<void> {
    const kind = BODY_KINDS[envelope.type];
    const delivery: SlackDelivery = kind
      ? this.classify(kind, envelope.body)
      : { verdict: 'ignore' };
    if (delivery.verdict === 'take') return this.take(envelope, delivery);
    if (delivery.verdict === 'malformed')
      this.log.warn(
        { type: envelope.type },
        'acknowledged a Socket Mode envelope Lapis cannot read',
      );
    else if (delivery.verdict === 'ignore' && delivery.note)
      this.log.warn({}, `ignored ${delivery.note}`);
    await this.acknowledge(envelope);
  }

  private async take(
    envelope: Envelope,
    delivery: Extract<SlackDelivery, { verdict: 'take' }>,
  ): Promise<void> {
    let response: Record<string, unknown> | undefined;
    let acked = false;
    const event: ReceiverEvent = {
      body: delivery.body,
      ...(envelope.retry_num !== undefined && { retryNum: envelope.retry_num }),
      ...(envelope.retry_reason !== undefined && { retryReason: envelope.retry_reason }),
      ack: (answer?: unknown) => {
        acked = true;
        if (answer && typeof answer === 'object') response = answer as Record<string, unknown>;
        return Promise.resolve();
      },
      customProperties: inputProperties(delivery.input),
    };
    try {
      await this.app?.processEvent(event);
    } catch (err) {
      this.log.warn(
        { err, type: envelope.type },
        'Socket Mode envelope not taken; left unacknowledged so Slack delivers it again',
      );
      return;
    }
    // Nothing called ack (an envelope no listener took): acknowledged all the same, nothing to redo.
    if (!acked) this.log.debug({ type: envelope.type }, 'Socket Mode envelope not routed');
    await this.acknowledge(envelope, response);
  }

  private acknowledge(envelope: Envelope, response?: Record<string, unknown>): Promise<void> {
    return envelope.ack(response).catch((err: unknown) => {
      this.log.warn({ err }, 'could not acknowledge a Socket Mode envelope');
    });
  }
}
