import { isLapisError } from '../../../src/core/errors';
import { ALWAYS_OPEN } from '../../../src/core/sla/business-calendar';
import { createSlaPolicy, startSla } from '../../../src/core/sla/sla-policy';
import { LEVELS, type Level, type Ticket, type TicketStatus } from '../../../src/core/ticket';
import {
  ActionRefused,
  AGENT_ACTIONS,
  REQUESTER_ACTIONS,
  allowedActions,
  requireAllowed,
} from '../../../src/core/workflow/allowed-actions';
import { newTicket, priorityOf } from '../../../src/core/workflow/new-ticket';
import { resolvedMessage } from '../../../src/core/workflow/resolved-message';
import { ticketCard } from '../../../src/core/workflow/ticket-card';
import * as tr from '../../../src/core/workflow/ticket-transitions';
import { TICKET_STATUSES } from '../../../src/store/ticket-document';

const created = new Date('2026-11-30T02:00:00Z');
const sla = createSlaPolicy({ businessHours: ALWAYS_OPEN });
const agent = { platform: 'console', id: 'ayu', name: 'Ayu' } as const;
const owner = { platform: 'console', id: 'rudi', name: 'Rudi' } as const;
const requester = { platform: 'console', id: 'budi', name: 'Budi' } as const;
const STATUSES: readonly TicketStatus[] = TICKET_STATUSES;

function ticket(status: TicketStatus, level: Level): Ticket {
  const base = newTicket({
    requester,
    requesterDm: { platform: 'console', id: 'dm:budi' },
    locale: 'en',
    question: 'printer jam',
    attempts: [],
    form: { category: 'printing', impact: 'me', urgency: 'low', details: undefined },
    now: created,
    sla,
  });
  return {
    ...base,
    id: 't1',
    key: 'IT-1001',
    version: 1,
    level,
    status,
    assignee: status === 'open' ? undefined : owner,
    resolution: ['resolved', 'closed'].includes(status)
      ? { summary: 'done', at: created, by: owner }
      : undefined,
    sla: startSla(created, 'P4', sla),
  };
}

function accepted(run: () => unknown): boolean {
  try {
    run();
    return true;
  } catch (error) {
    if (isLapisError(error)) return false;
    throw error;
  }
}

const ctx = { actor: agent, now: new Date(created.getTime() + 60_000), sla };

describe('allowed actions: one rule for the cards and the transitions', () => {
  it('shows on a card exactly the buttons whose transition the ticket accepts, for every state', () => {
    for (const status of STATUSES)
      for (const at of LEVELS)
        for (const viewer of LEVELS) {
          const t = ticket(status, at);
          const shown = ticketCard(t, viewer, 'en', 'Asia/Jakarta')
            .blocks.flatMap((b) => (b.kind === 'actions' ? b.actions.map((a) => a.id) : []))
            .sort();
          const accepts = AGENT_ACTIONS.filter((action) =>
            accepted(() => {
              switch (action) {
                case 'claim':
                  return tr.claim(t, ctx, viewer, agent);
                case 'escalate':
                  return tr.escalate(t, ctx, viewer, { reason: 'r', tried: 't' });
                case 'send_back':
                  return tr.sendBack(t, ctx, viewer, 'n');
                case 'wait_requester':
                  return tr.waitOnRequester(t, ctx, viewer);
                case 'resolve':
                  return tr.resolve(t, ctx, viewer, 's');
                // Not a transition (the ticket does not change): the draft handler checks the rule.
                case 'draft_article':
                  return requireAllowed(t, { role: 'agent', level: viewer }, 'draft_article', {
                    now: ctx.now,
                    reopenWindowHours: 72,
                  });
              }
            }),
          ).sort();
          expect({ status, at, viewer, shown }).toEqual({ status, at, viewer, shown: accepts });
        }
  });

  it('lets the requester do exactly what the rules allow, in every state', () => {
    for (const status of STATUSES) {
      const t = ticket(status, 1);
      const rules = { now: ctx.now, reopenWindowHours: 72 };
      const allowed = allowedActions(t, { role: 'requester' }, rules).sort();
      const accepts = REQUESTER_ACTIONS.filter((action) =>
        accepted(() => {
          const as = { ...ctx, actor: requester };
          switch (action) {
            case 'confirm_resolved':
              return tr.confirmResolved(t, as);
            case 'reopen':
              return tr.reopen(t, as, 72, 'still broken');
            case 'cancel':
              return tr.cancel(t, as);
            case 'csat':
              return tr.rate(t, as, 5);
          }
        }),
      ).sort();
      expect({ status, allowed }).toEqual({ status, allowed: accepts });
    }
  });

  it("offers the requester, on a resolution's message, exactly the buttons the ticket accepts", () => {
    const as = { ...ctx, actor: requester };
    const buttons = (t: Ticket) =>
      resolvedMessage(t, 'en')
        .blocks.flatMap((b) => (b.kind === 'actions' ? b.actions.map((a) => a.id) : []))
        .filter((id, i, all) => all.indexOf(id) === i)
        .sort();
    for (const status of STATUSES)
      for (const csat of [undefined, { score: 4, at: created }]) {
        const t: Ticket = { ...ticket(status, 1), csat };
        // Cancel is typed (a command), never a button of this message.
        const accepts = REQUESTER_ACTIONS.filter((action) =>
          accepted(() => {
            switch (action) {
              case 'confirm_resolved':
                return tr.confirmResolved(t, as);
              case 'reopen':
                return tr.reopen(t, as, 72, 'still broken');
              case 'csat':
                return tr.rate(t, as, 5);
              case 'cancel':
                throw new ActionRefused('moved_on', 'not a button here');
            }
          }),
        ).sort();
        const rated = !!csat;
        expect({ status, rated, shown: buttons(t) }).toEqual({ status, rated, shown: accepts });
      }
    // Past the window Reopen is still offered: pressed, it opens a follow-up (follow-up-ticket.ts).
    const late = { ...as, now: new Date(created.getTime() + 73 * 3_600_000) };
    const resolved = ticket('resolved', 1);
    expect(() => tr.reopen(resolved, late, 72, 'still broken')).toThrow(ActionRefused);
    expect(buttons(resolved)).toContain('reopen');
  });
});

