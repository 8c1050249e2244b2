import { t } from '../../../src/core/i18n/translate';
import { createHarness, people } from '../../support/helpdesk-harness';
import { textOf } from '../../support/recording-surface';

const lowForm = { category: 'printing', impact: 'me', urgency: 'low' }; // P4

/** Budi opens a ticket at `start` (Jakarta is UTC+7); what his DM said when it opened. */
async function openAt(
  start: string,
  options: { holidays?: string[]; aroundTheClock?: ('P1' | 'P4')[]; question?: string } = {},
) {
  const h = createHarness({
    start: new Date(start),
    ...(options.holidays ? { holidays: options.holidays } : {}),
    ...(options.aroundTheClock ? { aroundTheClock: options.aroundTheClock } : {}),
  });
  await h.dm(people.budi, options.question ?? 'the printer on floor 3 has a paper jam');
  await h.press(people.budi, h.button('l0_need_help'));
  await h.press(people.budi, h.button('ticket_form'), lowForm);
  const ticket = (await h.stores.tickets.listByRequester(people.budi))[0]!;
  return { ticket, said: textOf(h.last('direct', 'dm:budi')!) };
}

describe('the hours notice of a ticket opened while the desk is closed', () => {
  it('says nothing more in business hours', async () => {
    const { said } = await openAt('2026-11-30T03:00:00Z'); // Monday 10:00
    expect(said).toMatch(/Ticket IT-1001 is open \(P4\)/);
    expect(said).not.toMatch(/closed right now/);
  });

  it('on a weekend: when the desk opens on Monday, and the first response due for the priority', async () => {
    const { ticket, said } = await openAt('2026-11-28T03:00:00Z'); // Saturday 10:00
    expect(ticket.priority).toBe('P4');
    // P4's first response is one business day: Monday 08:00 + 9 h = Monday 17:00.
    expect(ticket.sla.firstResponseDue.toISOString()).toBe('2026-11-30T10:00:00.000Z');
    expect(said).toMatch(/Ticket IT-1001 is open \(P4\)/);
    expect(said).toContain(
      t('en', 'hours_notice', { opens: 'Mon 30 Nov, 08:00', due: 'Mon 30 Nov, 17:00' }),
    );
  });

  it('in the evening: the next morning', async () => {
    const { said } = await openAt('2026-11-30T12:00:00Z'); // Monday 19:00
    expect(said).toMatch(/opens Tue 1 Dec, 08:00\. Expect a first response by Tue 1 Dec, 17:00/);
  });

  it('on a holiday: the next working day, in the employee’s language', async () => {
    const { said } = await openAt('2026-12-01T03:00:00Z', {
      holidays: ['2026-12-01'],
      question: 'saya lupa password',
    }); // Tuesday 10:00, a holiday
    expect(said).toMatch(/Tiket IT-1001 sudah dibuat/);
    expect(said).toMatch(/Layanan IT sedang tutup dan buka kembali Rab, 2 Des, 08\.00/);
  });

  it('not for a priority served around the clock', async () => {
    const { ticket, said } = await openAt('2026-11-28T03:00:00Z', { aroundTheClock: ['P4'] });
    expect(ticket.priority).toBe('P4');
    expect(said).toMatch(/Ticket IT-1001 is open/);
    expect(said).not.toMatch(/closed right now/);
  });
});
