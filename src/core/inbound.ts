import type { Locale } from './locale';
import type { ActionId } from './messages';
import type { ConversationRef, ThreadRef, UserRef } from './people';

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
      readonly text: string;
      readonly locale?: Locale;
    }
  | {
      readonly kind: 'thread_message';
      readonly deliveryId: string;
      readonly user: UserRef;
      readonly thread: ThreadRef;
      readonly text: string;
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
      readonly locale?: Locale;
    };

/** The core's single entry point, as every channel sees it. */
export interface Helpdesk {
  handle(event: Inbound): Promise<void>;
  /** Looks at tickets whose SLA timers are due; called periodically by main. Returns how many it handled. */
  sweepSla(): Promise<number>;
}