describe('reopening a ticket a timer closed', () => {
  const as = (hours: number) => ({
    actor: requester,
    now: new Date(created.getTime() + hours * 3_600_000),
    sla,
  });
  const closedBy = (reason: 'auto_no_reply' | 'auto_resolved' | 'confirmed'): Ticket => ({
    ...ticket('closed', 1),
    closedAt: created,
    closedReason: reason,
  });

  it('is allowed for the reopen window after the close, not after a confirmation', () => {
    for (const reason of ['auto_no_reply', 'auto_resolved'] as const) {
      const rules = { now: as(71).now, reopenWindowHours: 72 };
      expect(allowedActions(closedBy(reason), { role: 'requester' }, rules)).toContain('reopen');
      const reopened = tr.reopen(closedBy(reason), as(71), 72, 'still broken');
      expect(reopened).toMatchObject({ status: 'claimed', closedReason: undefined });
      expect(() => tr.reopen(closedBy(reason), as(73), 72, 'still broken')).toThrow(ActionRefused);
    }
    expect(() => tr.reopen(closedBy('confirmed'), as(1), 72, 'still broken')).toThrow(
      ActionRefused,
    );
    // Closed for want of an answer, it was never resolved: nothing to rate.
    const unanswered = { ...closedBy('auto_no_reply'), resolution: undefined };
    expect(() => tr.rate(unanswered, as(1), 5)).toThrow(ActionRefused);
  });
});

describe('a new ticket', () => {
  it('takes its priority from impact and urgency (ITIL matrix)', () => {
    expect(priorityOf('many', 'blocked')).toBe('P1');
    expect(priorityOf('team', 'blocked')).toBe('P2');
    expect(priorityOf('me', 'blocked')).toBe('P3');
    expect(priorityOf('many', 'low')).toBe('P3');
    expect(priorityOf('me', 'low')).toBe('P4');
    expect(priorityOf('team', 'degraded')).toBe('P3');
  });

  it('starts at L1, open, with the question as the first transcript entry and its SLA running', () => {
    const t = ticket('open', 1);
    expect(t).toMatchObject({ level: 1, status: 'open', question: 'printer jam' });
    expect(t.transcript).toEqual([
      expect.objectContaining({ from: 'requester', text: 'printer jam' }),
    ]);
    expect(t.audit).toEqual([expect.objectContaining({ action: 'created' })]);
  });
});
