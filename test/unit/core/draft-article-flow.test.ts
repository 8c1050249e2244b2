import { kbDraftId } from '../../../src/core/ports/kb-drafts';
import { createHarness, people } from '../../support/helpdesk-harness';
import { textOf } from '../../support/recording-surface';

const form = { category: 'printing', impact: 'me', urgency: 'low' };

/** Budi's ticket, claimed by Ayu at L1 (not resolved yet). */
async function claimedTicket(question = 'the printer on floor 3 has a paper jam') {
  const h = createHarness();
  await h.dm(people.budi, question);
  await h.press(people.budi, h.button('l0_need_help'));
  await h.press(people.budi, h.button('ticket_form'), form);
  const ticket = (await h.stores.tickets.listByRequester(people.budi))[0]!;
  await h.press(people.ayu, h.button('claim', 'L1'));
  return { h, ticket };
}

const buttonsOf = (h: ReturnType<typeof createHarness>) =>
  (
    h.sent.filter((s) => s.kind === 'card' || s.kind === 'update').at(-1)?.message.blocks ?? []
  ).flatMap((b) => (b.kind === 'actions' ? b.actions.map((a) => a.id) : []));

describe('Draft KB article (knowledge-centred loop)', () => {
  it("pre-fills only the ticket's own question, not what the employee asked L0 before", async () => {
    const h = createHarness();
    await h.dm(people.budi, 'my wifi keeps dropping in the meeting room');
    h.advance(30);
    await h.dm(people.budi, "it doesn't work");
    h.advance(30);
    await h.dm(people.budi, 'the printer on floor 3 has a paper jam');
    await h.press(people.budi, h.button('l0_need_help'));
    await h.press(people.budi, h.button('ticket_form'), form);
    const ticket = (await h.stores.tickets.listByRequester(people.budi))[0]!;
    // The ticket keeps what L0 went through (for the agents' card), earlier subjects included.
    expect(ticket.l0.map((a) => a.question)).toContain(
      'my wifi keeps dropping in the meeting room',
    );
    await h.press(people.ayu, h.button('claim', 'L1'));
    await h.press(people.ayu, h.button('resolve', 'L1'), { summary: 'Cleared the jam.' });
    const initial = Object.fromEntries(
      (h.button('draft_article').form ?? []).map((f) => [f.name, f.initial]),
    );
    expect(initial).toMatchObject({
      title: 'The printer on floor 3 has a paper jam',
      questions: 'the printer on floor 3 has a paper jam',
    });
  });

  it('offers the pre-filled draft on the resolved card and stores the edited one', async () => {
    const { h, ticket } = await claimedTicket();
    expect(buttonsOf(h)).not.toContain('draft_article');
    await h.press(people.ayu, h.button('resolve', 'L1'), {
      summary: 'Opened the side door and removed the torn sheet. Reset the tray sensor.',
    });
    expect(buttonsOf(h)).toEqual(['draft_article']);
    const draft = h.button('draft_article');
    expect(draft.label).toBe('Draft KB article');
    const initial = Object.fromEntries((draft.form ?? []).map((f) => [f.name, f.initial]));
    expect(initial).toEqual({
      title: 'The printer on floor 3 has a paper jam',
      article_summary: 'Opened the side door and removed the torn sheet.',
      questions: 'the printer on floor 3 has a paper jam',
      steps: '1. Opened the side door and removed the torn sheet.\n2. Reset the tray sensor.',
      tags: '',
      lang: 'en',
    });

    await h.press(people.ayu, draft, {
      ...(initial as Record<string, string>),
      title: 'Clear a paper jam on the floor 3 printer',
      tags: 'printer, paper jam',
      questions: 'printer jammed\nkertas macet di printer',
    });
    const [stored] = await h.drafts.list();
    expect(stored).toMatchObject({
      id: kbDraftId(ticket.id),
      ticketKey: 'IT-1001',
      articleId: 'clear-a-paper-jam-on-the-floor-3-printer',
      lang: 'en',
      category: 'hardware',
      title: 'Clear a paper jam on the floor 3 printer',
      tags: ['printer', 'paper jam'],
      questions: ['printer jammed', 'kertas macet di printer'],
      summary: 'Opened the side door and removed the torn sheet.',
      steps: ['Opened the side door and removed the torn sheet.', 'Reset the tray sensor.'],
      by: people.ayu,
    });
    expect(textOf(h.sent.at(-1)!.message)).toMatch(
      /KB draft .* saved from IT-1001 as clear-a-paper/,
    );
    // The ticket itself is unchanged by drafting.
    expect((await h.stores.tickets.get(ticket.id))!.status).toBe('resolved');

    // A second submit edits the same draft (the latest edit wins).
    await h.press(people.rudi, draft, { ...(initial as Record<string, string>), lang: 'id' });
    const drafts = await h.drafts.list();
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ lang: 'id', by: people.rudi, tags: [] });

    // Once exported, it no longer changes, and the agent is told.
    await h.drafts.markExported(kbDraftId(ticket.id), 'hardware/x.id.md', h.now());
    await h.press(people.ayu, draft, { ...(initial as Record<string, string>), title: 'Other' });
    expect((await h.drafts.list())[0]?.title).toBe('The printer on floor 3 has a paper jam');
    expect(textOf(h.sent.at(-1)!.message)).toMatch(/already exported/);
  });

  it('makes the article id unique against the KB', async () => {
    const { h } = await claimedTicket('Clear a paper jam');
    await h.press(people.ayu, h.button('resolve', 'L1'), { summary: 'Removed the sheet' });
    await h.press(people.ayu, h.button('draft_article'), {
      title: 'Clear a paper jam',
      article_summary: 'Remove the sheet.',
      lang: 'en',
    });
    // kb-mini has "printer-jam"; the slug of this title is free, the KB's own ids are not reused.
    expect((await h.drafts.list())[0]?.articleId).toBe('clear-a-paper-jam');
    await h.press(people.ayu, h.button('draft_article'), {
      title: 'Printer jam',
      article_summary: 'Remove the sheet.',
      lang: 'en',
    });
    expect((await h.drafts.list())[0]?.articleId).toBe('printer-jam-2');
  });

  it('refuses someone who is not an agent of that level, and a blank title', async () => {
    const { h } = await claimedTicket();
    await h.press(people.ayu, h.button('resolve', 'L1'), { summary: 'Fixed it' });
    const draft = h.button('draft_article');
    await h.press(people.budi, draft, { title: 'x', article_summary: 'y', lang: 'en' });
    expect(textOf(h.sent.at(-1)!.message)).toMatch(/Only L1 agents can do that/);
    await h.press(people.dewi, draft, { title: 'x', article_summary: 'y', lang: 'en' });
    expect(textOf(h.sent.at(-1)!.message)).toMatch(/Only L1 agents can do that/);
    await h.press(people.ayu, draft, { title: ' ', article_summary: 'y', lang: 'en' });
    expect(textOf(h.sent.at(-1)!.message)).toMatch(/Article title/);
    expect(await h.drafts.list()).toEqual([]);
  });

  it('refuses a ticket that is not resolved (an old button after a reopen)', async () => {
    const { h, ticket } = await claimedTicket();
    await h.press(people.ayu, h.button('resolve', 'L1'), { summary: 'Fixed it' });
    const draft = h.button('draft_article');
    await h.press(people.budi, h.button('reopen', 'dm:budi'), { problem: 'still jams' });
    expect((await h.stores.tickets.get(ticket.id))!.status).not.toBe('resolved');
    await h.press(people.ayu, draft, { title: 'x', article_summary: 'y', lang: 'en' });
    expect(textOf(h.sent.at(-1)!.message)).toMatch(/IT-1001 is now/);
    expect(await h.drafts.list()).toEqual([]);
    const audit = (await h.stores.tickets.get(ticket.id))!.audit.map((a) => a.action);
    expect(audit).toContain('refused');
  });

  it('also offers it once the requester confirmed (closed), in the ticket’s language', async () => {
    const { h } = await claimedTicket('saya tidak bisa mencetak, kertas printer di lantai 3 macet');
    await h.press(people.ayu, h.button('resolve', 'L1'), { summary: 'Membersihkan roller' });
    await h.press(people.budi, h.button('confirm_resolved', 'dm:budi'));
    const draft = h.button('draft_article');
    const lang = draft.form?.find((f) => f.name === 'lang');
    expect(lang?.initial).toBe('id');
    expect(draft.form?.find((f) => f.name === 'title')?.initial).toMatch(
      /^Saya tidak bisa mencetak/,
    );
    await h.press(people.ayu, draft, {
      title: 'Printer macet',
      article_summary: 'Bersihkan roller.',
      lang: 'id',
    });
    expect((await h.drafts.list())[0]).toMatchObject({ lang: 'id', articleId: 'printer-macet' });
  });
});
