import { t } from '../../src/core/i18n/translate';
import type { Ticket } from '../../src/core/ticket';
import { METHOD_SCOPES } from '../support/slack-method-scopes';
import {
  CHANNELS,
  dmChannelOf,
  L2_GROUP,
  PEOPLE,
  shownText,
  startSlackHarness,
  typed,
  type SlackHarness,
} from '../support/slack-harness';
import { ticketByKey } from '../support/ticket-by-key';

/**
 * The whole journey in Slack: the real Bolt app over real HTTP (signed requests to /slack/events),
 * the real core on the test MongoDB with the project's kb/, and a loopback server playing Slack's
 * Web API. Agent channels speak DEFAULT_LOCALE (id); Budi writes English and is answered in English.
 */
describe('Slack channel on the real core: question to rating over HTTP', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('plays question, ticket, claim, relay both ways, note, escalation, resolution and rating', async () => {
    const agentLocale = h.config.DEFAULT_LOCALE;
    const budiDm = dmChannelOf(PEOPLE.budi);
    const lastTo = (channel: string) => h.posted(channel).at(-1)!;

    // 1. Budi asks in the DM: the KB answers with blocks and two buttons.
    const question = 'my laptop battery drains very fast';
    expect((await h.dm(PEOPLE.budi, question)).status).toBe(200);
    const answer = lastTo(budiDm);
    expect(answer.args.blocks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'header' }),
        expect.objectContaining({ type: 'actions' }),
      ]),
    );
    expect(shownText(answer)).toContain(t('en', 'answer_intro'));
    expect(answer.token).toBe('xoxb-test-token');

    // 2. "Still need help" brings the ticket form button; pressing it opens a modal.
    expect((await h.press(PEOPLE.budi, h.button('l0_need_help', budiDm))).status).toBe(200);
    expect(shownText(lastTo(budiDm))).toContain(t('en', 'need_help_reply'));
    const formButton = h.button('ticket_form', budiDm);
    const before = h.stub.calls.length;
    await h.press(PEOPLE.budi, formButton);
    const opened = h.stub.ok('views.open').at(-1)!;
    expect(h.stub.calls.slice(before).map((c) => c.method)).toEqual(['views.open']);
    expect(opened.args.trigger_id).toMatch(/^trig\./);
    const modal = opened.args.view as { blocks: { block_id: string; type: string }[] };
    expect(modal.blocks.map((b) => b.block_id)).toEqual([
      'category',
      'impact',
      'urgency',
      'details',
    ]);

    // 3. Submitting the modal opens IT-1001: the card in the L1 channel, the key in the DM.
    const details = 'Goes from 100% to 20% in an hour since last week & it gets hot <b>';
    await h.submit(PEOPLE.budi, opened, {
      category: 'hardware',
      impact: 'me',
      urgency: 'blocked',
      details,
    });
    const card = h.posted(CHANNELS.l1).at(-1)!;
    expect(shownText(card)).toContain('IT-1001 · P3 · L1');
    expect(shownText(card)).toContain(
      'Goes from 100% to 20% in an hour since last week &amp; it gets hot &lt;b&gt;',
    );
    expect(shownText(lastTo(budiDm))).toContain(
      t('en', 'ticket_opened', { key: 'IT-1001', priority: 'P3' }),
    );
    const cardTs = String(card.response.ts);

    // 4. Ayu (a configured L1 agent) claims; the card is updated in place.
    await h.press(PEOPLE.ayu, h.button('claim', CHANNELS.l1));
    const claimed = h.stub
      .ok('chat.update')
      .filter((c) => c.args.ts === cardTs)
      .at(-1)!;
    expect(shownText(claimed)).toContain('Ayu Lestari');
    expect(JSON.stringify(claimed.args.blocks)).not.toContain('lapis:claim:');
    expect(shownText(lastTo(budiDm))).toContain(
      t('en', 'ticket_claimed', { agent: 'Ayu Lestari', key: 'IT-1001' }),
    );

    // 5. Ayu's thread reply reaches Budi's DM, attributed and escaped; the thread gets a marker.
    const reply = 'Please lower the brightness & check which apps use power @here';
    await h.reply(
      PEOPLE.ayu,
      CHANNELS.l1,
      cardTs,
      typed('Please lower the brightness & check which apps use power') + ' <!here>',
    );
    const relayed = lastTo(budiDm);
    expect(shownText(relayed)).toContain(t('en', 'agent_says', { agent: 'Ayu Lestari' }));
    expect(shownText(relayed)).toContain(
      'Please lower the brightness &amp; check which apps use power @\u2060here',
    );
    expect(shownText(relayed)).not.toContain('<!here>');
    const marker = h.posted(CHANNELS.l1).at(-1)!;
    expect(marker.args.thread_ts).toBe(cardTs);
    expect(shownText(marker)).toContain(
      `↪ ${t(agentLocale, 'relayed_marker', { requester: 'Budi Santoso' })}`,
    );

    // 6. Budi answers in the DM; it arrives in the ticket's thread.
    const followUp = 'Brightness is already low, and it still drains with the lid closed';
    await h.dm(PEOPLE.budi, followUp);
    const inThread = h.posted(CHANNELS.l1).at(-1)!;
    expect(inThread.args.thread_ts).toBe(cardTs);
    expect(shownText(inThread)).toContain(
      t(agentLocale, 'requester_says', { requester: 'Budi Santoso' }),
    );
    expect(shownText(inThread)).toContain(followUp);

    // 7. An internal note stays in the thread: nothing reaches Budi, Ayu is told privately.
    const dmPostsBefore = h.posted(budiDm).length;
    await h.reply(
      PEOPLE.ayu,
      CHANNELS.l1,
      cardTs,
      '// NOTE-7731 battery at 61% of design capacity',
    );
    expect(h.posted(budiDm)).toHaveLength(dmPostsBefore);
    const whisper = h.stub.ok('chat.postEphemeral').at(-1)!;
    expect(whisper.args).toMatchObject({
      channel: CHANNELS.l1,
      user: PEOPLE.ayu.id,
      thread_ts: cardTs,
    });
    expect(shownText(whisper)).toContain(t(agentLocale, 'note_marker'));

    // 8. Ayu escalates through the modal; L2 gets a card with the context and the group ping.
    await h.press(PEOPLE.ayu, h.button('escalate', CHANNELS.l1));
    const escalateModal = h.stub.ok('views.open').at(-1)!;
    const reason = 'Battery wear: needs a hardware diagnosis';
    const tried = 'Brightness, power plan, background apps';
    await h.submit(PEOPLE.ayu, escalateModal, { reason, tried });
    const l2Card = h.posted(CHANNELS.l2).at(-1)!;
    expect(shownText(l2Card)).toContain('IT-1001 · P3 · L2');
    expect(shownText(l2Card)).toContain(`<!subteam^${L2_GROUP}>`);
    expect(shownText(l2Card)).toContain(
      t(agentLocale, 'card_escalation', { from: 1, reason, tried }),
    );
    expect(shownText(l2Card)).toContain(followUp); // the digest
    expect(shownText(l2Card)).not.toContain('NOTE-7731');
    expect(shownText(lastTo(budiDm))).toContain(
      t('en', 'escalated_requester', { key: 'IT-1001', level: 2 }),
    );

    // 9. Dewi (a member of the L2 channel) claims and resolves.
    const l2Ts = String(l2Card.response.ts);
    await h.press(PEOPLE.dewi, h.button('claim', CHANNELS.l2));
    await h.press(PEOPLE.dewi, h.button('resolve', CHANNELS.l2));
    const summary = 'Battery replaced under warranty; it now lasts a full day';
    await h.submit(PEOPLE.dewi, h.stub.ok('views.open').at(-1)!, { summary });
    const resolvedCard = h.stub
      .ok('chat.update')
      .filter((c) => c.args.ts === l2Ts)
      .at(-1)!;
    expect(shownText(resolvedCard)).toContain(summary);
    expect(shownText(lastTo(budiDm))).toContain(summary);

    // 10. Budi confirms and rates 5.
    await h.press(PEOPLE.budi, h.button('confirm_resolved', budiDm));
    expect(shownText(lastTo(budiDm))).toContain(t('en', 'closed_requester', { key: 'IT-1001' }));
    await h.press(PEOPLE.budi, h.button('csat', budiDm, '5'));
    expect(shownText(lastTo(budiDm))).toContain(
      t('en', 'csat_thanks', { key: 'IT-1001', score: 5 }),
    );

    // The database agrees.
    const ticket = (await ticketByKey(h.db, 'IT-1001'))!;
    expect(ticket).toMatchObject({
      status: 'closed',
      level: 2,
      priority: 'P3',
      category: 'hardware',
      details,
      question,
      requester: { platform: 'slack', id: PEOPLE.budi.id, name: 'Budi Santoso' },
      requesterDm: { platform: 'slack', id: budiDm },
      assignee: { id: PEOPLE.dewi.id },
      csat: { score: 5 },
      resolution: { summary, by: { id: PEOPLE.dewi.id } },
      threads: {
        L1: { channelId: CHANNELS.l1, threadId: cardTs },
        L2: { channelId: CHANNELS.l2, threadId: l2Ts },
      },
    });
    expect(auditTrail(ticket)).toEqual([
      `created by ${PEOPLE.budi.id}`,
      `claimed by ${PEOPLE.ayu.id}`,
      `escalated by ${PEOPLE.ayu.id}`,
      `claimed by ${PEOPLE.dewi.id}`,
      `resolved by ${PEOPLE.dewi.id}`,
      `confirmed by ${PEOPLE.budi.id}`,
      `rated by ${PEOPLE.budi.id}`,
    ]);
    expect(ticket.transcript.map((e) => [e.from, e.user?.id, e.internal, e.text])).toEqual([
      ['requester', PEOPLE.budi.id, false, question],
      ['agent', PEOPLE.ayu.id, false, reply],
      ['requester', PEOPLE.budi.id, false, followUp],
      ['agent', PEOPLE.ayu.id, true, 'NOTE-7731 battery at 61% of design capacity'],
    ]);

    // Slack saw only methods the manifest has scopes for, every call with the bot token, no failures.
    await h.helpdesk.idle();
    expect(
      [...new Set(h.stub.calls.map((c) => c.method))].filter((m) => !(m in METHOD_SCOPES)),
    ).toEqual([]);
    expect(h.stub.calls.filter((c) => c.response.ok !== true)).toEqual([]);
    expect(h.stub.calls.every((c) => c.token === 'xoxb-test-token')).toBe(true);
    expect(h.logs.filter((l) => l.level >= 50 || (l.level >= 40 && l.msg !== 'refused'))).toEqual(
      [],
    );
    // The whole journey's log, down to debug, holds neither the bot token nor the signing secret.
    expect(h.lines.length).toBeGreaterThan(10);
    const everything = h.lines.join('');
    expect(everything).not.toContain('xoxb-test-token');
    expect(everything).not.toContain(h.config.SLACK_SIGNING_SECRET);
  });
});

function auditTrail(ticket: Ticket): string[] {
  return ticket.audit.map((a) => `${a.action} by ${a.actor === 'system' ? 'system' : a.actor.id}`);
}
