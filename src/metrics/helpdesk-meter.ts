import type { Platform } from '../core/people';
import type { L0OutcomeKind } from '../core/ports/l0-learning';
import type { Level, Priority } from '../core/ticket';

/**
 * What the instrumented ports report, as plain calls: the decorators in this folder call it, and
 * prometheus-meter.ts turns it into Prometheus series. Nothing here knows prom-client, so the
 * decorators are tested with a recording meter and the core knows neither.
 */
export interface HelpdeskMeter {
  /** An L0 outcome stored for the first time (a redone step is not counted again). */
  l0Outcome(kind: L0OutcomeKind, language: string): void;
  ticketOpened(ticket: { readonly platform: Platform; readonly priority: Priority }): void;
  escalated(toLevel: Level): void;
  slaBreached(level: Level, kind: 'first_response' | 'resolution'): void;
  kbSearched(seconds: number): void;
  /** From an event's arrival at the intake to the first effect it caused being sent. */
  replied(seconds: number, event: { readonly platform: string; readonly kind: string }): void;
}
