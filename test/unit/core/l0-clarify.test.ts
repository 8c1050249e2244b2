import { t } from '../../../src/core/i18n/translate';
import { areasToOffer } from '../../../src/core/workflow/clarify-message';
import type { Action } from '../../../src/core/messages';
import type { KbArea } from '../../../src/core/ports/knowledge-base';
import { createHarness, people } from '../../support/helpdesk-harness';
import { textOf } from '../../support/recording-surface';
import { scriptedKb } from '../../support/scripted-kb';

/**
 * L0's clarifying question: a vague message ("it doesn't work") gets "What is not working?" with the
 * KB's areas as buttons; a picked area searches the vague question within it. The knowledge base is
 * a scripted fake of the port: these tests are about what the workflow does with its results.
 */
const AREAS: KbArea[] = [
  { id: 'hardware', articles: 11 },
  { id: 'network', articles: 9 },
  { id: 'email', articles: 7 },
  { id: 'remote-access', articles: 5 },
  { id: 'accounts', articles: 4 },
  { id: 'files', articles: 3 },
  { id: 'devices', articles: 1 },
];
const VAGUE = "it doesn't work";
const kb = () =>
  scriptedKb(
    {
      [VAGUE]: { intent: 'vague' },
      'ada masalah nih': { intent: 'vague', locale: 'id' },
      [`${VAGUE}@network`]: { intent: 'vague', answer: 'vpn-connect' },
      [`${VAGUE}@hardware`]: {
        intent: 'vague',
        weak: ['printer-jam', 'wifi-guest', 'vpn-connect', 'password-reset'],
      },
      [`${VAGUE}@email`]: { intent: 'vague' },
      [`${VAGUE}\nthe vpn`]: { answer: 'vpn-connect' },
      'printer says E-42': {},
    },
    AREAS,
  );
const window = { from: new Date(0), to: new Date('2100-01-01') };
const dmText = (h: ReturnType<typeof createHarness>, who = 'dm:budi') =>
  textOf(h.last('direct', who)!);
const actionsOf = (h: ReturnType<typeof createHarness>, who = 'dm:budi'): Action[] =>
  h.last('direct', who)!.blocks.flatMap((b) => (b.kind === 'actions' ? b.actions : []));
const area = (h: ReturnType<typeof createHarness>, id: string, who = 'dm:budi'): Action => {
  const found = actionsOf(h, who).find(
    (a) => a.id === 'l0_area' && (JSON.parse(a.payload) as { area: string }).area === id,
  );
  if (!found) throw new Error(`no ${id} area offered`);
  return found;
};
const kinds = async (h: ReturnType<typeof createHarness>) =>
  (await h.learning.outcomes(window)).map((o) => o.kind);

