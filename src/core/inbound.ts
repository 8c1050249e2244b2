import type { Effect } from './effects';
import type { EmployeeCommand } from './employee-commands';
import type { IncomingFile } from './files';
import type { Locale } from './locale';
import type { ActionId } from './messages';
import type { ConversationRef, MessageRef, ThreadRef, UserRef } from './people';
import type { Level, Ticket } from './ticket';

/**
 * Everything a channel can tell the core, in one shape per kind. Channels parse platform payloads
 * (with zod) into these plain values; nothing platform-specific crosses this line.
 */
export type Inbound =
  | {
      readonly kind: 'direct_message';
      /** The platform's delivery id (Slack event_id, Teams activity id): redeliveries are dropped. */
      readonly deliveryId: string;
      readonly user: UserRef;
      readonly dm: ConversationRef;
      /** May be empty when the message is only files. */
      readonly text: string;
      /** Files and screenshots sent with the message (or alone). */
      readonly files?: readonly IncomingFile[];
      /**
       * A command the channel already read with the core's grammar (employee-commands.ts), from
       * text addressed to the bot on its own (Slack's `/helpdesk status`): run as it is, the text
       * not read again.
       */
      readonly command?: EmployeeCommand;
      readonly locale?: Locale;
    }
  | {
      readonly kind: 'thread_message';
      readonly deliveryId: string;
      readonly user: UserRef;
      readonly thread: ThreadRef;
      readonly text: string;
      readonly files?: readonly IncomingFile[];
    }
  | {
      readonly kind: 'action';
      readonly deliveryId: string;
      readonly user: UserRef;
      readonly action: ActionId;
      /** Exactly what the button carried (Action.payload). */
      readonly payload: string;
      /** Values of the action's form, when it has one. */
      readonly form?: Readonly<Record<string, string>>;
      /** The employee's DM, when the press came from there. */
      readonly dm?: ConversationRef;
      /**
       * The message the button was on, when the platform says (a form carries it from its button):
       * once the press is honoured that message is updated in place without its live buttons.
       */
      readonly message?: MessageRef;
      readonly locale?: Locale;
    }
  | {
      /**
       * "Make a ticket of this message": a reaction (Slack's :ticket:), a message action (Teams'
       * "Create IT ticket"), the console's button. The ticket is the author's, not the asker's.
       */
      readonly kind: 'ticket_request';
      readonly deliveryId: string;
      /** Who asked for it (reacted, used the action). */
      readonly user: UserRef;
      /** Where that person is told privately what came of it (their DM with the bot). */
      readonly replyTo: ConversationRef;
      /** The message, where it is: the same message always names the same ticket. */
      readonly message: MessageRef;
      /** The person who wrote it: the ticket is theirs. */
      readonly author: UserRef;
      /** Their DM with the bot (or their user id standing for it, opened when first used). */
      readonly authorDm: ConversationRef;
      /** What it says, as plain text (filled in when the event is worked, on Slack). */
      readonly text?: string;
      /** Its permalink, for the agents. */
      readonly link?: string;
      /** What the asker added for IT (Teams' action dialog), kept as the ticket's details. */
      readonly note?: string;
      /**
       * Why the channel could not read the message (the bot is not in the channel...): nothing is
       * opened, and the asker is told.
       */
      readonly unreadable?: string;
      /** The message, or the request, is a bot's (Lapis's own included): ignored. */
      readonly fromBot?: boolean;
      /** The asker's language, when the platform says. */
      readonly locale?: Locale;
    };

/** The core's entry points, as channels and main see them. */
export interface Helpdesk {
  /**
   * Records the event durably (unique by its delivery id) and returns; the work follows from the
   * record. Throws IntakeRefused when the event could not be recorded: the channel answers 5xx.
   */
  accept(event: Inbound): Promise<'accepted' | 'duplicate'>;
  /** Records a delivery id that needs no work (a press that opened a modal): true the first time. */
  firstSeen(deliveryId: string): Promise<boolean>;
  /** Why new events would be refused right now (shutting down, backlog full), or undefined. */
  admission(): Error | undefined;
  /** accept, then wait until this process has worked everything due (tests, the CLI). */
  handle(event: Inbound): Promise<void>;
  /** Starts this process's workers (inbox and outbox). */
  start(): void;
  /** Refuses new events, finishes or lets go of work in hand within `deadlineMs`. */
  stop(deadlineMs: number): Promise<void>;
  /** Resolves once nothing due is left in the queues and nothing is in hand here. */
  idle(timeoutMs?: number): Promise<void>;
  /**
   * Queues the SLA checks, reminders and auto-closes of tickets that are due; main calls it
   * periodically under a job lease.
   */
  sweepSla(): Promise<number>;
  /**
   * Queues effects no event caused (the weekly digest) in the outbox, each under its own id: an id
   * queued before (the outbox keeps ids 7 days) is not queued again. Resolves to the ids that were new.
   */
  queueEffects(
    items: readonly { readonly id: string; readonly effect: Effect }[],
  ): Promise<string[]>;
  /** Whether an effect id was queued (see queueEffects), so what it would say need not be made again. */
  effectQueued(id: string): Promise<boolean>;
  /** Read-only views every channel can render (Slack's App Home...): the queries live here, once. */
  readonly views: TicketViews;
}

/** The person's own tickets, newest first; a level's active queue, oldest first. */
export interface TicketViews {
  myTickets(user: UserRef): Promise<Ticket[]>;
  levelQueue(level: Level): Promise<Ticket[]>;
}
