import type { Helpdesk, Inbound } from '../inbound';
import type { Platform } from '../people';
import type { AgentDirectory } from './agent-directory';
import type { ChatSurface } from './chat-surface';

/**
 * The one shape of a chat channel (Slack, Teams on either SDK, the local console). Events reach the
 * core through `attach`'s helpdesk (`accept`, durable before the platform is answered); Lapis speaks
 * on the channel through `surface`; `agents` says who acts for a level there; `prepare` fills in what
 * the platform leaves out of a recorded event (names, mentions) when it is worked. The lifecycle:
 * built (routes mounted, refusing events), `attach`, `start` (events flow), `stop` (no new events,
 * those in flight finished). main.ts builds the configured channels and loops over them.
 */
export interface Channel {
  readonly platform: Platform;
  readonly surface: ChatSurface;
  readonly agents: AgentDirectory;
  readonly prepare?: (event: Inbound) => Promise<Inbound>;
  /** Hands the channel's events to the core; before it, events are refused (the platform retries). */
  attach(helpdesk: Helpdesk): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The start banner's line: where people reach it, given the HTTP server's address (ends in `/`). */
  describe(http: string): string;
}

/** A channel cannot run as configured (said to the operator as it is, without a stack trace). */
export class ChannelSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChannelSetupError';
  }
}
