import type { Locale } from './locale';
import type { Level } from './ticket';

/**
 * Platform-neutral messages: the core says what to show, each channel renders it (Block Kit, Adaptive
 * Cards, the console's HTML). Text marked `user` came from a person and must be escaped by the channel
 * so it cannot ping anyone or inject markup.
 */
export type Span = { readonly text: string; readonly user?: boolean; readonly bold?: boolean };

export type Block =
  | { readonly kind: 'header'; readonly text: string }
  | { readonly kind: 'text'; readonly spans: readonly Span[] }
  | {
      readonly kind: 'fields';
      readonly fields: readonly { readonly label: string; readonly value: Span }[];
    }
  | { readonly kind: 'actions'; readonly actions: readonly Action[] }
  | { readonly kind: 'context'; readonly spans: readonly Span[] }
  /**
   * Who to notify on an escalation: a user group or on-call users of that level, rendered as a ping
   * followed by `text` ("this ticket needs you", in the agents' language).
   */
  | { readonly kind: 'ping'; readonly level: Level; readonly text: string };

/** Every button the core can send; channels validate incoming presses against this one list. */
export const ACTION_IDS = [
  'l0_solved',
  'l0_need_help',
  'l0_pick',
  'l0_area',
  'ticket_form',
  'claim',
  'escalate',
  'send_back',
  'resolve',
  'wait_requester',
  'confirm_resolved',
  'reopen',
  'cancel',
  'csat',
  'draft_article',
] as const;

export type ActionId = (typeof ACTION_IDS)[number];

/** A button. `form` names the fields a channel must collect (modal, card inputs) before sending it. */
export interface Action {
  readonly id: ActionId;
  readonly label: string;
  readonly style?: 'primary' | 'danger';
  /** Opaque to channels: sent back verbatim with the press (ticket id, version, value). */
  readonly payload: string;
  readonly form?: readonly FormField[];
}

export interface FormField {
  readonly name: string;
  readonly label: string;
  readonly type: 'text' | 'textarea' | 'select';
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  readonly required: boolean;
  /** Pre-filled value (a select's option value); the person may change it before sending. */
  readonly initial?: string;
}

export interface OutboundMessage {
  /** Plain-text fallback (notifications, screen readers). */
  readonly text: string;
  readonly blocks: readonly Block[];
  /**
   * The language it is written in, so a channel shows its own words around it (a form's Cancel and
   * "Choose…", a required field's error) in the same one. Every message with a form carries it.
   */
  readonly locale?: Locale;
}

export function plain(text: string): Span {
  return { text };
}

export function fromUser(text: string): Span {
  return { text, user: true };
}
