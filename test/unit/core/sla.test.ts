import { ALWAYS_OPEN, createBusinessCalendar } from '../../../src/core/sla/business-calendar';
import {
  createSlaPolicy,
  dueSlaEvents,
  pauseSla,
  resumeSla,
  startSla,
} from '../../../src/core/sla/sla-policy';
import { createHarness, people } from '../../support/helpdesk-harness';
import { textOf } from '../../support/recording-surface';

const jakarta = createBusinessCalendar({
  timeZone: 'Asia/Jakarta',
  days: [1, 2, 3, 4, 5],
  open: 8 * 60,
  close: 17 * 60,
  holidays: ['2026-12-25'],
});

describe('business calendar', () => {
  it('counts only working hours, skipping nights, weekends and holidays', () => {
    // Friday 16:30 in Jakarta (UTC+7) plus one business hour is Monday 08:30.
    expect(jakarta.addMinutes(new Date('2026-11-27T09:30:00Z'), 60).toISOString()).toBe(
      '2026-11-30T01:30:00.000Z',
    );
    expect(
      jakarta.minutesBetween(new Date('2026-11-27T09:30:00Z'), new Date('2026-11-30T01:30:00Z')),
    ).toBe(60);
    // Thursday 24 Dec 16:30 + 60: Christmas and the weekend are skipped.
    expect(jakarta.addMinutes(new Date('2026-12-24T09:30:00Z'), 60).toISOString()).toBe(
      '2026-12-28T01:30:00.000Z',
    );
    // Before opening, the clock starts at opening time.
    expect(jakarta.addMinutes(new Date('2026-11-30T00:00:00Z'), 15).toISOString()).toBe(
      '2026-11-30T01:15:00.000Z',
    );
  });

  it('runs around the clock when asked', () => {
    expect(ALWAYS_OPEN.addMinutes(new Date('2026-11-28T23:50:00Z'), 15).toISOString()).toBe(
      '2026-11-29T00:05:00.000Z',
    );
  });
});

describe('SLA policy', () => {
  const policy = createSlaPolicy({ businessHours: jakarta });
  const monday9 = new Date('2026-11-30T02:00:00Z');

  it('uses the default targets: P1 around the clock, the rest in business hours', () => {
    const p1 = startSla(monday9, 'P1', policy);
    expect(p1.firstResponseDue.toISOString()).toBe('2026-11-30T02:15:00.000Z');
    expect(p1.resolutionDue.toISOString()).toBe('2026-11-30T06:00:00.000Z');
    const p2 = startSla(monday9, 'P2', policy);
    expect(p2.resolutionDue.toISOString()).toBe('2026-11-30T10:00:00.000Z'); // 8 business hours: Monday 17:00
    expect(p2.nextCheckAt?.toISOString()).toBe('2026-11-30T02:48:00.000Z'); // warning at 80% of the first hour
  });

  it('warns before a breach, then breaches, each once', () => {
    const sla = startSla(monday9, 'P2', policy);
    const at = (iso: string) => dueSlaEvents(sla, monday9, 'P2', policy, new Date(iso));
    expect(at('2026-11-30T02:30:00Z')).toEqual([]);
    expect(at('2026-11-30T02:50:00Z')).toEqual([{ clock: 'first_response', kind: 'warning' }]);
    expect(at('2026-11-30T03:01:00Z')).toEqual([{ clock: 'first_response', kind: 'breach' }]);
    const warned = { ...sla, warned: ['first_response' as const] };
    expect(dueSlaEvents(warned, monday9, 'P2', policy, new Date('2026-11-30T02:50:00Z'))).toEqual(
      [],
    );
  });

  it('pauses and resumes, moving the due times by the business time paused', () => {
    const sla = startSla(monday9, 'P3', policy);
    const paused = pauseSla(sla, new Date('2026-11-30T03:00:00Z'));
    expect(paused.nextCheckAt).toBeUndefined();
    expect(dueSlaEvents(paused, monday9, 'P3', policy, new Date('2026-12-31T00:00:00Z'))).toEqual(
      [],
    );
    const resumed = resumeSla(paused, new Date('2026-11-30T05:00:00Z'), monday9, 'P3', policy);
    expect(resumed.pausedMinutes).toBe(120);
    expect(resumed.firstResponseDue.getTime() - sla.firstResponseDue.getTime()).toBe(120 * 60_000);
  });
});

describe('SLA sweep', () => {
  async function p2Ticket(autoEscalate = false) {
    const h = createHarness({ autoEscalate });
    await h.dm(people.budi, 'printer paper jam');
    await h.press(people.budi, h.button('l0_need_help'));
    await h.press(people.budi, h.button('ticket_form'), {
      category: 'printing',
      impact: 'team',
      urgency: 'blocked',
    });
    const ticket = (await h.stores.tickets.listByRequester(people.budi))[0]!;
    expect(ticket.priority).toBe('P2');
    return { h, ticket };
  }

  it('warns in the thread before the first-response breach and pings at the breach, once each', async () => {
    const { h, ticket } = await p2Ticket();
    h.advance(49);
    expect(await h.sweep()).toBe(1);
    expect(textOf(h.last('reply', 'L1')!)).toMatch(/SLA warning: first response for IT-1001/);
    await h.sweep();
    expect(h.sent.filter((s) => /SLA warning/.test(textOf(s.message)))).toHaveLength(1);
    h.advance(15);
    await Promise.all([h.sweep(), h.sweep()]);
    const breaches = h.sent.filter((s) => /SLA breached/.test(textOf(s.message)));
    expect(breaches).toHaveLength(1);
    expect(textOf(breaches[0]!.message)).toMatch(/@L1/);
    const stored = (await h.stores.tickets.get(ticket.id))!;
    expect(stored.sla.breached).toEqual(['first_response']);
    expect(stored.audit.filter((a) => a.action.startsWith('sla_')).map((a) => a.action)).toEqual([
      'sla_warning',
      'sla_breach',
    ]);
  });

  it('escalates automatically on a resolution breach when configured', async () => {
    const { h, ticket } = await p2Ticket(true);
    await h.press(people.ayu, h.button('claim', 'L1'));
    h.advance(9 * 60 * 2); // well past 8 business hours
    await h.sweep();
    const stored = (await h.stores.tickets.get(ticket.id))!;
    expect(stored.level).toBe(2);
    expect(stored.escalations.at(-1)).toMatchObject({ automatic: true, from: 1, to: 2 });
    expect(stored.threads.L2).toBeDefined();
  });
});
