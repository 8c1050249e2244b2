import { t } from '../../../src/core/i18n/translate';
import type { Action, OutboundMessage } from '../../../src/core/messages';
import type { KbArea } from '../../../src/core/ports/knowledge-base';
import type { Effect } from '../../../src/core/effects';
import type { QueuedWork } from '../../../src/core/pipeline/queued-work';
import type { SessionStore } from '../../../src/core/ports/session-store';
import { createMemorySessionStore } from '../../support/fakes/memory-session-store';
import { createMemoryTicketStore } from '../../support/fakes/memory-ticket-store';
import { createMemoryWorkQueue } from '../../support/fakes/memory-work-queue';
import { retiredMessage } from '../../../src/core/workflow/retire-buttons';
import { createHarness, people } from '../../support/helpdesk-harness';
import { textOf } from '../../support/recording-surface';
import { scriptedKb } from '../../support/scripted-kb';

/**
 * Buttons retire when their moment passes: once a press is honoured, the message it was on is
 * updated in place, saying what it said, without live buttons, and what was chosen.
 */
const AREAS: KbArea[] = [
  { id: 'network', articles: 9 },
  { id: 'hardware', articles: 5 },
];
const kb = scriptedKb(
  {
    'my printer jams on tray 2': { answer: 'printer-jam' },
    'printer macet di baki 2': { answer: 'printer-jam', locale: 'id' },
    'cannot get online from the meeting room': { suggest: ['wifi-guest', 'vpn-connect'] },
    "it doesn't work": { intent: 'vague' },
    "it doesn't work@network": { intent: 'vague', answer: 'vpn-connect' },
  },
  AREAS,
);
const form = { category: 'printing', impact: 'me', urgency: 'low' };
const buttonsOf = (message: OutboundMessage | undefined) =>
  (message?.blocks ?? []).flatMap((b) => (b.kind === 'actions' ? b.actions : []));
/** Updates of messages in the employee's DM (not the agents' cards). */
const updates = (h: ReturnType<typeof createHarness>) =>
  h.sent.filter((s) => s.kind === 'update' && s.channel?.startsWith('dm:'));

