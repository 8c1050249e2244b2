import { t } from '../../src/core/i18n/translate';
import {
  CHANNELS,
  dmChannelOf,
  openTicket,
  PEOPLE,
  shownText,
  startSlackHarness,
  typed,
  type SlackHarness,
} from '../support/slack-harness';
import { sign } from '../support/slack-requests';
import { ticketByKey } from '../support/ticket-by-key';

/**
 * What must never happen through the Slack channel: unsigned or replayed requests acted on, a
 * redelivered event or a duplicate press handled twice, user text pinging anyone, a non-agent
 * working a ticket, a rate-limited post lost or posted twice.
 */
describe('Slack channel: safety', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const event = (text: string) => ({
    type: 'message',
    channel_type: 'im',
    channel: dmChannelOf(PEOPLE.sari),
    user: PEOPLE.sari.id,
    text,
    ts: '1800009999.000001',
  });

  it('answers 401 to unsigned, forged and stale requests and does nothing', async () => {
    const before = h.stub.calls.length;
    const unsigned = await h.send.event(event('help'), { signature: null });
    const forged = await h.send.event(event('help'), { signature: `v0=${'0'.repeat(64)}` });
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const old = await h.send.event(event('help'), { timestamp: stale });
    const body = 'command=%2Fhelpdesk&text=help';
    const wrongSecret = await h.send.raw(body, 'application/x-www-form-urlencoded', {
      signature: sign('not-the-secret', Math.floor(Date.now() / 1000), body),
    });
    expect([unsigned.status, forged.status, old.status, wrongSecret.status]).toEqual([
      401, 401, 401, 401,
    ]);
    await h.helpdesk.idle();
    expect(h.stub.calls.slice(before)).toEqual([]);
  });

  it('handles an event once however often Slack delivers it (same event_id, retries)', async () => {
    const dm = dmChannelOf(PEOPLE.sari);
    const before = h.posted(dm).length;
    const payload = event('my vpn keeps disconnecting every few minutes');
    const first = await h.send.event(payload, { eventId: 'EvDUPLICATE1' });
    const again = await h.send.event(payload, { eventId: 'EvDUPLICATE1' });
    const retry1 = await h.send.event(payload, { eventId: 'EvDUPLICATE1', retryNum: 1 });
    const retry2 = await h.send.event(payload, { eventId: 'EvDUPLICATE1', retryNum: 2 });
    expect([first.status, again.status, retry1.status, retry2.status]).toEqual([
      200, 200, 200, 200,
    ]);
    await h.helpdesk.idle();
    expect(h.posted(dm).length - before).toBe(1);
  });

  it('handles a duplicate button press once', async () => {
    const { cardTs } = await openTicket(h, PEOPLE.budi, 'the office printer prints blank pages');
    const claim = h.button('claim', CHANNELS.l1);
    const updates = () => h.stub.ok('chat.update').filter((c) => c.args.ts === cardTs).length;
    const whispers = () => h.stub.ok('chat.postEphemeral').length;
    const u0 = updates();
    await h.press(PEOPLE.ayu, claim, { actionTs: '1800000500.000001' });
    const [u1, w1] = [updates(), whispers()];
    expect(u1).toBeGreaterThan(u0);
    await h.press(PEOPLE.ayu, claim, { actionTs: '1800000500.000001' });
    await h.helpdesk.idle();
    expect([updates(), whispers()]).toEqual([u1, w1]);
  });

  it('opens a form once when the press that asks for it is delivered twice', async () => {
    await h.dm(PEOPLE.joko, 'the printer on floor 3 jams');
    const dm = dmChannelOf(PEOPLE.joko);
    const needHelp = JSON.stringify(h.posted(dm).at(-1)!.args.blocks).includes('l0_need_help');
    if (needHelp) await h.press(PEOPLE.joko, h.button('l0_need_help', dm));
    const form = h.button('ticket_form', dm);
    const opened = () => h.stub.ok('views.open').length;
    const before = opened();
    await h.press(PEOPLE.joko, form, { actionTs: '1800000600.000001' });
    await h.press(PEOPLE.joko, form, { actionTs: '1800000600.000001' });
    expect(opened() - before).toBe(1);
  });

  it('never lets user text ping anyone or break out of its markup', async () => {
    const from = h.stub.calls.length;
    // As Slack delivers them: real mentions in markup, what was typed literally entity-encoded.
    const injected = `<!channel> <!here> <!everyone> <@U123ABC> @channel ${typed('<!here> &lt; <@U999ZZZ>')}`;
    const plainForm = '@channel @here @everyone @U123ABC @channel <!here> &lt; <@U999ZZZ>';
    const { key, cardTs } = await openTicket(
      h,
      PEOPLE.nina,
      `wifi drops all the time ${injected}`,
      {
        category: 'network',
        impact: 'team',
        urgency: 'degraded',
        details: `details <!channel> @here <@U123ABC> &lt;`,
      },
    );
    await h.press(PEOPLE.ayu, h.button('claim', CHANNELS.l1));
    await h.reply(PEOPLE.ayu, CHANNELS.l1, cardTs, `try again ${injected}`);
    await h.dm(PEOPLE.nina, `still broken ${injected}`);
    await h.helpdesk.idle();

    const outbound = h.stub.calls
      .slice(from)
      .filter((c) => c.method.startsWith('chat.') || c.method.startsWith('views.'));
    expect(outbound.length).toBeGreaterThan(5);
    for (const call of outbound) {
      const shown = shownText(call);
      expect(shown).not.toMatch(/<!(channel|here|everyone)/);
      expect(shown).not.toMatch(/<@U(123ABC|999ZZZ)/);
      expect(shown).not.toMatch(/@(channel|here|everyone)\b/);
      expect(shown.replace(/<!subteam\^S[A-Z0-9]+>|<@U[A-Z0-9]+>|<https?:[^>]+>/g, '')).not.toMatch(
        /[<>]/,
      );
    }
    const relayed = h.posted(dmChannelOf(PEOPLE.nina)).at(-1)!;
    expect(shownText(relayed)).toContain(
      'try again @\u2060channel @\u2060here @\u2060everyone @U123ABC @\u2060channel &lt;!here&gt; &amp;lt; &lt;@U999ZZZ&gt;',
    );
    const ticket = (await ticketByKey(h.db, key))!;
    expect(ticket.question).toBe(`wifi drops all the time ${plainForm}`);
    expect(ticket.transcript.map((e) => e.text)).toContain(`try again ${plainForm}`);
    expect(ticket.transcript.map((e) => e.text)).toContain(`still broken ${plainForm}`);
  });

  it('refuses a button press from someone who is not an agent of that level', async () => {
    const { key, cardTs } = await openTicket(
      h,
      PEOPLE.joko,
      'outlook cannot send email since this morning',
    );
    const whispers = h.stub.ok('chat.postEphemeral').length;
    await h.press(PEOPLE.mallory, h.button('claim', CHANNELS.l1));
    await h.press(PEOPLE.dewi, h.button('resolve', CHANNELS.l1)); // an L2 agent, on an L1 card: opens the form...
    await h.submit(PEOPLE.dewi, h.stub.ok('views.open').at(-1)!, { summary: 'closing it' }); // ...the core refuses
    await h.helpdesk.idle();
    const refusals = h.stub.ok('chat.postEphemeral').slice(whispers);
    expect(refusals.map((c) => [c.args.channel, c.args.user, c.args.thread_ts])).toEqual([
      [CHANNELS.l1, PEOPLE.mallory.id, cardTs],
      [CHANNELS.l1, PEOPLE.dewi.id, cardTs],
    ]);
    for (const r of refusals)
      expect(shownText(r)).toContain(t(h.config.DEFAULT_LOCALE, 'refused_not_agent', { level: 1 }));
    const ticket = (await ticketByKey(h.db, key))!;
    expect(ticket.status).toBe('open');
    expect(ticket.assignee).toBeUndefined();
    expect(ticket.resolution).toBeUndefined();
    expect(
      ticket.audit
        .filter((a) => a.action === 'refused')
        .map((a) => (a.actor === 'system' ? 'system' : a.actor.id)),
    ).toEqual([PEOPLE.mallory.id, PEOPLE.dewi.id]);
  });

  it('ignores edits, deletions, joins, bots, its own messages and chatter outside ticket threads', async () => {
    const before = h.stub.calls.length;
    const dm = dmChannelOf(PEOPLE.sari);
    const ts = '1800008888.000001';
    await h.send.event({
      type: 'message',
      subtype: 'message_changed',
      channel: dm,
      channel_type: 'im',
      ts,
      message: { text: 'edited', user: PEOPLE.sari.id },
    });
    await h.send.event({
      type: 'message',
      subtype: 'message_deleted',
      channel: dm,
      channel_type: 'im',
      ts,
      deleted_ts: ts,
    });
    await h.send.event({
      type: 'message',
      subtype: 'channel_join',
      channel: CHANNELS.l1,
      channel_type: 'channel',
      user: PEOPLE.mallory.id,
      text: '<@UMALLORY1> has joined',
      ts,
    });
    await h.send.event({
      type: 'message',
      subtype: 'bot_message',
      channel: dm,
      channel_type: 'im',
      bot_id: 'BOTHER001',
      text: 'hello',
      ts,
    });
    await h.send.event({
      type: 'message',
      channel: dm,
      channel_type: 'im',
      user: h.stub.botUserId,
      bot_id: 'BBOT00001',
      text: 'my own',
      ts,
    });
    await h.send.event({
      type: 'message',
      channel: CHANNELS.l1,
      channel_type: 'channel',
      user: PEOPLE.ayu.id,
      text: 'top-level chatter',
      ts,
    });
    await h.send.event({
      type: 'message',
      channel: CHANNELS.general,
      channel_type: 'channel',
      user: PEOPLE.ayu.id,
      text: 'lunch?',
      ts,
      thread_ts: '1800008887.000001',
    });
    await h.send.interaction({
      type: 'block_actions',
      user: { id: PEOPLE.mallory.id },
      trigger_id: 'trig.1',
      actions: [
        { type: 'button', action_id: 'lapis:claim:0:0', value: '{"$ne":null}', action_ts: ts },
      ],
    });
    await h.helpdesk.idle();
    expect(h.stub.calls.slice(before)).toEqual([]);
  });

  it('retries a rate-limited post after Retry-After and posts it exactly once', async () => {
    const dm = dmChannelOf(PEOPLE.tono);
    const before = h.stub.calls.length;
    h.stub.rateLimit('chat.postMessage', 1, 1);
    const response = await h.dm(PEOPLE.tono, 'my cursor on the laptop freezes sometimes', {
      eventId: 'EvRATELIMIT1',
    });
    expect(response.status).toBe(200);
    expect(response.ms).toBeLessThan(3000);
    await h.helpdesk.idle();
    const posts = h.stub.calls.slice(before).filter((c) => c.method === 'chat.postMessage');
    expect(posts.map((c) => c.status)).toEqual([429, 200]);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(posts[0]!.args).toEqual(posts[1]!.args);
    expect(h.posted(dm).at(-1)).toBe(posts[1]);
  });

  it('acknowledges a recorded event and retries a post Slack refused until it lands, once', async () => {
    const dm = dmChannelOf(PEOPLE.sari);
    h.stub.fail('chat.postMessage', 1, 'internal_error');
    const before = h.posted(dm).length;
    const payload = {
      ...event('my monitor flickers when I connect it to the dock'),
      ts: '1800007777.000001',
    };
    const first = await h.send.event(payload, { eventId: 'EvFAILONCE01' });
    expect(first.status).toBe(200);
    const retry = await h.send.event(payload, { eventId: 'EvFAILONCE01', retryNum: 1 });
    expect(retry.status).toBe(200);
    for (let i = 0; i < 100 && h.posted(dm).length === before; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    await h.helpdesk.idle();
    expect(h.posted(dm).length - before).toBe(1);
  });
});