describe('L0: "What is not working?" after a vague message', () => {
  it('asks with up to 6 areas, largest first, labelled, and the ticket one click away', async () => {
    const h = createHarness({ kb: kb() });
    await h.dm(people.budi, VAGUE);
    expect(h.sent.filter((s) => s.kind === 'direct')).toHaveLength(1);
    expect(dmText(h)).toContain(t('en', 'clarify_question'));
    expect(actionsOf(h).map((a) => [a.id, a.label])).toEqual([
      ['l0_area', 'Laptop and hardware'],
      ['l0_area', 'Network, Wi-Fi and VPN'],
      ['l0_area', 'Email and calendar'],
      ['l0_area', 'Remote access'],
      ['l0_area', 'Accounts and passwords'],
      ['l0_area', 'Files and shared folders'],
      ['ticket_form', t('en', 'btn_open_ticket')],
    ]);
    expect(actionsOf(h).map((a) => JSON.parse(a.payload) as unknown)[0]).toEqual({
      session: 1,
      lang: 'en',
      area: 'hardware',
    });
    expect(await h.stores.sessions.get(people.budi)).toMatchObject({
      state: 'clarifying',
      question: VAGUE,
      areas: ['hardware', 'network', 'email', 'remote-access', 'accounts', 'files'],
    });
    expect(await kinds(h)).toEqual(['clarified']);
  });

  it('asks in Indonesian, every word of it, for an Indonesian message', async () => {
    const h = createHarness({ kb: kb() });
    await h.dm(people.budi, 'ada masalah nih');
    expect(dmText(h)).toContain('Apa yang bermasalah?');
    expect(actionsOf(h).map((a) => a.label)).toEqual([
      'Laptop dan perangkat keras',
      'Jaringan, Wi-Fi, dan VPN',
      'Email dan kalender',
      'Akses jarak jauh',
      'Akun dan kata sandi',
      'Berkas dan folder bersama',
      'Buat tiket',
    ]);
    expect(dmText(h)).toContain(t('id', 'clarify_ticket'));
    expect(dmText(h)).not.toMatch(/\b(the|and|open|ticket|what|pick)\b/i);
  });

  it('searches the vague question within a picked area: an answer asks "did this solve it?"', async () => {
    const k = kb();
    const h = createHarness({ kb: k });
    await h.dm(people.budi, VAGUE);
    await h.press(people.budi, area(h, 'network'));
    expect(k.searches.at(-1)).toEqual({ query: VAGUE, category: 'network' });
    expect(dmText(h)).toMatch(/Connect to the VPN[\s\S]*Did this solve it\?/);
    await h.press(people.budi, h.button('l0_solved'));
    expect(dmText(h)).toContain(t('en', 'solved_reply'));
    expect(await kinds(h)).toEqual(['clarified', 'answered', 'solved']);
    // "it doesn't work" says nothing of what was wrong: it teaches no phrasing.
    expect(await h.learning.learned()).toEqual([]);
    const session = await h.stores.sessions.get(people.budi);
    expect(session?.attempts).toHaveLength(1);
    expect(session?.attempts[0]).toMatchObject({ area: 'network', articleId: 'vpn-connect' });
  });

  it("offers the area's best 3 matches, however weak, with the ticket and own words as ways out", async () => {
    const h = createHarness({ kb: kb() });
    await h.dm(people.budi, VAGUE);
    await h.press(people.budi, area(h, 'hardware'));
    expect(dmText(h)).toContain(t('en', 'area_suggest_intro', { area: 'Laptop and hardware' }));
    expect(dmText(h)).toContain(t('en', 'area_own_words'));
    expect(dmText(h)).toContain(t('en', 'suggest_none'));
    expect(actionsOf(h).map((a) => [a.id, a.label])).toEqual([
      ['l0_pick', 'Clear a paper jam'],
      ['l0_pick', 'Guest Wi-Fi'],
      ['l0_pick', 'Connect to the VPN'],
      ['ticket_form', t('en', 'btn_none_of_these')],
    ]);
    await h.press(people.budi, h.button('l0_pick'));
    expect(dmText(h)).toMatch(/Clear a paper jam[\s\S]*Did this solve it\?/);
    expect(await kinds(h)).toEqual(['clarified', 'suggested', 'suggestion_picked']);
  });

  it('offers the ticket, and own words, when nothing in the area matches', async () => {
    const h = createHarness({ kb: kb() });
    await h.dm(people.budi, VAGUE);
    await h.press(people.budi, area(h, 'email'));
    expect(dmText(h)).toContain(t('en', 'area_no_match', { area: 'Email and calendar' }));
    expect(actionsOf(h).map((a) => a.id)).toEqual(['ticket_form']);
    await h.press(people.budi, h.button('ticket_form'), {
      category: 'email',
      impact: 'me',
      urgency: 'degraded',
    });
    const [ticket] = await h.stores.tickets.listByRequester(people.budi);
    expect(ticket?.l0).toEqual([expect.objectContaining({ question: VAGUE, area: 'email' })]);
    expect(await kinds(h)).toEqual(['clarified', 'no_answer', 'ticket_opened']);
  });

  it('opens a ticket straight from the question', async () => {
    const h = createHarness({ kb: kb() });
    await h.dm(people.budi, VAGUE);
    const network = area(h, 'network');
    await h.press(people.budi, h.button('ticket_form'), {
      category: 'hardware',
      impact: 'me',
      urgency: 'blocked',
    });
    const [ticket] = await h.stores.tickets.listByRequester(people.budi);
    expect(ticket).toMatchObject({ question: VAGUE, category: 'hardware' });
    expect(dmText(h)).toContain(ticket!.key);
    expect(await kinds(h)).toEqual(['clarified', 'ticket_opened']);
    // The areas are out of date now: nothing changes.
    await h.press(people.budi, network);
    expect(textOf(h.last('ephemeral')!)).toContain(ticket!.key);
  });

  it('takes a typed message as the answer: searched with the vague one, the areas then stale', async () => {
    const k = kb();
    const h = createHarness({ kb: k });
    await h.dm(people.budi, VAGUE);
    const network = area(h, 'network');
    h.advance(3); // longer than the follow-up window: the question was still open
    await h.dm(people.budi, 'the vpn');
    expect(k.searches.map((s) => s.query)).toContain(`${VAGUE}\nthe vpn`);
    expect(dmText(h)).toMatch(/Connect to the VPN[\s\S]*Did this solve it\?/);
    const session = await h.stores.sessions.get(people.budi);
    expect(session).toMatchObject({ state: 'awaiting_feedback', question: `${VAGUE}\nthe vpn` });
    expect(session?.attempts).toHaveLength(1);
    const sent = h.sent.length;
    await h.press(people.budi, network);
    expect(h.sent.slice(sent).map((s) => [s.kind, textOf(s.message)])).toEqual([
      ['ephemeral', t('en', 'refused_stale_l0')],
    ]);
    expect(await kinds(h)).toEqual(['clarified', 'answered']);
  });

  it('refuses an area pressed twice, one not offered, or pressed by someone else', async () => {
    const h = createHarness({ kb: kb() });
    await h.dm(people.budi, VAGUE);
    const network = area(h, 'network');
    // Not among those offered (devices is the 7th area), or forged outright: out of date.
    for (const forged of ['devices', 'no-such-area']) {
      await h.press(people.budi, {
        ...network,
        payload: network.payload.replace('network', forged),
      });
      expect(textOf(h.last('ephemeral')!)).toBe(t('en', 'refused_stale_l0'));
    }
    // Sari pressing Budi's button: told so in her own chat, Budi's conversation untouched.
    await h.press(people.sari, network);
    expect(h.sent.at(-1)).toMatchObject({ kind: 'ephemeral', to: 'sari@dm:sari' });
    expect(await h.stores.sessions.get(people.budi)).toMatchObject({ version: 1 });
    expect(await h.stores.sessions.get(people.sari)).toBeUndefined();

    await h.press(people.budi, network);
    const sent = h.sent.length;
    await h.press(people.budi, network);
    expect(h.sent.slice(sent).map((s) => s.kind)).toEqual(['ephemeral']);
    expect(await kinds(h)).toEqual(['clarified', 'answered']);
  });

  it('does the same press once when its event is delivered twice', async () => {
    const h = createHarness({ kb: kb() });
    await h.dm(people.budi, VAGUE);
    const network = area(h, 'network');
    await h.press(people.budi, network, undefined, 'press-1');
    const sent = h.sent.length;
    await h.press(people.budi, network, undefined, 'press-1');
    expect(h.sent.length).toBe(sent);
    expect(await kinds(h)).toEqual(['clarified', 'answered']);
  });

  it('handles a vague message as any other question when the KB has no areas', async () => {
    const h = createHarness({ kb: scriptedKb({ [VAGUE]: { intent: 'vague' } }) });
    await h.dm(people.budi, VAGUE);
    expect(dmText(h)).toContain(t('en', 'no_answer'));
    expect(await kinds(h)).toEqual(['no_answer']);
  });
});

describe('areasToOffer', () => {
  it('offers the 6 largest areas, leaving out an id too long for a button', () => {
    const long = { id: 'x'.repeat(201), articles: 50 };
    expect(areasToOffer([long, ...AREAS])).toEqual([
      'hardware',
      'network',
      'email',
      'remote-access',
      'accounts',
      'files',
    ]);
  });
});
