import { createHarness, people } from '../../support/helpdesk-harness';
import { textOf } from '../../support/recording-surface';
import { scriptedKb } from '../../support/scripted-kb';

const dmText = (h: ReturnType<typeof createHarness>) => textOf(h.last('direct', 'dm:budi')!);
const window = { from: new Date(0), to: new Date('2100-01-01') };

describe('L0: "is it one of these?"', () => {
  const kb = scriptedKb({
    'cannot get online from the meeting room': { suggest: ['wifi-guest', 'vpn-connect'] },
  });

  it('offers the likely articles with the ticket one click away; a pick shows it and asks', async () => {
    const h = createHarness({ kb });
    await h.dm(people.budi, 'cannot get online from the meeting room');
    expect(dmText(h)).toMatch(/Is it one of these\?/);
    expect(dmText(h)).toMatch(/\[Guest Wi-Fi\] \[Connect to the VPN\]/);
    expect(dmText(h)).toMatch(/\[None of these: open ticket\]/);
    const picks = h.sent
      .at(-1)!
      .message.blocks.flatMap((b) =>
        b.kind === 'actions' ? b.actions.filter((a) => a.id === 'l0_pick') : [],
      );
    await h.press(people.budi, picks[1]!);
    expect(dmText(h)).toMatch(/Connect to the VPN[\s\S]*Did this solve it\?/);
    await h.press(people.budi, h.button('l0_solved'));
    expect(dmText(h)).toMatch(/glad that helped/);

    const kinds = (await h.learning.outcomes(window)).map((o) => o.kind);
    expect(kinds).toEqual(['suggested', 'suggestion_picked', 'solved']);
    const [learned] = await h.learning.learned();
    expect(learned).toMatchObject({
      articleId: 'vpn-connect',
      text: 'cannot get online from the meeting room',
      confirmations: 1,
      approved: false,
    });
  });

  it('"none of these" opens the ticket form with the suggestions kept in the ticket history', async () => {
    const h = createHarness({ kb });
    await h.dm(people.budi, 'cannot get online from the meeting room');
    await h.press(people.budi, h.button('ticket_form'), {
      category: 'network',
      impact: 'me',
      urgency: 'degraded',
    });
    const [ticket] = await h.stores.tickets.listByRequester(people.budi);
    expect(ticket?.l0.at(-1)).toMatchObject({ suggestions: ['wifi-guest', 'vpn-connect'] });
    const outcomes = await h.learning.outcomes(window);
    expect(outcomes.map((o) => o.kind)).toEqual(['suggested', 'ticket_opened']);
    expect(outcomes[1]).toMatchObject({ ticketId: ticket?.id });
  });

  it('refuses a pick that was not offered, or from an older question, and changes nothing', async () => {
    const h = createHarness({ kb });
    await h.dm(people.budi, 'cannot get online from the meeting room');
    const offered = h.button('l0_pick');
    const forged = { ...offered, payload: offered.payload.replace('wifi-guest', 'password-reset') };
    await h.press(people.budi, forged);
    expect(textOf(h.last('ephemeral')!)).toMatch(/button is out of date/);
    const before = await h.stores.sessions.get(people.budi);
    expect(before?.state).toBe('collecting_details');
    await h.press(people.budi, offered);
    await h.press(people.budi, offered); // the same press again: the question moved on
    const after = await h.stores.sessions.get(people.budi);
    expect(after?.version).toBe((before?.version ?? 0) + 1);
    expect((await h.learning.outcomes(window)).map((o) => o.kind)).toEqual([
      'suggested',
      'suggestion_picked',
    ]);
  });

  it('records an outcome once when the same event is delivered twice', async () => {
    const h = createHarness({ kb });
    await h.dm(people.budi, 'cannot get online from the meeting room', 'same-delivery');
    await h.dm(people.budi, 'cannot get online from the meeting room', 'same-delivery');
    expect(await h.learning.outcomes(window)).toHaveLength(1);
  });
});

