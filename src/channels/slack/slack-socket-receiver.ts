import type { App, Logger as BoltLogger, Receiver, ReceiverEvent, webApi } from '@slack/bolt';
import { SocketModeClient } from '@slack/socket-mode';
import type { Logger } from '../../logging/logger';

interface Envelope {
  readonly ack: (response?: Record<string, unknown>) => Promise<void>;
  readonly body: Record<string, unknown>;
  readonly retry_num?: number;
  readonly retry_reason?: string;
}

/**
 * Socket Mode that acknowledges an envelope only after Bolt has run its listeners, which record the
 * event in the inbox: the Socket Mode form of `processBeforeResponse`. Bolt's own receiver sends the
 * ack of an Events API envelope before any listener runs, so an event the database did not take
 * would be acknowledged and lost; here it stays unacknowledged and Slack delivers it again.
 */
export class RecordFirstSocketReceiver implements Receiver {
  readonly client: SocketModeClient;
  private app: App | undefined;

  constructor(
    options: {
      appToken: string;
      logger: BoltLogger;
      clientOptions: webApi.WebClientOptions;
    },
    private readonly log: Logger,
  ) {
    this.client = new SocketModeClient({
      appToken: options.appToken,
      logger: options.logger,
      clientOptions: options.clientOptions,
    });
    this.client.on('slack_event', (envelope: Envelope) => void this.take(envelope));
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

  private async take(envelope: Envelope): Promise<void> {
    let response: Record<string, unknown> | undefined;
    let acked = false;
    const event: ReceiverEvent = {
      body: envelope.body,
      ...(envelope.retry_num !== undefined && { retryNum: envelope.retry_num }),
      ...(envelope.retry_reason !== undefined && { retryReason: envelope.retry_reason }),
      ack: (answer?: unknown) => {
        acked = true;
        if (answer && typeof answer === 'object') response = answer as Record<string, unknown>;
        return Promise.resolve();
      },
    };
    try {
      await this.app?.processEvent(event);
    } catch (err) {
      this.log.warn(
        { err, type: envelope.body.type },
        'Socket Mode envelope not taken; left unacknowledged so Slack delivers it again',
      );
      return;
    }
    // Nothing called ack (an envelope no listener took): acknowledged all the same, nothing to redo.
    if (!acked) this.log.debug({ type: envelope.body.type }, 'Socket Mode envelope not routed');
    await envelope.ack(response).catch((err: unknown) => {
      this.log.warn({ err }, 'could not acknowledge a Socket Mode envelope');
    });
  }
}
