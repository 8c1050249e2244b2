import type { UserRef } from '../../src/core/people';
import type { NewTicket } from '../../src/core/ports/ticket-store';

const T0 = Date.parse('2025-03-03T02:00:00.000Z');
/** A fixed instant `minutes` after the factory's epoch (2025-03-03 02:00 UTC), a fresh Date each call. */
export const at = (minutes = 0): Date => new Date(T0 + minutes * 60_000);

export const REQUESTER: UserRef = { platform: 'slack', id: 'U-REQ-1', name: 'Sari' };

/**
 * A complete, valid NewTicket: an open L1 ticket with every optional field unset (undefined), built
 * afresh on each call (no shared objects). Override any field.
 */
export function buildNewTicket(overrides: Partial<NewTicket> = {}): NewTicket {
  return {
    requester: { ...REQUESTER },
    requesterDm: { platform: 'slack', id: 'D-REQ-1' },
    locale: 'id',
    question: 'vpn tidak bisa connect dari rumah',
    category: 'network',
    priority: 'P3',
    impact: undefined,
    details: undefined,
    level: 1,
    status: 'open',
    assignee: undefined,
    threads: {},
    cards: {},
    l0: [],
    escalations: [],
    transcript: [],
    resolution: undefined,
    csat: undefined,
    sla: {
      firstResponseDue: at(60),
      resolutionDue: at(8 * 60),
      firstResponseAt: undefined,
      pausedAt: undefined,
      pausedMinutes: 0,
      warned: [],
      breached: [],
      nextCheckAt: at(45),
    },
    createdAt: at(),
    updatedAt: at(),
    closedAt: undefined,
    audit: [{ at: at(), actor: { ...REQUESTER }, action: 'created' }],
    ...overrides,
  };
}

/** A NewTicket with every optional field set, at every depth (threads and cards at all three levels). */
export function buildFullNewTicket(overrides: Partial<NewTicket> = {}): NewTicket {
  const agent: UserRef = { platform: 'slack', id: 'U-AGENT-2', name: 'Budi' };
  const expert: UserRef = { platform: 'slack', id: 'U-L2-3' };
  return buildNewTicket({
    locale: 'en',
    question: 'Outlook keeps asking for my password',
    category: 'email',
    priority: 'P2',
    impact: 'whole finance team',
    details: 'since this morning, on Windows 11 and on the phone',
    level: 2,
    status: 'resolved',
    assignee: expert,
    threads: {
      L1: { platform: 'slack', channelId: 'C-L1', threadId: '1741000000.000100' },
      L2: { platform: 'slack', channelId: 'C-L2', threadId: '1741000100.000200' },
      L3: { platform: 'slack', channelId: 'C-L3', threadId: '1741000200.000300' },
    },
    cards: {
      L1: { platform: 'slack', channelId: 'C-L1', messageId: '1741000000.000100' },
      L2: { platform: 'slack', channelId: 'C-L2', messageId: '1741000100.000200' },
      L3: { platform: 'slack', channelId: 'C-L3', messageId: '1741000200.000300' },
    },
    l0: [
      {
        question: 'outlook minta password terus',
        articleId: 'outlook-password-prompt',
        articleTitle: 'Outlook keeps asking for a password',
        score: 0.8125,
        feedback: 'not_solved',
        since: 3,
      },
      {
        question: 'still broken',
        articleId: undefined,
        articleTitle: undefined,
        score: undefined,
        feedback: 'none',
      },
    ],
    escalations: [
      {
        at: at(30),
        by: agent,
        from: 1,
        to: 2,
        reason: 'needs an Exchange admin',
        tried: 'cleared credentials',
        automatic: false,
      },
      { at: at(31), by: undefined, from: 2, to: 3, reason: 'SLA', tried: '', automatic: true },
    ],
    transcript: [
      {
        at: at(5),
        from: 'requester',
        user: { ...REQUESTER },
        text: 'tolong',
        level: 1,
        internal: false,
        files: [{ id: 'slack:F1', name: 'error.png', mimeType: 'image/png', size: 2048 }],
      },
      { at: at(6), from: 'bot', user: undefined, text: 'Ticket opened', level: 1, internal: false },
      { at: at(7), from: 'agent', user: agent, text: 'checking', level: 2, internal: true },
    ],
    resolution: { summary: 'reset the Outlook profile', at: at(90), by: expert },
    csat: { score: 4.5, at: at(95) },
    sla: {
      firstResponseDue: at(30),
      resolutionDue: at(4 * 60),
      firstResponseAt: at(10),
      pausedAt: at(40),
      pausedMinutes: 12.5,
      warned: ['first_response'],
      breached: ['first_response', 'resolution'],
      nextCheckAt: at(120),
    },
    createdAt: at(),
    updatedAt: at(95),
    closedAt: at(100),
    followUpOf: { id: 't-earlier', key: 'IT-0999' },
    audit: [
      { at: at(), actor: { ...REQUESTER }, action: 'created' },
      {
        at: at(30),
        actor: 'system',
        action: 'escalated',
        detail: { from: 1, to: 2, automatic: false, note: 'x', none: null },
      },
    ],
    ...overrides,
  });
}
