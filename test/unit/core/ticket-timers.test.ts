import { createHarness, people } from '../../support/helpdesk-harness';
import { textOf } from '../../support/recording-surface';

const form = { category: 'printing', impact: 'me', urgency: 'low' };
const HOUR = 60;

/** Budi's ticket, claimed by Ayu, who asks him something and waits on him (at Monday 09:00 unless moved). */
async function waitingTicket(
  timers = { waitingRemindHours: 4, waitingCloseHours: 8, resolvedCloseHours: 6 },
  start?: Date,
) {
  const h = createHarness({ timers, ...(start ? { start } : {}) });
  await h.dm(people.budi, 'the printer on floor 3 has a paper jam');
  await h.press(people.budi, h.button('l0_need_help'));
  await h.press(people.budi, h.button('ticket_form'), form);
  const opened = (await h.stores.tickets.listByRequester(people.budi))[0]!;
  const thread = opened.threads.L1!;
  await h.press(people.ayu, h.button('claim', 'L1'));
  await h.reply(people.ayu, thread.threadId, thread.channelId, 'Which tray is it?');
  await h.press(people.ayu, h.button('wait_requester', 'L1'));
  const get = async () => (await h.stores.tickets.get(opened.id))!;
  const dms = () => h.sent.filter((s) => s.to === 'dm:budi').map((s) => textOf(s.message));
  const threadTexts = () => h.sent.filter((s) => s.kind === 'reply').map((s) => textOf(s.message));
  return { h, id: opened.id, thread, get, dms, threadTexts };
}

const reminders = (texts: string[]) => texts.filter((x) => /^Reminder: IT-1001/.test(x));

