import type { UserRef } from '../people';
import type { Level, Ticket, TicketStatus } from '../ticket';

export type NewTicket = Omit<Ticket, 'id' | 'key' | 'version'>;

/**
 * Tickets, one document each with the audit trail inside. Every change is a conditional replace on
 * `version`, so two instances (or two agents) racing on one ticket cannot both win.
 */
export interface TicketStore {
  /**
   * Stores a new ticket at version 0 with a human key (IT-1001, IT-1002...). With an `id` (derived
   * from the work item that creates it) a second call returns the ticket the first one stored.
   */
  create(ticket: NewTicket, id?: string): Promise<Ticket>;
  get(id: string): Promise<Ticket | undefined>;
  /** The ticket whose thread (at any level) has this root message. */
  getByThread(platform: string, threadId: string): Promise<Ticket | undefined>;
  /**
   * Replaces the ticket if it is still at `expectedVersion` (the stored version becomes
   * expectedVersion + 1); returns the stored ticket, or undefined when someone else changed it first.
   */
  update(next: Ticket, expectedVersion: number): Promise<Ticket | undefined>;
  listByRequester(requester: UserRef, statuses?: readonly TicketStatus[]): Promise<Ticket[]>;
  listByLevel(level: Level, statuses: readonly TicketStatus[]): Promise<Ticket[]>;
  /** Tickets whose SLA check time has come. */
  listDueForSla(now: Date, limit: number): Promise<Ticket[]>;
  /** Tickets whose reminder or auto-close (`nextTimerAt`) has come, earliest first. */
  listDueForTimers(now: Date, limit: number): Promise<Ticket[]>;
  /** Active tickets older than `createdBefore` with no card at their level (its post was given up). */
  listMissingCards(createdBefore: Date, limit: number): Promise<Ticket[]>;
}