describe('a used button retires', () => {
  it('"Solved": the answer keeps its article, loses its buttons, says what was chosen', async () => {
    const h = createHarness({ kb });
    await h.dm(people.budi, 'my printer jams on tray 2');
    const solved = h.button('l0_solved');
    await h.press(people.budi, solved);
    const now = h.shownNow(solved)!;
    expect(buttonsOf(now)).toEqual([]);
    expect(textOf(now)).toContain('Clear a paper jam');
    expect(textOf(now)).toContain(t('en', 'answer_question'));
    expect(textOf(now).split('\n').at(-1)).toBe(t('en', 'chosen_solved'));
    // Pressed again from a platform that kept the old buttons: refused privately, nothing updated.
    await h.press(people.budi, solved);
    expect(textOf(h.last('ephemeral')!)).toBe(t('en', 'refused_stale_l0'));
    expect(updates(h)).toHaveLength(1);
  });

  it('"Still need help", then the form: each message retires in turn, in the language asked', async () => {
    const h = createHarness({ kb });
    await h.dm(people.budi, 'printer macet di baki 2');
    const needHelp = h.button('l0_need_help');
    await h.press(people.budi, needHelp);
    expect(textOf(h.shownNow(needHelp)!)).toMatch(/✓ Masih butuh bantuan$/);
    const submit = h.button('ticket_form');
    await h.press(people.budi, submit, form);
    const formNow = h.shownNow(submit)!;
    expect(buttonsOf(formNow)).toEqual([]);
    expect(textOf(formNow)).toBe(
      `${t('id', 'need_help_reply')}\n${t('id', 'chosen_ticket', { key: 'IT-1001' })}`,
    );
    expect(updates(h)).toHaveLength(2);
  });

  it('a pick: the suggestions say which was picked; "none of these" goes with its line', async () => {
    const h = createHarness({ kb });
    await h.dm(people.budi, 'cannot get online from the meeting room');
    const pick = buttonsOf(h.last('direct', 'dm:budi')).find((a) => a.label === 'Guest Wi-Fi')!;
    await h.press(people.budi, pick);
    expect(textOf(h.shownNow(pick)!)).toBe(
      `${t('en', 'suggest_intro')}\n${t('en', 'chosen_pick', { choice: 'Guest Wi-Fi' })}`,
    );
  });

  it('an area: the question says which area was picked', async () => {
    const h = createHarness({ kb });
    await h.dm(people.budi, "it doesn't work");
    const network = buttonsOf(h.last('direct', 'dm:budi')).find((a) => a.id === 'l0_area')!;
    await h.press(people.budi, network);
    const now = h.shownNow(network)!;
    expect(buttonsOf(now)).toEqual([]);
    expect(textOf(now)).toBe(
      `${t('en', 'clarify_question')}\n${t('en', 'chosen_pick', { choice: 'Network, Wi-Fi and VPN' })}`,
    );
  });

  it('the form beside the area question: retired with the ticket opened, the question kept', async () => {
    const h = createHarness({ kb });
    await h.dm(people.budi, "it doesn't work");
    const submit = h.button('ticket_form');
    await h.press(people.budi, submit, form);
    expect(textOf(h.shownNow(submit)!)).toBe(
      [
        t('en', 'clarify_question'),
        t('en', 'clarify_ticket'),
        t('en', 'chosen_ticket', { key: 'IT-1001' }),
      ].join('\n'),
    );
  });

  it("the requester's resolution: Yes, then the rating, each leaving what is still to do", async () => {
    const h = createHarness({ kb });
    await h.dm(people.budi, 'my printer jams on tray 2');
    await h.press(people.budi, h.button('l0_need_help'));
    await h.press(people.budi, h.button('ticket_form'), form);
    await h.press(people.ayu, h.button('resolve', 'L1'), { summary: 'Replaced the roller' });
    const yes = h.button('confirm_resolved', 'dm:budi');
    await h.press(people.budi, yes);
    let now = h.shownNow(yes)!;
    expect(textOf(now)).toContain('Replaced the roller');
    expect(textOf(now)).toContain(t('en', 'chosen_confirmed'));
    expect(buttonsOf(now).map((a) => a.id)).toEqual(['csat', 'csat', 'csat', 'csat', 'csat']);
    const five = buttonsOf(now).find((a) => a.label === '5')!;
    await h.press(people.budi, five);
    now = h.shownNow(yes)!;
    expect(buttonsOf(now)).toEqual([]);
    expect(textOf(now)).toContain(t('en', 'chosen_confirmed'));
    expect(textOf(now)).toContain(t('en', 'chosen_rated', { score: 5 }));
    expect(textOf(now)).not.toContain('How happy');
  });

  it('Reopen: the resolution says it was reopened and offers nothing more', async () => {
    const h = createHarness({ kb });
    await h.dm(people.budi, 'my printer jams on tray 2');
    await h.press(people.budi, h.button('l0_need_help'));
    await h.press(people.budi, h.button('ticket_form'), form);
    await h.press(people.ayu, h.button('resolve', 'L1'), { summary: 'Replaced the roller' });
    const reopen = h.button('reopen', 'dm:budi');
    await h.press(people.budi, reopen, { problem: 'Jams again' });
    const now = h.shownNow(reopen)!;
    expect(buttonsOf(now)).toEqual([]);
    expect(textOf(now)).toContain('Replaced the roller');
    expect(textOf(now).split('\n').at(-1)).toBe(t('en', 'chosen_reopened'));
  });

  it('a late Reopen: the resolution names the follow-up, and the rating is still asked', async () => {
    const h = createHarness({ kb });
    await h.dm(people.budi, 'my printer jams on tray 2');
    await h.press(people.budi, h.button('l0_need_help'));
    await h.press(people.budi, h.button('ticket_form'), form);
    await h.press(people.ayu, h.button('resolve', 'L1'), { summary: 'Replaced the roller' });
    const reopen = h.button('reopen', 'dm:budi');
    h.advance(73 * 60);
    await h.press(people.budi, reopen, { problem: 'Jams again' });
    const now = h.shownNow(reopen)!;
    expect(textOf(now)).toContain(t('en', 'chosen_follow_up', { key: 'IT-1002' }));
    expect(buttonsOf(now).map((a) => a.id)).toEqual(['csat', 'csat', 'csat', 'csat', 'csat']);
    // Rated afterwards: the follow-up line stays, Yes / Reopen do not come back.
    await h.press(
      people.budi,
      buttonsOf(now).find((a) => a.label === '4')!,
    );
    const rated = h.shownNow(reopen)!;
    expect(buttonsOf(rated)).toEqual([]);
    expect(textOf(rated)).toContain(t('en', 'chosen_follow_up', { key: 'IT-1002' }));
    expect(textOf(rated)).toContain(t('en', 'chosen_rated', { score: 4 }));
  });

  it('without a message reference (a channel that cannot say) the press is answered as before', async () => {
    const h = createHarness({ kb });
    await h.dm(people.budi, 'my printer jams on tray 2');
    const solved = h.button('l0_solved');
    await h.press(people.budi, { ...solved }); // a copy: not found among the sent messages
    expect(textOf(h.last('direct', 'dm:budi')!)).toBe(t('en', 'solved_reply'));
    expect(updates(h)).toEqual([]);
  });

  it('a refused press retires nothing: a rating by someone else, a second rating', async () => {
    const h = createHarness({ kb });
    await h.dm(people.budi, 'my printer jams on tray 2');
    await h.press(people.budi, h.button('l0_need_help'));
    await h.press(people.budi, h.button('ticket_form'), form);
    await h.press(people.ayu, h.button('resolve', 'L1'), { summary: 'Replaced the roller' });
    const ratings = buttonsOf(h.last('direct', 'dm:budi')).filter((a) => a.id === 'csat');
    const before = updates(h).length;
    await h.press(people.sari, ratings[0]!);
    expect(updates(h)).toHaveLength(before);
    await h.press(people.budi, ratings[3]!);
    await h.press(people.budi, ratings[1]!);
    expect(updates(h)).toHaveLength(before + 1);
    expect(textOf(h.last('ephemeral')!)).toMatch(/already rated/);
  });

  it('redone after its worker died past the session save, retires the message once', async () => {
    const sessions = createMemorySessionStore();
    let dieOnce = true;
    const dying: SessionStore = {
      get: (user) => sessions.get(user),
      async save(session, expected) {
        const saved = await sessions.save(session, expected);
        if (saved && session.state === 'idle' && dieOnce) {
          dieOnce = false;
          throw new Error('the worker died after saving the session');
        }
        return saved;
      },
    };
    const h = createHarness({
      kb,
      stores: {
        tickets: createMemoryTicketStore(),
        sessions: dying,
        inbox: createMemoryWorkQueue<QueuedWork>('inbox'),
        outbox: createMemoryWorkQueue<Effect>('outbox'),
      },
    });
    await h.dm(people.budi, 'my printer jams on tray 2');
    const solved = h.button('l0_solved');
    await h.press(people.budi, solved);
    const end = Date.now() + 8000;
    while (!updates(h).length && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    await h.helpdesk.idle();
    expect(dieOnce).toBe(false);
    expect(updates(h)).toHaveLength(1);
    expect(textOf(h.shownNow(solved)!)).toMatch(/✓ Solved, thanks$/);
    expect(h.sent.filter((s) => textOf(s.message) === t('en', 'solved_reply'))).toHaveLength(1);
  });
});

describe('retiredMessage', () => {
  const row = (...ids: Action['id'][]): OutboundMessage['blocks'][number] => ({
    kind: 'actions',
    actions: ids.map((id) => ({ id, label: id, payload: '{}' })),
  });
  const text = (s: string): OutboundMessage['blocks'][number] => ({
    kind: 'text',
    spans: [{ text: s }],
  });

  it('puts the choice where the pressed row was, drops later rows with their lead-in line', () => {
    const message: OutboundMessage = {
      text: 'pick',
      blocks: [text('Which one?'), row('l0_pick'), text('Or:'), row('ticket_form')],
    };
    expect(textOf(retiredMessage(message, 'l0_pick', '✓ A'))).toBe('Which one?\n✓ A');
    expect(textOf(retiredMessage(message, 'ticket_form', '✓ T'))).toBe('Which one?\nOr:\n✓ T');
    expect(retiredMessage(message, 'l0_pick', '✓ A').text).toBe('pick\n✓ A');
  });
});