describe('reminders and auto-close of a ticket waiting on the requester', () => {
  it('reminds once after WAITING_REMIND_HOURS, closes after WAITING_CLOSE_HOURS with a Reopen', async () => {
    const { h, get, dms, threadTexts } = await waitingTicket();
    expect((await get()).nextTimerAt?.toISOString()).toBe('2026-11-30T06:00:00.000Z'); // 13:00

    h.advance(4 * HOUR - 1);
    await h.sweep();
    expect(reminders(dms())).toEqual([]);

    h.advance(1);
    // Two sweeps at once (two instances): one reminder.
    await Promise.all([h.sweep(), h.sweep()]);
    await h.sweep();
    expect(reminders(dms())).toHaveLength(1);
    const reminder = reminders(dms())[0]!;
    expect(reminder).toMatch(/Just reply here/);
    expect(reminder).toMatch(/closes Mon 30 Nov, 17:00/);
    expect(reminder).toMatch(/\[Cancel ticket\]/);
    expect(threadTexts().filter((x) => /Reminder sent to the requester/.test(x))).toHaveLength(1);
    const reminded = await get();
    expect(reminded.status).toBe('waiting_on_requester');
    expect(reminded.audit.filter((a) => a.action === 'reminded')).toHaveLength(1);
    expect(reminded.nextTimerAt?.toISOString()).toBe('2026-11-30T10:00:00.000Z'); // 17:00

    h.advance(4 * HOUR);
    await Promise.all([h.sweep(), h.sweep()]);
    const closed = await get();
    expect(closed).toMatchObject({ status: 'closed', closedReason: 'auto_no_reply' });
    expect(closed.nextTimerAt).toBeUndefined();
    const notices = dms().filter((x) => /is closed because I did not hear back/.test(x));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/\[Reopen\]/);
    expect(
      threadTexts().filter((x) => /Closed automatically: the requester did not answer/.test(x)),
    ).toHaveLength(1);
    const card = textOf(h.latestCard(closed.cards.L1!.messageId)!);
    expect(card).toMatch(/closed automatically: no reply/);
    expect(reminders(dms())).toHaveLength(1);
  });

  it('reopens in one click after the close, within the reopen window', async () => {
    const { h, get, threadTexts } = await waitingTicket();
    h.advance(8 * HOUR);
    await h.sweep();
    await h.sweep();
    expect((await get()).status).toBe('closed');
    h.advance(60);
    const reopen = h.button('reopen', 'dm:budi');
    await h.press(people.budi, reopen, { problem: 'tray 2, still jammed' });
    // The notice's button retires in place.
    const notice = textOf(h.shownNow(reopen)!);
    expect(notice).toMatch(/is closed because I did not hear back/);
    expect(notice).toMatch(/✓ Reopened/);
    expect(notice).not.toMatch(/\[Reopen\]/);
    const reopened = await get();
    expect(reopened).toMatchObject({ status: 'claimed', closedReason: undefined });
    expect(reopened.closedAt).toBeUndefined();
    expect(threadTexts().at(-1)).toMatch(/Reopened by the requester: tray 2, still jammed/);
  });

  it('counts business hours only: a wait begun Friday 16:00 is reminded Monday 09:00', async () => {
    const friday16 = new Date('2026-11-27T09:00:00Z');
    const { h, dms, get } = await waitingTicket(
      { waitingRemindHours: 2, waitingCloseHours: 4, resolvedCloseHours: 0 },
      friday16,
    );
    expect((await get()).nextTimerAt?.toISOString()).toBe('2026-11-30T02:00:00.000Z');
    h.advance(2 * 24 * HOUR); // Sunday 16:00: two hours later, but not two business hours
    await h.sweep();
    expect(reminders(dms())).toEqual([]);
    h.advance(17 * HOUR); // Monday 09:00
    await h.sweep();
    expect(reminders(dms())).toHaveLength(1);
  });

  it('starts the clock at the agent’s last reply, and a requester’s answer stops it', async () => {
    const { h, thread, get, dms } = await waitingTicket();
    h.advance(2 * HOUR);
    await h.reply(people.ayu, thread.threadId, thread.channelId, 'Tray 1 or tray 2?');
    expect((await get()).nextTimerAt?.toISOString()).toBe('2026-11-30T08:00:00.000Z'); // 11:00 + 4 h
    h.advance(2 * HOUR);
    await h.sweep();
    expect(reminders(dms())).toEqual([]);

    await h.dm(people.budi, 'tray 2');
    const answered = await get();
    expect(answered.status).toBe('claimed');
    expect(answered.nextTimerAt).toBeUndefined();
    h.advance(20 * HOUR);
    await h.sweep();
    expect((await get()).status).toBe('claimed');
    expect(reminders(dms())).toEqual([]);
  });

  it('with the reminder off, closes without one; with the close off, reminds and waits', async () => {
    const noReminder = await waitingTicket({
      waitingRemindHours: 0,
      waitingCloseHours: 3,
      resolvedCloseHours: 0,
    });
    noReminder.h.advance(3 * HOUR);
    await noReminder.h.sweep();
    expect((await noReminder.get()).closedReason).toBe('auto_no_reply');
    expect(reminders(noReminder.dms())).toEqual([]);

    const noClose = await waitingTicket({
      waitingRemindHours: 2,
      waitingCloseHours: 0,
      resolvedCloseHours: 0,
    });
    noClose.h.advance(2 * HOUR);
    await noClose.h.sweep();
    expect(reminders(noClose.dms())).toEqual([
      expect.not.stringMatching(/closes/) as unknown as string,
    ]);
    expect((await noClose.get()).nextTimerAt).toBeUndefined();
    noClose.h.advance(40 * HOUR);
    await noClose.h.sweep();
    expect((await noClose.get()).status).toBe('waiting_on_requester');
  });
});

