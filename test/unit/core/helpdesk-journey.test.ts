import { createHarness, people } from '../../support/helpdesk-harness';
import { textOf } from '../../support/recording-surface';

const form = {
  category: 'printing',
  impact: 'team',
  urgency: 'degraded',
  details: 'Error E-42 on the display',
};

/** Budi asks, L0 fails, a ticket opens; returns the harness and the ticket. */
async function openTicket(h = createHarness()) {
  await h.dm(people.budi, 'the printer on floor 3 has a paper jam');
  expect(textOf(h.last('direct', 'dm:budi')!)).toMatch(/Clear a paper jam/);
  await h.press(people.budi, h.button('l0_need_help'));
  await h.press(people.budi, h.button('ticket_form'), form);
  const ticket = (await h.stores.tickets.listByRequester(people.budi))[0]!;
  return { h, ticket };
}

describe('the tiered workflow, end to end through the core', () => {
  it('answers from the KB and records a deflection when it solved it', async () => {
    const h = createHarness();
    await h.dm(people.budi, 'saya lupa password');
    const answer = textOf(h.last('direct', 'dm:budi')!);
    expect(answer).toMatch(/Reset kata sandi/);
    expect(answer).toMatch(/Sudah beres/); // answered in the language asked
    await h.press(people.budi, h.button('l0_solved'));
    expect(textOf(h.last('direct', 'dm:budi')!)).toMatch(/Syukurlah/);
    const session = await h.stores.sessions.get(people.budi);
    expect(session?.attempts.at(-1)).toMatchObject({
      articleId: 'password-reset',
      feedback: 'solved',
    });
    expect(await h.stores.tickets.listByRequester(people.budi)).toEqual([]);
  });

  it('opens a ticket with priority, SLA and the L0 history, and posts the card to L1', async () => {
    const { h, ticket } = await openTicket();
    expect(ticket).toMatchObject({
      key: 'IT-1001',
      level: 1,
      status: 'open',
      priority: 'P3',
      category: 'printing',
    });
    expect(ticket.l0.at(-1)).toMatchObject({ articleId: 'printer-jam', feedback: 'not_solved' });
    expect(ticket.sla.firstResponseDue.toISOString()).toBe('2026-11-30T06:00:00.000Z'); // 4 business hours
    const card = textOf(h.latestCard(ticket.cards.L1!.messageId) ?? h.last('card', 'L1')!);
    expect(card).toMatch(/IT-1001 · P3 · L1/);
    expect(card).toMatch(/Clear a paper jam.*did not solve/);
    expect(card).toMatch(/\[Claim\].*\[Escalate\]/);
    expect(textOf(h.last('direct', 'dm:budi')!)).toMatch(/Ticket IT-1001 is open/);
  });

  it('relays agent replies to the employee and employee messages to the thread; notes stay internal', async () => {
    const { h, ticket } = await openTicket();
    const thread = ticket.threads.L1!;
    await h.press(people.ayu, h.button('claim', 'L1'));
    expect(textOf(h.last('direct', 'dm:budi')!)).toMatch(/Ayu is now handling IT-1001/);

    await h.reply(
      people.ayu,
      thread.threadId,
      thread.channelId,
      'Please open the side door and send a photo',
    );
    expect(textOf(h.last('direct', 'dm:budi')!)).toMatch(
      /Ayu \(IT support\):\nPlease open the side door/,
    );
    expect(textOf(h.last('reply', 'L1')!)).toMatch(/Sent to Budi/);

    const before = h.sent.filter((s) => s.to === 'dm:budi').length;
    await h.reply(
      people.ayu,
      thread.threadId,
      thread.channelId,
      '// probably the fuser, order a spare',
    );
    await h.reply(people.ayu, thread.threadId, thread.channelId, 'NOTE: user sounds annoyed');
    expect(h.sent.filter((s) => s.to === 'dm:budi').length).toBe(before);

    await h.dm(people.budi, 'done, photo attached');
    expect(textOf(h.last('reply', 'L1')!)).toMatch(/Budi \(requester\): done, photo attached/);
    const stored = (await h.stores.tickets.get(ticket.id))!;
    expect(stored.transcript.filter((e) => e.internal).map((e) => e.text)).toEqual([
      'probably the fuser, order a spare',
      'user sounds annoyed',
    ]);
    expect(stored.sla.firstResponseAt).toBeDefined();
  });

  it('escalates with reason and what was tried, pings L2 with a card that needs no scrolling back', async () => {
    const { h, ticket } = await openTicket();
    await h.press(people.ayu, h.button('claim', 'L1'));
    await h.reply(people.ayu, ticket.threads.L1!.threadId, 'L1', 'Tried power cycling');
    await h.press(people.ayu, h.button('escalate', 'L1'), {
      reason: 'Fuser unit fault',
      tried: 'Cleared jam, power cycle',
    });
    const escalated = (await h.stores.tickets.get(ticket.id))!;
    expect(escalated).toMatchObject({ level: 2, status: 'open', assignee: undefined });
    const l2 = textOf(h.latestCard(escalated.cards.L2!.messageId)!);
    expect(l2).toMatch(/IT-1001 · P3 · L2/);
    expect(l2).toMatch(/paper jam/); // the question
    expect(l2).toMatch(/Clear a paper jam/); // what L0 suggested
    expect(l2).toMatch(/Escalated from L1: Fuser unit fault\nTried: Cleared jam, power cycle/);
    expect(l2).toMatch(/Tried power cycling/); // transcript digest
    expect(l2).toMatch(/@L2/); // the group is pinged
    expect(textOf(h.last('reply', 'L1')!)).toMatch(/Escalated to L2/);
    expect(textOf(h.last('direct', 'dm:budi')!)).toMatch(/L2 agents/);
    // The old L1 card has no buttons any more: it is not L1's ticket now.
    expect(textOf(h.latestCard(escalated.cards.L1!.messageId)!)).not.toMatch(/\[Claim\]/);

    // L3 is the top; a send-back goes down with a note.
    await h.press(people.dewi, h.button('escalate', 'L2'), {
      reason: 'Vendor part',
      tried: 'Checked fuser',
    });
    await h.press(people.hendra, h.button('send_back', 'L3'), {
      note: 'Part ordered, L2 to install',
    });
    expect((await h.stores.tickets.get(ticket.id))!.level).toBe(2);
    expect(textOf(h.last('reply', 'L2')!)).toMatch(/Sent back to L2 by Hendra: Part ordered/);
  });

  it('reuses a level thread when the ticket comes back to it, so replies there still count', async () => {
    const { h, ticket } = await openTicket();
    await h.press(people.ayu, h.button('escalate', 'L1'), { reason: 'Needs L2', tried: 'Basics' });
    const firstL2 = (await h.stores.tickets.get(ticket.id))!.threads.L2!;
    await h.press(people.dewi, h.button('send_back', 'L2'), { note: 'Check the cable first' });
    await h.press(people.ayu, h.button('escalate', 'L1'), {
      reason: 'Cable is fine',
      tried: 'Swapped cable',
    });
    const again = (await h.stores.tickets.get(ticket.id))!;
    expect(again.level).toBe(2);
    expect(again.threads.L2).toEqual(firstL2);
    expect(h.sent.filter((s) => s.kind === 'card' && s.to === 'L2')).toHaveLength(1);
    expect(textOf(h.last('reply', 'L2')!)).toMatch(/Escalated to L2: Cable is fine[\s\S]*@L2/);
    await h.reply(people.dewi, firstL2.threadId, firstL2.channelId, 'Replacing the dock today');
    expect(textOf(h.last('direct', 'dm:budi')!)).toMatch(/Replacing the dock today/);
  });

  it('resolves with a summary, then the employee confirms and rates', async () => {
    const { h, ticket } = await openTicket();
    await h.press(people.rudi, h.button('claim', 'L1'));
    await h.press(people.rudi, h.button('resolve', 'L1'), { summary: 'Replaced the drum unit' });
    expect(textOf(h.last('direct', 'dm:budi')!)).toMatch(
      /IT-1001 was resolved by Rudi: Replaced the drum unit/,
    );
    await h.press(people.budi, h.button('confirm_resolved', 'dm:budi'));
    const csat = h.button('csat', 'dm:budi');
    await h.press(people.budi, {
      ...csat,
      payload: csat.payload.replace(/"score":\d/, '"score":5'),
    });
    const done = (await h.stores.tickets.get(ticket.id))!;
    expect(done).toMatchObject({ status: 'closed', csat: { score: 5 } });
    expect(done.audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['created', 'claimed', 'resolved', 'confirmed', 'rated']),
    );
    // A replayed rating changes nothing.
    await h.press(people.budi, {
      ...csat,
      payload: csat.payload.replace(/"score":\d/, '"score":1'),
    });
    expect((await h.stores.tickets.get(ticket.id))!.csat?.score).toBe(5);
  });

  it('lets the requester reopen within the window, and not after', async () => {
    const { h, ticket } = await openTicket();
    await h.press(people.ayu, h.button('resolve', 'L1'), { summary: 'Cleared' });
    const reopen = h.button('reopen', 'dm:budi');
    h.advance(60);
    // The form is the confirmation: a blank answer reopens nothing and names what is missing.
    await h.press(people.budi, reopen, { problem: ' ' });
    expect((await h.stores.tickets.get(ticket.id))!.status).toBe('resolved');
    expect(textOf(h.last('ephemeral')!)).toMatch(/Please fill in: What is still not working\?/);
    await h.press(people.budi, reopen, { problem: 'Jams again on tray 2' });
    expect((await h.stores.tickets.get(ticket.id))!.status).toBe('claimed');
    expect(textOf(h.last('reply', 'L1')!)).toMatch(
      /Reopened by the requester: Jams again on tray 2/,
    );
    await h.press(people.ayu, h.button('resolve', 'L1'), { summary: 'Cleared again' });
    h.advance(73 * 60);
    // Past the window the ticket stays resolved; what he wrote opens a follow-up linked to it.
    await h.press(people.budi, h.button('reopen', 'dm:budi'), { problem: 'and again' });
    expect((await h.stores.tickets.get(ticket.id))!.status).toBe('resolved');
    const followUp = (await h.stores.tickets.listByRequester(people.budi))[0]!;
    expect(followUp).toMatchObject({
      followUpOf: { id: ticket.id, key: ticket.key },
      question: ticket.question,
      details: 'and again',
      status: 'open',
    });
    expect(textOf(h.last('direct', 'dm:budi')!)).toMatch(
      new RegExp(`${ticket.key} can no longer be reopened, so I opened ${followUp.key}`),
    );
  });

  it('asks for the rating once, shows the score given, and offers no reopen once confirmed', async () => {
    const { h, ticket } = await openTicket();
    await h.press(people.ayu, h.button('resolve', 'L1'), { summary: 'Cleared' });
    const resolved = h.last('direct', 'dm:budi')!;
    expect(textOf(resolved).match(/How happy are you/g)).toHaveLength(1);
    const reopen = h.button('reopen', 'dm:budi');
    const four = resolved.blocks
      .flatMap((b) => (b.kind === 'actions' ? b.actions : []))
      .find((a) => a.id === 'csat' && a.label === '4')!;
    await h.press(people.budi, h.button('confirm_resolved', 'dm:budi'));
    const closed = textOf(h.last('direct', 'dm:budi')!);
    expect(closed).toMatch(/is closed/);
    expect(closed).not.toMatch(/How happy are you/); // not asked a second time
    await h.press(people.budi, four);
    expect(textOf(h.last('direct', 'dm:budi')!)).toMatch(/Thank you for rating IT-\d+: 4\/5/);
    // The old Reopen next to it: the ticket was confirmed, so what he wrote opens a follow-up.
    await h.press(people.budi, reopen, { problem: 'hm, it jams again' });
    expect((await h.stores.tickets.get(ticket.id))!.status).toBe('closed');
    const followUp = (await h.stores.tickets.listByRequester(people.budi)).find(
      (x) => x.followUpOf,
    );
    expect(followUp).toMatchObject({
      followUpOf: { key: ticket.key },
      details: 'hm, it jams again',
    });
    // With nothing written there is nothing to carry: the plain answer of where it stands.
    await h.press(people.budi, reopen, { problem: ' ' });
    expect(textOf(h.last('ephemeral')!)).toMatch(/Please fill in: What is still not working\?/);
    expect(await h.stores.tickets.listByRequester(people.budi)).toHaveLength(2);
  });

  it('waiting on the requester pauses the SLA clock until they answer', async () => {
    const { h, ticket } = await openTicket();
    await h.press(people.ayu, h.button('wait_requester', 'L1'));
    let stored = (await h.stores.tickets.get(ticket.id))!;
    expect(stored.status).toBe('waiting_on_requester');
    expect(stored.sla.pausedAt).toBeDefined();
    expect(textOf(h.last('direct', 'dm:budi')!)).toMatch(/waiting for your reply/);
    h.advance(120);
    await h.dm(people.budi, 'here is the info');
    stored = (await h.stores.tickets.get(ticket.id))!;
    expect(stored.status).toBe('claimed');
    expect(stored.sla.pausedMinutes).toBe(120);
    expect(stored.sla.resolutionDue.getTime()).toBeGreaterThan(ticket.sla.resolutionDue.getTime());
  });

  describe('permissions and replays', () => {
    it('refuses agent buttons to non-agents and requester buttons to others, politely and on the record', async () => {
      const { h, ticket } = await openTicket();
      await h.press(people.sari, h.button('claim', 'L1'));
      await h.press(people.dewi, h.button('claim', 'L1')); // an L2 agent on an L1 card
      expect((await h.stores.tickets.get(ticket.id))!.status).toBe('open');
      expect(textOf(h.last('ephemeral')!)).toMatch(/Only L1 agents can do that/);
      await h.press(people.ayu, h.button('resolve', 'L1'), { summary: 'fixed' });
      await h.press(people.sari, h.button('confirm_resolved', 'dm:budi'));
      const stored = (await h.stores.tickets.get(ticket.id))!;
      expect(stored.status).toBe('resolved');
      expect(
        stored.audit
          .filter((a) => a.action === 'refused')
          .map((a) => a.actor !== 'system' && a.actor.id),
      ).toEqual(['sari', 'dewi', 'sari']);
    });

    it('gives a contested claim exactly one owner and tells the other who has it', async () => {
      const { h, ticket } = await openTicket();
      const claim = h.button('claim', 'L1');
      await Promise.all([h.press(people.ayu, claim), h.press(people.rudi, claim)]);
      const stored = (await h.stores.tickets.get(ticket.id))!;
      expect(['ayu', 'rudi']).toContain(stored.assignee?.id);
      const loser = stored.assignee?.id === 'ayu' ? 'rudi' : 'ayu';
      expect(
        h.sent.some(
          (s) =>
            s.kind === 'ephemeral' &&
            s.to.startsWith(loser) &&
            /already being handled by/.test(textOf(s.message)),
        ),
      ).toBe(true);
      expect(stored.audit.filter((a) => a.action === 'claimed')).toHaveLength(1);
    });

    it('ignores a stale button: an L1 escalate pressed after the ticket moved to L2', async () => {
      const { h, ticket } = await openTicket();
      const oldEscalate = h.button('escalate', 'L1');
      await h.press(people.ayu, oldEscalate, { reason: 'r', tried: 't' });
      await h.press(people.ayu, oldEscalate, { reason: 'again', tried: 't' });
      expect((await h.stores.tickets.get(ticket.id))!.level).toBe(2);
      expect(textOf(h.last('ephemeral')!)).toMatch(/out of date/);
    });

    it('drops a redelivered event: one ticket, one message', async () => {
      const h = createHarness();
      await h.dm(people.sari, 'my mailbox is full', 'evt-1');
      await h.dm(people.sari, 'my mailbox is full', 'evt-1');
      expect(h.sent.filter((s) => s.to === 'dm:sari')).toHaveLength(1);
      await h.press(people.sari, h.button('l0_need_help'));
      const submit = h.button('ticket_form');
      await Promise.all([
        h.press(people.sari, submit, form, 'evt-2'),
        h.press(people.sari, submit, form, 'evt-2'),
        h.press(people.sari, submit, form, 'evt-3'),
      ]);
      expect(await h.stores.tickets.listByRequester(people.sari)).toHaveLength(1);
    });
  });

  describe('noise and conversation', () => {
    it('never opens a ticket for thanks, ok or greetings, and answers them kindly', async () => {
      const h = createHarness();
      for (const text of ['halo', 'thanks!', 'ok']) await h.dm(people.budi, text);
      expect(h.sent.filter((s) => s.to === 'dm:budi').map((s) => textOf(s.message))).toEqual([
        expect.stringMatching(/Lapis/),
        expect.stringMatching(/welcome/),
        expect.stringMatching(/anything else/),
      ]);
      expect(h.sent.every((s) => !s.message.blocks.some((b) => b.kind === 'actions'))).toBe(true);
    });

    it('greets back in the language of the greeting, whatever the default', async () => {
      const h = createHarness({ defaultLocale: 'id' });
      await h.dm(people.budi, 'hello');
      expect(textOf(h.last('direct', 'dm:budi')!)).toMatch(/^Hi! I'm Lapis/);
      await h.dm(people.sari, 'good morning');
      expect(textOf(h.last('direct', 'dm:sari')!)).toMatch(/^Hi! I'm Lapis/);
      await h.dm(people.rudi, 'halo');
      expect(textOf(h.last('direct', 'dm:rudi')!)).toMatch(/^Halo! Saya Lapis/);
      await h.dm(people.dewi, 'terima kasih');
      expect(textOf(h.last('direct', 'dm:dewi')!)).toMatch(/^Sama-sama/);
    });

    it('keeps a question bounded however many quick follow-ups arrive', async () => {
      const h = createHarness();
      const long = 'my printer shows error E-42 and will not print anything at all '.repeat(40);
      for (let i = 0; i < 20; i++) {
        await h.dm(people.budi, long);
        h.advance(0.1);
      }
      const session = await h.stores.sessions.get(people.budi);
      expect(session!.question.length).toBeLessThanOrEqual(4000);
      expect(session!.question).toContain('E-42');
    });

    it('groups a quick follow-up that continues the question into one question', async () => {
      const h = createHarness();
      await h.dm(people.budi, 'my printer');
      h.advance(0.2);
      await h.dm(people.budi, 'it is still not working');
      const session = await h.stores.sessions.get(people.budi);
      expect(session?.question).toBe('my printer\nit is still not working');
      expect(session?.attempts).toHaveLength(1);
    });

    it('understands my tickets, status and cancel in both languages', async () => {
      const { h, ticket } = await openTicket();
      await h.dm(people.budi, 'tiket saya');
      expect(textOf(h.last('direct', 'dm:budi')!)).toMatch(/IT-1001/);
      await h.dm(people.budi, `status ${ticket.key}`);
      expect(textOf(h.last('direct', 'dm:budi')!)).toMatch(
        /IT-1001: waiting for an agent, level 1/,
      );
      await h.dm(people.budi, `batal ${ticket.key}`);
      expect((await h.stores.tickets.get(ticket.id))!.status).toBe('cancelled');
      expect(textOf(h.last('reply', 'L1')!)).toMatch(/Cancelled by the requester/);
    });
  });

  describe('buttons pressed after things moved on', () => {
    it('an old "Solved" while a ticket is open says which ticket, its state and level', async () => {
      const h = createHarness();
      await h.dm(people.budi, 'the printer on floor 3 has a paper jam');
      const solved = h.button('l0_solved', 'dm:budi');
      await h.press(people.budi, h.button('l0_need_help'));
      await h.press(people.budi, h.button('ticket_form'), form);
      await h.press(people.budi, solved);
      const text = textOf(h.last('ephemeral')!);
      expect(text).toMatch(
        /out of date: your question is now ticket IT-1001 \(waiting for an agent, L1\)/,
      );
      expect(text).not.toMatch(/—/);
    });

    it('an old "Open ticket" form submitted again says where things stand instead of nothing', async () => {
      const { h, ticket } = await openTicket();
      // The same text again is already in the ticket: not added twice, and he is told where it is.
      await h.press(people.budi, h.button('ticket_form', 'dm:budi'), form);
      expect(textOf(h.last('direct', 'dm:budi')!)).toBe(
        'I added what you wrote to IT-1001 (waiting for an agent, L1); the agents see it there.',
      );
      expect((await h.stores.tickets.get(ticket.id))!.transcript).toHaveLength(1);
      // Nothing typed: nothing to carry, only where things stand.
      await h.press(people.budi, h.button('ticket_form', 'dm:budi'), { ...form, details: '' });
      expect(textOf(h.last('ephemeral')!)).toMatch(/your question is now ticket IT-1001/);
      expect(await h.stores.tickets.listByRequester(people.budi)).toHaveLength(1);
    });

    it('a blank form at L3 names the missing field, not "L3 is the top level"', async () => {
      const { h, ticket } = await openTicket();
      await h.press(people.ayu, h.button('escalate', 'L1'), { reason: 'r', tried: 't' });
      await h.press(people.dewi, h.button('escalate', 'L2'), { reason: 'r2', tried: 't2' });
      expect((await h.stores.tickets.get(ticket.id))!.level).toBe(3);
      await h.press(people.hendra, h.button('send_back', 'L3'), { note: '  ' });
      const text = textOf(h.last('ephemeral')!);
      expect(text).toMatch(/Please fill in: Note for the lower level/);
      expect(text).not.toMatch(/top level/);
      // The card at L3 offers no Escalate at all.
      expect(() => h.button('escalate', 'L3')).toThrow();
    });

    it('an escalation reason ending in a full stop reads cleanly on the card', async () => {
      const { h, ticket } = await openTicket();
      await h.press(people.ayu, h.button('escalate', 'L1'), {
        reason: 'Needs a config change.',
        tried: 'Restarted it.',
      });
      const stored = (await h.stores.tickets.get(ticket.id))!;
      const card = textOf(h.latestCard(stored.cards.L2!.messageId) ?? h.last('card', 'L2')!);
      expect(card).toMatch(/Needs a config change\.\nTried: Restarted it\./);
      expect(card).not.toMatch(/\.\./);
    });
  });

  it('speaks to agents in AGENT_LOCALE and to each employee in their own language', async () => {
    const h = createHarness({ agentLocale: 'id' });
    await h.dm(people.budi, 'the printer on floor 3 has a paper jam');
    await h.press(people.budi, h.button('l0_need_help'));
    await h.press(people.budi, h.button('ticket_form'), form);
    expect(textOf(h.last('direct', 'dm:budi')!)).toMatch(/Ticket IT-1001 is open/);
    const card = textOf(h.last('card', 'L1')!);
    expect(card).toMatch(/Balas di utas ini/);
    expect(card).not.toMatch(/Reply in this thread/);
    await h.press(people.ayu, h.button('claim', 'L1'));
    expect(textOf(h.last('direct', 'dm:budi')!)).toMatch(/Ayu is now handling IT-1001/);
  });

  it('gives every channel the same views: my tickets, and a level queue oldest first', async () => {
    const h = createHarness();
    const { ticket: first } = await openTicket(h);
    h.advance(5);
    await h.dm(people.sari, 'the printer on floor 2 has a paper jam');
    await h.press(people.sari, h.button('l0_need_help', 'dm:sari'));
    await h.press(people.sari, h.button('ticket_form', 'dm:sari'), form);
    const queue = await h.helpdesk.views.levelQueue(1);
    expect(queue.map((x) => x.requester.id)).toEqual(['budi', 'sari']);
    expect((await h.helpdesk.views.myTickets(people.budi)).map((x) => x.id)).toEqual([first.id]);
    await h.press(people.ayu, h.button('escalate', 'L1'), { reason: 'r', tried: 't' });
    expect((await h.helpdesk.views.levelQueue(2)).map((x) => x.key)).toEqual(['IT-1002']);
  });

  it('shows an agent the queue of their levels by DM ("queue"), and nobody else', async () => {
    const h = createHarness();
    await openTicket(h);
    h.advance(5);
    await h.dm(people.sari, 'the printer on floor 2 has a paper jam');
    await h.press(people.sari, h.button('l0_need_help', 'dm:sari'));
    await h.press(people.sari, h.button('ticket_form', 'dm:sari'), form);
    await h.dm(people.ayu, 'queue');
    const queue = textOf(h.last('direct', 'dm:ayu')!);
    expect(queue).toMatch(/L1 queue \(2\):\n• IT-1001: [^\n]*\n• IT-1002/);
    await h.dm(people.hendra, 'queue');
    expect(textOf(h.last('direct', 'dm:hendra')!)).toMatch(/The L3 queue is empty/);
    await h.dm(people.budi, 'queue');
    expect(textOf(h.last('direct', 'dm:budi')!)).toMatch(/queue is for service-desk agents/);
  });
});
