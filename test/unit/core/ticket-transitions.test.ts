import { isLapisError } from '../../../src/core/errors';
import { ALWAYS_OPEN } from '../../../src/core/sla/business-calendar';
import { createSlaPolicy, startSla } from '../../../src/core/sla/sla-policy';
import type { Ticket } from '../../../src/core/ticket';
import * as tr from '../../../src/core/workflow/ticket-transitions';

const agent = { platform: 'console', id: 'ayu', name: 'Ayu' } as const;
const other = { platform: 'console', id: 'rudi', name: 'Rudi' } as const;
const created = new Date('2026-11-30T02:00:00Z');
const sla = createSlaPolicy({ businessHours: ALWAYS_OPEN });
const ctx = (minutes = 0): tr.TransitionContext => ({
  actor: agent,
  now: new Date(created.getTime() + minutes * 60_000),
  sla,
});

function ticket(changes: Partial<Ticket> = {}): Ticket {
  return {
    id: 't1',
    key: 'IT-1001',
    version: 3,
    requester: { platform: 'console', id: 'budi' },
    requesterDm: { platform: 'console', id: 'dm:budi' },
    locale: 'en',
    question: 'printer jam',
    category: 'printing',
    priority: 'P3',
    impact: 'me',
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
    sla: startSla(created, 'P3', sla),
    createdAt: created,
    updatedAt: created,
    closedAt: undefined,
    audit: [],
    ...changes,
  };
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isLapisError(error)) return error.code;
    throw error;
  }
  return 'allowed';
}