describe('auto-close of a resolved ticket', () => {
  async function resolvedTicket() {
    const t = await waitingTicket();
    await t.h.dm(people.budi, 'tray 2');
    await t.h.press(people.ayu, t.h.button('resolve', 'L1'), { summary: 'Cleared tray 2' });
    return t;
  }

  it('closes after RESOLVED_CLOSE_HOURS with a notice and a Reopen that works', async () => {
    const { h, get, dms, threadTexts } = await resolvedTicket();
    expect((await get()).status).toBe('resolved');
    h.advance(6 * HOUR - 1);
    await h.sweep();
    expect((await get()).status).toBe('resolved');
    h.advance(1);
    await Promise.all([h.sweep(), h.sweep()]);
    const closed = await get();
    expect(closed).toMatchObject({ status: 'closed', closedReason: 'auto_resolved' });
    expect(dms().filter((x) => /it was resolved and I did not hear back/.test(x))).toHaveLength(1);
    expect(threadTexts().filter((x) => /neither confirmed nor reopened/.test(x))).toHaveLength(1);
    expect(textOf(h.latestCard(closed.cards.L1!.messageId)!)).toMatch(
      /closed automatically: resolution not confirmed/,
    );

    // The rating still works on the closed ticket; the reopen too, within the window after the close.
    await h.press(people.budi, h.button('csat', 'dm:budi'));
    h.advance(2 * 24 * HOUR);
    await h.press(people.budi, h.button('reopen', 'dm:budi'), { problem: 'jammed again' });
    expect(await get()).toMatchObject({ status: 'claimed', closedReason: undefined });
  });

  it('opens a follow-up when Reopen comes after the reopen window', async () => {
    const { h, get } = await resolvedTicket();
    h.advance(6 * HOUR);
    await h.sweep();
    h.advance(73 * HOUR);
    await h.press(people.budi, h.button('reopen', 'dm:budi'), { problem: 'jammed again' });
    expect((await get()).status).toBe('closed');
    const all = await h.stores.tickets.listByRequester(people.budi);
    expect(all.map((x) => x.followUpOf?.key)).toContain('IT-1001');
  });

  it('keeps the reason when the requester confirms or cancels', async () => {
    const confirmed = await resolvedTicket();
    await confirmed.h.press(people.budi, confirmed.h.button('confirm_resolved', 'dm:budi'));
    expect(await confirmed.get()).toMatchObject({ status: 'closed', closedReason: 'confirmed' });
    expect((await confirmed.get()).nextTimerAt).toBeUndefined();

    const cancelled = await waitingTicket();
    await cancelled.h.dm(people.budi, 'cancel IT-1001');
    expect(await cancelled.get()).toMatchObject({ status: 'cancelled', closedReason: 'cancelled' });
    expect((await cancelled.get()).nextTimerAt).toBeUndefined();
  });
});

describe('tickets from before the timers', () => {
  it('get their timer on the first sweep after the start, and are reminded when it is due', async () => {
    // A desk without timers (an older version) leaves a ticket waiting on the requester...
    const before = createHarness();
    await before.dm(people.budi, 'the printer on floor 3 has a paper jam');
    await before.press(people.budi, before.button('l0_need_help'));
    await before.press(people.budi, before.button('ticket_form'), form);
    const { id } = (await before.stores.tickets.listByRequester(people.budi))[0]!;
    await before.press(people.ayu, before.button('claim', 'L1'));
    await before.press(people.ayu, before.button('wait_requester', 'L1'));
    await before.helpdesk.stop(1000);
    expect((await before.stores.tickets.get(id))!.nextTimerAt).toBeUndefined();

    // ... and the new one, on the same database, starts.
    const after = createHarness({
      stores: before.stores,
      timers: { waitingRemindHours: 4, waitingCloseHours: 8, resolvedCloseHours: 6 },
    });
    await after.sweep();
    expect((await after.stores.tickets.get(id))!.nextTimerAt?.toISOString()).toBe(
      '2026-11-30T06:00:00.000Z',
    );
    after.advance(4 * HOUR);
    await after.sweep();
    expect(after.sent.filter((s) => /^Reminder: IT-1001/.test(textOf(s.message)))).toHaveLength(1);
  });
});