describe('Slack channel: signed requests Lapis cannot read or route', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const json = (body: unknown) => h.send.raw(JSON.stringify(body), 'application/json');
  const payload = (body: unknown) =>
    h.send.raw(
      new URLSearchParams({ payload: JSON.stringify(body) }).toString(),
      'application/x-www-form-urlencoded',
    );

  it('answers malformed signed bodies with 400 at once, one warning, no error line', async () => {
    const before = h.logs.length;
    const answers = [
      await json(null),
      await json({ type: 'event_callback', event_id: 'EvNULL', event: null }),
      await payload({ type: 'view_submission', user: { id: 'U1' }, view: {} }),
      await payload({ type: 'block_actions', user: { id: 'U1' }, actions: { action_id: 'x' } }),
      await h.send.raw('payload=%7Bnot-json', 'application/x-www-form-urlencoded'),
    ];
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400]);
    for (const a of answers) expect(a.ms).toBeLessThan(1000);
    const added = h.logs.slice(before);
    expect(added.filter((l) => l.level >= 50)).toEqual([]);
    expect(added.filter((l) => l.level === 40)).toHaveLength(answers.length);
  });

  it('answers what no listener takes (another app button, a closed modal, another command) at once', async () => {
    const answers = [
      await payload({
        type: 'block_actions',
        user: { id: 'U1' },
        actions: [{ action_id: 'someone_else', value: 'x' }],
      }),
      // Bolt routes a press by its first action only: a Lapis action_id behind another app's is unrouted.
      await payload({
        type: 'block_actions',
        user: { id: 'U1' },
        actions: [
          { action_id: 'someone_else', value: 'x' },
          { action_id: 'lapis:claim:0:0', value: 'x' },
        ],
      }),
      // Bolt matches a callback id inside `view` first: this shortcut is not Lapis's to Bolt.
      await payload({
        type: 'message_action',
        user: { id: 'U1' },
        trigger_id: 't.9',
        callback_id: 'create_it_ticket',
        view: {},
      }),
      await payload({ type: 'view_closed', user: { id: 'U1' }, view: { id: 'V1' } }),
      await h.send.command({
        command: '/other',
        text: '',
        user_id: 'U1',
        channel_id: 'C1',
        trigger_id: 't.1',
      }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    for (const a of answers) expect(a.ms).toBeLessThan(1000);
  });

  it('still refuses an unsigned malformed body with 401', async () => {
    const answer = await h.send.raw('null', 'application/json', { signature: null });
    expect(answer.status).toBe(401);
  });
});

describe('Slack channel: the 3-second acknowledgement', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers Slack once the event is recorded, however slow the work after it is', async () => {
    h.stub.slowDown('chat.postMessage', 1500);
    const dm = dmChannelOf(PEOPLE.budi);
    const response = await h.dm(PEOPLE.budi, 'how do I reset my password');
    expect(response.status).toBe(200);
    expect(response.ms).toBeLessThan(1500); // the answer does not wait for the slow post
    await h.helpdesk.idle();
    expect(h.posted(dm)).toHaveLength(1);

    const command = await h.send.command({
      command: '/helpdesk',
      text: 'help',
      user_id: PEOPLE.sari.id,
      channel_id: CHANNELS.general,
      channel_name: 'general',
      trigger_id: 'trig.slowcommand',
    });
    expect(command.status).toBe(200);
    expect(command.ms).toBeLessThan(2500);
    await h.helpdesk.idle();
    expect(h.posted(dmChannelOf(PEOPLE.sari))).toHaveLength(1);
  });
});