describe('L0: off-topic questions', () => {
  const kb = scriptedKb({
    "what's the cafeteria menu today?": { intent: 'off_topic', offTopicArea: 'facilities' },
    'sisa cuti saya berapa': { intent: 'off_topic', offTopicArea: 'hr', locale: 'id' },
  });

  it('get a polite "I handle IT questions" with the configured pointer and no ticket offer', async () => {
    const h = createHarness({ kb, offTopicContacts: { facilities: '#facilities-desk' } });
    await h.dm(people.budi, "what's the cafeteria menu today?");
    expect(dmText(h)).toMatch(/I handle IT questions/);
    expect(dmText(h)).toMatch(/canteen or parking: #facilities-desk/);
    expect(dmText(h)).not.toMatch(/Open ticket|\[/);
    expect((await h.learning.outcomes(window)).map((o) => o.kind)).toEqual(['off_topic']);
    expect(await h.stores.sessions.get(people.budi)).toBeUndefined();
  });

  it("answer in the person's language, with no pointer when none is configured for the area", async () => {
    const h = createHarness({ kb, offTopicContacts: { facilities: '#facilities-desk' } });
    await h.dm(people.budi, 'sisa cuti saya berapa');
    expect(dmText(h)).toMatch(/Saya menangani pertanyaan IT/);
    expect(dmText(h)).not.toMatch(/facilities-desk|urusan HR/);
  });
});

describe('L0: follow-ups within the window', () => {
  const kb = scriptedKb({
    'I forgot my password': { answer: 'password-reset' },
    "what's the cafeteria menu?": { intent: 'off_topic', offTopicArea: 'facilities' },
    'ok thanks!': { intent: 'thanks' },
    'my printer': {},
    'it is still stuck': {},
    'my printer\nit is still stuck': { answer: 'printer-jam' },
    'the guest wifi in the lobby is not working for visitors': { answer: 'wifi-guest' },
    'I need access to the finance share for the quarterly close': { suggest: ['vpn-connect'] },
  });

  it('merges a short message or one that refers back, when it has no answer of its own', async () => {
    const h = createHarness({ kb });
    await h.dm(people.budi, 'my printer');
    h.advance(0.1);
    await h.dm(people.budi, 'it is still stuck');
    const session = await h.stores.sessions.get(people.budi);
    expect(session?.question).toBe('my printer\nit is still stuck');
    expect(session?.attempts).toHaveLength(1);
    expect(dmText(h)).toMatch(/Clear a paper jam/);
  });

  it('lets a new question with its own answer stand alone', async () => {
    const h = createHarness({ kb });
    await h.dm(people.budi, 'my printer');
    h.advance(0.1);
    await h.dm(people.budi, 'the guest wifi in the lobby is not working for visitors');
    const session = await h.stores.sessions.get(people.budi);
    expect(session?.question).toBe('the guest wifi in the lobby is not working for visitors');
    expect(dmText(h)).toMatch(/Guest Wi-Fi/);
  });

  it('does not merge a long unrelated message without an answer either', async () => {
    const h = createHarness({ kb });
    await h.dm(people.budi, 'my printer');
    h.advance(0.1);
    await h.dm(people.budi, 'I need access to the finance share for the quarterly close');
    expect((await h.stores.sessions.get(people.budi))?.question).toBe(
      'I need access to the finance share for the quarterly close',
    );
  });

  it('answers an off-topic question 2 s after an IT one as off topic, not with the IT article', async () => {
    const h = createHarness({ kb });
    await h.dm(people.budi, 'I forgot my password');
    h.advance(2 / 60);
    await h.dm(people.budi, "what's the cafeteria menu?");
    expect(dmText(h)).toMatch(/I handle IT questions/);
    expect(dmText(h)).not.toMatch(/Reset your password/);
  });

  it('takes "ok thanks!" right after an answer as thanks, without sending the article again', async () => {
    const h = createHarness({ kb });
    await h.dm(people.budi, 'I forgot my password');
    const sentBefore = h.sent.length;
    h.advance(0.1);
    await h.dm(people.budi, 'ok thanks!');
    expect(h.sent.length).toBe(sentBefore + 1);
    expect(dmText(h)).toMatch(/You're welcome/);
    // The answer's buttons still work: the session was left as it was.
    await h.press(people.budi, h.button('l0_solved'));
    expect(dmText(h)).toMatch(/glad that helped/);
  });
});

describe('learning from outcomes', () => {
  const kb = scriptedKb({ 'printer says E-42': {} });

  it('an agent naming the article at resolve teaches the ticket question, approved', async () => {
    const h = createHarness({ kb });
    await h.dm(people.budi, 'printer says E-42');
    await h.press(people.budi, h.button('ticket_form'), {
      category: 'printing',
      impact: 'me',
      urgency: 'low',
    });
    await h.press(people.ayu, h.button('claim', 'L1'));
    await h.press(people.ayu, h.button('resolve', 'L1'), {
      summary: 'Cleared the jam behind the side door',
      article: 'printer-jam',
    });
    const [learned] = await h.learning.learned();
    expect(learned).toMatchObject({
      articleId: 'printer-jam',
      text: 'printer says E-42',
      approved: true,
    });
  });

  it('refuses an unknown article id at resolve and leaves the ticket as it was', async () => {
    const h = createHarness({ kb });
    await h.dm(people.budi, 'printer says E-42');
    await h.press(people.budi, h.button('ticket_form'), {
      category: 'printing',
      impact: 'me',
      urgency: 'low',
    });
    await h.press(people.ayu, h.button('claim', 'L1'));
    await h.press(people.ayu, h.button('resolve', 'L1'), {
      summary: 'Fixed',
      article: 'no-such-article',
    });
    const [ticket] = await h.stores.tickets.listByRequester(people.budi);
    expect(ticket?.status).not.toBe('resolved');
    expect(textOf(h.sent.at(-1)!.message)).toMatch(/no KB article with the id "no-such-article"/);
    expect(await h.learning.learned()).toEqual([]);
  });
});

describe('learning counts people, not presses', () => {
  const kb = scriptedKb({
    'cannot get online from the meeting room': { suggest: ['vpn-connect'] },
  });

  it('one person confirming the same question twice is one confirmation', async () => {
    const h = createHarness({ kb });
    for (let round = 0; round < 2; round++) {
      await h.dm(people.budi, 'cannot get online from the meeting room');
      await h.press(people.budi, h.button('l0_pick'));
      await h.press(people.budi, h.button('l0_solved'));
      h.advance(5);
    }
    const [learned] = await h.learning.learned();
    expect(learned?.confirmations).toBe(1);
    await h.dm(people.sari, 'cannot get online from the meeting room');
    await h.press(people.sari, h.button('l0_pick', 'dm:sari'));
    await h.press(people.sari, h.button('l0_solved', 'dm:sari'));
    expect((await h.learning.learned())[0]?.confirmations).toBe(2);
  });
});