describe('ticket state machine', () => {
  it('claims an open ticket once; a second agent is refused, the same agent is a no-op', () => {
    const claimed = tr.claim(ticket(), ctx(5), 1, agent);
    expect(claimed).toMatchObject({ status: 'claimed', assignee: agent });
    expect(claimed.sla.firstResponseAt).toEqual(ctx(5).now);
    expect(claimed.audit.map((a) => a.action)).toEqual(['claimed']);
    expect(tr.claim(claimed, ctx(6), 1, agent)).toBe(claimed);
    expect(refusal(() => tr.claim(claimed, ctx(6), 1, other))).toBe('conflict');
    expect(refusal(() => tr.claim(ticket({ level: 2 }), ctx(), 1, agent))).toBe('stale_action');
  });

  it('escalates one level at a time with reason and what was tried, never past L3', () => {
    const l2 = tr.escalate(tr.claim(ticket(), ctx(), 1, agent), ctx(1), 1, {
      reason: 'r',
      tried: 't',
    });
    expect(l2).toMatchObject({ level: 2, status: 'open', assignee: undefined });
    expect(l2.escalations).toEqual([
      { at: ctx(1).now, by: agent, from: 1, to: 2, reason: 'r', tried: 't', automatic: false },
    ]);
    const l3 = tr.escalate(l2, ctx(2), 2, { reason: 'r', tried: 't' });
    expect(refusal(() => tr.escalate(l3, ctx(3), 3, { reason: 'r', tried: 't' }))).toBe(
      'invalid_input',
    );
    expect(refusal(() => tr.sendBack(ticket(), ctx(), 1, 'n'))).toBe('invalid_input');
    expect(tr.sendBack(l3, ctx(4), 3, 'back').level).toBe(2);
  });

  it('only active tickets can be worked; resolved ones can be confirmed, rated once, reopened in the window', () => {
    const resolved = tr.resolve(ticket(), ctx(10), 1, 'fixed');
    expect(resolved).toMatchObject({ status: 'resolved', resolution: { summary: 'fixed' } });
    expect(resolved.sla.nextCheckAt).toBeUndefined();
    expect(refusal(() => tr.resolve(resolved, ctx(11), 1, 'again'))).toBe('stale_action');
    expect(refusal(() => tr.claim(resolved, ctx(11), 1, agent))).toBe('stale_action');
    expect(refusal(() => tr.cancel(resolved, ctx(11)))).toBe('stale_action');
    const rated = tr.rate(resolved, ctx(12), 4);
    expect(rated.csat?.score).toBe(4);
    expect(refusal(() => tr.rate(rated, ctx(13), 5))).toBe('stale_action');
    expect(refusal(() => tr.rate(resolved, ctx(13), 6))).toBe('invalid_input');
    expect(tr.reopen(rated, ctx(60), 72, 'still jammed')).toMatchObject({
      status: 'claimed', // back to whoever resolved it
      assignee: agent,
      transcript: [{ from: 'requester', text: 'still jammed' }],
    });
    expect(refusal(() => tr.reopen(rated, ctx(73 * 60), 72, 'x'))).toBe('invalid_input');
    expect(refusal(() => tr.reopen(ticket(), ctx(), 72, 'x'))).toBe('stale_action');
    const closed = tr.confirmResolved(rated, ctx(14));
    expect(closed).toMatchObject({ status: 'closed', closedAt: ctx(14).now });
    // Confirmed as working: a new problem is a new ticket, not a reopen.
    expect(refusal(() => tr.reopen(closed, ctx(60), 72, 'x'))).toBe('stale_action');
  });

  it('stops the SLA clocks on resolution and resumes them on reopen, without the time spent resolved', () => {
    const fresh = ticket({ priority: 'P2', sla: startSla(created, 'P2', sla) });
    const due = fresh.sla.resolutionDue.getTime();
    const resolved = tr.resolve(fresh, ctx(30), 1, 'fixed');
    expect(resolved.sla.pausedAt).toEqual(ctx(30).now);
    // Reopened two days later: the resolution target moves by the two days it stood still.
    const reopened = tr.reopen(resolved, ctx(30 + 2 * 24 * 60), 72, 'broken again');
    expect(reopened.sla.pausedAt).toBeUndefined();
    expect(reopened.sla.resolutionDue.getTime()).toBe(due + 2 * 24 * 3_600_000);
    expect(reopened.sla.resolutionDue.getTime()).toBeGreaterThan(
      ctx(30 + 2 * 24 * 60).now.getTime(),
    );
    expect(reopened.sla.nextCheckAt).toBeDefined();
  });

  it('tells why an action is refused: moved on, top level, lowest level, window, already rated', () => {
    const atL3 = ticket({ level: 3 });
    expect(refusal(() => tr.escalate(atL3, ctx(), 3, { reason: 'r', tried: 't' }))).toBe(
      'invalid_input',
    );
    expect(refusal(() => tr.escalate(ticket(), ctx(), 2, { reason: 'r', tried: 't' }))).toBe(
      'stale_action',
    );
    expect(refusal(() => tr.sendBack(ticket(), ctx(), 1, 'n'))).toBe('invalid_input');
  });

  it('pauses the SLA while waiting on the requester and resumes when they reply', () => {
    const waiting = tr.waitOnRequester(ticket(), ctx(5), 1);
    expect(waiting).toMatchObject({ status: 'waiting_on_requester', assignee: agent });
    expect(waiting.sla.pausedAt).toEqual(ctx(5).now);
    const entry = {
      at: ctx(65).now,
      from: 'requester' as const,
      user: undefined,
      text: 'here',
      level: 1 as const,
      internal: false,
    };
    const back = tr.requesterReplied(waiting, ctx(65), entry);
    expect(back.status).toBe('claimed');
    expect(back.sla.pausedMinutes).toBe(60);
    expect(back.transcript).toEqual([entry]);
  });

  it('keeps internal notes from counting as a first response', () => {
    const note = {
      at: ctx(1).now,
      from: 'agent' as const,
      user: agent,
      text: 'n',
      level: 1 as const,
      internal: true,
    };
    expect(tr.agentReplied(ticket(), ctx(1), note).sla.firstResponseAt).toBeUndefined();
    expect(
      tr.agentReplied(ticket(), ctx(1), { ...note, internal: false }).sla.firstResponseAt,
    ).toEqual(ctx(1).now);
  });

  it('records refusals and SLA events in the audit trail', () => {
    expect(tr.recordRefusal(ticket(), ctx(), 'claim', 'not an agent').audit).toEqual([
      {
        at: created,
        actor: agent,
        action: 'refused',
        detail: { action: 'claim', reason: 'not an agent' },
      },
    ]);
    const warned = tr.recordSlaEvent(
      ticket(),
      { ...ctx(), actor: 'system' },
      'first_response',
      'warning',
    );
    expect(warned.sla.warned).toEqual(['first_response']);
    expect(warned.audit[0]).toMatchObject({ actor: 'system', action: 'sla_warning' });
  });
});
