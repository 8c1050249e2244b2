import { t } from '../../src/core/i18n/translate';
import type { Ticket } from '../../src/core/ticket';
import {
  button,
  cardOf,
  cardSaying,
  cardSubmit,
  cardText,
  installedInChannel,
  onlyCardIn,
  personalMessage,
  sendsTo,
  teamsPerson,
  threadMessage,
  type CardJson,
} from '../support/teams-activities';
import { projectKnowledgeBase, TEAMS_SDKS, useTeamsBed } from '../support/teams-app';
import type { ConnectorCall } from '../support/teams-connector-stub';
import { ticketByKey } from '../support/ticket-by-key';

/**
 * The whole journey in Teams, end to end, one step per test (in order, sharing state): express and
 * each SDK's real CloudAdapter over real HTTP, the REAL core on the test MongoDB with the
 * project's kb/, and a loopback Bot Framework connector (the activities' serviceUrl) that records
 * every proactive post, new thread and card update. Authentication is off (no TEAMS_APP_ID), the
 * Bot Framework Emulator's mode; agent channels speak DEFAULT_LOCALE (id), Budi writes English.
 */
const L1 = '19:l1-service-desk@thread.tacv2';
const L2 = '19:l2-platform@thread.tacv2';
const budi = teamsPerson('budi', 'Budi Santoso', '0b0d1a2b-0000-4000-8000-00000000b0d1');
const ayu = teamsPerson('ayu', 'Ayu Lestari', 'a7a7a7a7-0000-4000-8000-0000000000a1');
const rudi = teamsPerson('rudi', 'Rudi Hartono', 'a7a7a7a7-0000-4000-8000-0000000000a2');
const dewi = teamsPerson('dewi', 'Dewi Anggraini', 'd2d2d2d2-0000-4000-8000-0000000000d2');
const DM = 'a:1budi-personal-chat';
const personal = { id: DM, conversationType: 'personal' as const };
const inThread = (id: string) => ({ id, conversationType: 'channel' as const });
/** Texts of the agent channels (DEFAULT_LOCALE=id) and of Budi's chat (he writes English). */
const inAgents = (key: Parameters<typeof t>[1], vars?: Parameters<typeof t>[2]) =>
  t('id', key, vars);
const en = (key: Parameters<typeof t>[1], vars?: Parameters<typeof t>[2]) => t('en', key, vars);

describe.each(TEAMS_SDKS)('Teams (%s) channel on the real core: question to rating', (sdk) => {
  const bed = useTeamsBed({
    sdk,
    env: {
      TEAMS_L1_CHANNEL_ID: L1,
      TEAMS_L2_CHANNEL_ID: L2,
      TEAMS_L2_PING: `${dewi.aadObjectId}|Dewi Anggraini,l2-oncall@contoso.example|L2 On-call`,
      L1_AGENT_IDS: `${ayu.aadObjectId},${rudi.aadObjectId}`,
      // Dewi is configured by her Teams user id: the directory learns it from her own activity.
      L2_AGENT_IDS: dewi.id,
    },
  });
  let url: string;
  beforeAll(() => {
    url = bed.connector.url;
  });
  // What the steps pass on to each other.
  const seen: {
    answer?: CardJson;
    form?: CardJson;
    l1Card?: CardJson;
    l1Thread?: string;
    l1Root?: string;
    l2Card?: CardJson;
    l2Thread?: string;
    l2Root?: string;
    resolution?: CardJson;
  } = {};

  /** Posts an activity, expects the 200 Teams needs, returns the connector calls it caused. */
  async function deliver(activity: unknown): Promise<ConnectorCall[]> {
    const before = bed.connector.calls.length;
    const response = await bed.app.post(activity);
    expect(response.status).toBe(200);
    return bed.connector.calls.slice(before);
  }
  const created = (calls: ConnectorCall[]) => calls.filter((c) => c.kind === 'create');
  const updatesOf = (calls: ConnectorCall[], root: string | undefined) =>
    calls.filter((c) => c.kind === 'update' && c.activityId === root);

  it('0. stores the L1 channel reference when the app is added to the team', async () => {
    expect(await deliver(installedInChannel(url, ayu, L1))).toEqual([]);
  });

  it('1. answers a question in the personal chat with a knowledge-base card', async () => {
    const question = 'my laptop battery drains very fast';
    const article = projectKnowledgeBase().article('laptop-battery', 'en')!;
    seen.answer = onlyCardIn(await deliver(personalMessage(url, budi, DM, question)), DM);
    expect(cardText(seen.answer)).toContain(article.title);
    expect(cardText(seen.answer)).toContain(en('answer_intro'));
  });

  it('2. "Still need help" brings the ticket form, its inputs in a ShowCard', async () => {
    const press = cardSubmit(url, budi, personal, button(seen.answer!, 'l0_need_help').data);
    seen.form = onlyCardIn(await deliver(press), DM);
    expect(button(seen.form, 'ticket_form').inputs).toEqual([
      'ticket_form.category',
      'ticket_form.impact',
      'ticket_form.urgency',
      'ticket_form.details',
    ]);
  });

  it('3. the form opens IT-1001: a new thread in the L1 channel, posted proactively', async () => {
    const details = 'Battery goes from 100% to 20% in about an hour since last week';
    const calls = await deliver(
      cardSubmit(url, budi, personal, {
        ...button(seen.form!, 'ticket_form').data,
        'ticket_form.category': 'hardware',
        'ticket_form.impact': 'me',
        'ticket_form.urgency': 'blocked',
        'ticket_form.details': details,
      }),
    );
    const [thread, ...others] = created(calls);
    expect(others).toEqual([]);
    expect(thread!.body).toMatchObject({ isGroup: true, channelData: { channel: { id: L1 } } });
    seen.l1Thread = thread!.conversationId;
    seen.l1Root = thread!.activityId!;
    expect(seen.l1Thread).toBe(`${L1};messageid=${seen.l1Root}`);
    seen.l1Card = cardOf(thread!.body.activity as Record<string, unknown>);
    expect(cardText(seen.l1Card)).toContain('IT-1001 · P3 · L1');
    expect(cardText(seen.l1Card)).toContain(details);
    cardSaying(calls, DM, en('ticket_opened', { key: 'IT-1001', priority: 'P3' }));
  });

  it('4. Claim updates the card in place and tells Budi', async () => {
    const press = button(seen.l1Card!, 'claim').data;
    const calls = await deliver(cardSubmit(url, ayu, inThread(seen.l1Thread!), press));
    const updates = updatesOf(calls, seen.l1Root);
    expect(updates.map((c) => c.conversationId)).toEqual([seen.l1Thread]);
    seen.l1Card = cardOf(updates[0]!.body);
    expect(cardText(seen.l1Card)).toContain('Ayu Lestari');
    expect(() => button(seen.l1Card!, 'claim')).toThrow();
    cardSaying(calls, DM, en('ticket_claimed', { agent: 'Ayu Lestari', key: 'IT-1001' }));
  });

  it("5. Ayu's reply in the card's reply chain reaches Budi; a redelivery is dropped", async () => {
    const reply = 'Please lower the screen brightness and check which apps use the most power';
    const activity = threadMessage(url, ayu, seen.l1Thread!, reply, { mentionBot: true });
    const calls = await deliver(activity);
    const relayed = cardText(cardSaying(calls, DM, reply));
    expect(relayed).toContain(en('agent_says', { agent: 'Ayu Lestari' }));
    expect(relayed).not.toContain('Lapis'); // the bot's @mention was stripped
    const marker = `↪ ${inAgents('relayed_marker', { requester: 'Budi Santoso' })}`;
    cardSaying(calls, seen.l1Thread!, marker);
    // Teams resends an activity it got no answer to within 15 s: the same id changes nothing.
    expect(await deliver(activity)).toEqual([]);
  });

  it("6. Budi's answer reaches the thread, his markup shown as typed and mentioning nobody", async () => {
    const text =
      'Still drains **fast** [see](http://evil.example) <at>Ayu</at> &lt;script&gt; & 1. done';
    const calls = await deliver(personalMessage(url, budi, DM, text));
    const says = inAgents('requester_says', { requester: 'Budi Santoso' });
    const card = cardSaying(calls, seen.l1Thread!, says);
    expect(cardText(card)).toContain(
      '\\*\\*fast\\*\\* \\[see\\](http://evil.example) @Ayu &lt;script&gt; &amp; 1. done',
    );
    expect(cardText(card)).not.toContain('<at>');
    expect(card.msteams?.entities).toBeUndefined();
  });

  it('7. an internal note stays in the thread; Ayu alone is addressed', async () => {
    const note = '// NOTE-7731 battery at 61% of design capacity';
    const calls = await deliver(threadMessage(url, ayu, seen.l1Thread!, note));
    expect(sendsTo(calls, DM)).toEqual([]);
    const marker = cardSaying(calls, seen.l1Thread!, inAgents('note_marker'));
    expect(marker.msteams?.entities).toEqual([
      {
        type: 'mention',
        text: '<at>Ayu Lestari</at>',
        mentioned: { id: ayu.aadObjectId, name: 'Ayu Lestari' },
      },
    ]);
    const toBudi = bed.connector.calls.filter((c) => c.conversationId === DM);
    expect(JSON.stringify(toBudi)).not.toContain('NOTE-7731');
  });

  it('8. escalation starts a thread in the L2 channel that @mentions the L2 people', async () => {
    const reason = 'Battery wear: needs a hardware diagnosis';
    const tried = 'Brightness, power plan, background apps';
    const calls = await deliver(
      cardSubmit(url, ayu, inThread(seen.l1Thread!), {
        ...button(seen.l1Card!, 'escalate').data,
        'escalate.reason': reason,
        'escalate.tried': tried,
      }),
    );
    const [thread] = created(calls);
    expect(thread!.body).toMatchObject({ channelData: { channel: { id: L2 } } });
    seen.l2Thread = thread!.conversationId;
    seen.l2Root = thread!.activityId!;
    seen.l2Card = cardOf(thread!.body.activity as Record<string, unknown>);
    const shown = cardText(seen.l2Card);
    expect(shown).toContain('IT-1001 · P3 · L2');
    // One line each (the card marks its line breaks): the reason, then what was tried.
    const [why, triedLine] = inAgents('card_escalation', { from: 1, reason, tried }).split('\n');
    expect(shown).toContain(why!);
    expect(shown).toContain(triedLine!);
    expect(shown).toContain('📣 <at>Dewi Anggraini</at>, <at>L2 On-call</at>');
    expect(shown).not.toContain('NOTE-7731');
    expect(seen.l2Card.msteams?.entities?.map((e) => [e.text, e.mentioned.id])).toEqual([
      ['<at>Dewi Anggraini</at>', dewi.aadObjectId],
      ['<at>L2 On-call</at>', 'l2-oncall@contoso.example'],
    ]);
    cardSaying(calls, seen.l1Thread!, inAgents('escalated_thread', { level: 2, reason }));
    cardSaying(calls, DM, en('escalated_requester', { key: 'IT-1001', level: 2 }));
    const l1Now = cardOf(updatesOf(calls, seen.l1Root).at(-1)!.body);
    expect(cardText(l1Now)).toContain('IT-1001 · P3 · L2');
    expect(JSON.stringify(l1Now)).not.toContain('Action.Submit'); // the L1 card has moved on
  });

  it('9. an L1 agent pressing Claim on the L2 card is refused, in the thread, and nothing changes', async () => {
    const press = button(seen.l2Card!, 'claim').data;
    const calls = await deliver(cardSubmit(url, rudi, inThread(seen.l2Thread!), press));
    expect(calls.filter((c) => c.kind === 'update' || c.conversationId === DM)).toEqual([]);
    const refusal = cardSaying(calls, seen.l2Thread!, inAgents('refused_not_agent', { level: 2 }));
    expect(refusal.msteams?.entities?.[0]?.mentioned.id).toBe(rudi.aadObjectId);
  });

  it('10. Dewi (configured by her Teams id) claims and resolves', async () => {
    const claim = button(seen.l2Card!, 'claim').data;
    const claimed = await deliver(cardSubmit(url, dewi, inThread(seen.l2Thread!), claim));
    seen.l2Card = cardOf(updatesOf(claimed, seen.l2Root)[0]!.body);
    expect(cardText(seen.l2Card)).toContain('Dewi Anggraini');
    const summary = 'Battery replaced under warranty; it now holds a full day';
    const resolve = { ...button(seen.l2Card, 'resolve').data, 'resolve.summary': summary };
    const calls = await deliver(cardSubmit(url, dewi, inThread(seen.l2Thread!), resolve));
    seen.resolution = cardSaying(calls, DM, summary);
    expect(button(seen.resolution, 'reopen').title).toBe(en('btn_reopen'));
  });

  it('11. Budi confirms and rates 5', async () => {
    const confirm = button(seen.resolution!, 'confirm_resolved').data;
    const confirmed = await deliver(cardSubmit(url, budi, personal, confirm));
    cardSaying(confirmed, DM, en('closed_requester', { key: 'IT-1001' }));
    // The rating was asked once, with the resolution; it is still taken after closing.
    const rate = cardSubmit(url, budi, personal, button(seen.resolution!, 'csat', '5').data);
    cardSaying(await deliver(rate), DM, en('csat_thanks', { key: 'IT-1001', score: 5 }));
  });

  it('the database agrees, cards were updated in place, every message fit Teams', async () => {
    const ticket = (await ticketByKey(bed.db, 'IT-1001'))!;
    expect(ticket).toMatchObject({
      status: 'closed',
      level: 2,
      requester: { platform: 'teams', id: budi.aadObjectId, name: 'Budi Santoso' },
      requesterDm: { platform: 'teams', id: DM },
      assignee: { id: dewi.aadObjectId },
      csat: { score: 5 },
      threads: {
        L1: { channelId: L1, threadId: seen.l1Thread },
        L2: { channelId: L2, threadId: seen.l2Thread },
      },
    });
    const [b, a, r, d] = [budi, ayu, rudi, dewi].map((p) => p.aadObjectId);
    expect(auditTrail(ticket)).toEqual([
      `created by ${b}`,
      `claimed by ${a}`,
      `escalated by ${a}`,
      `refused by ${r}`,
      `claimed by ${d}`,
      `resolved by ${d}`,
      `confirmed by ${b}`,
      `rated by ${b}`,
    ]);
    expect(created(bed.connector.calls)).toHaveLength(2);
    const updated = new Set(
      bed.connector.calls.filter((c) => c.kind === 'update').map((c) => c.activityId),
    );
    expect([...updated].sort()).toEqual([seen.l1Root, seen.l2Root].sort());
    for (const call of bed.connector.calls) {
      expect(call.bytes).toBeLessThan(28 * 1024);
      expect(call.authorization).toBeUndefined(); // authentication is off
    }
    expect(bed.app.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});

function auditTrail(ticket: Ticket): string[] {
  return ticket.audit.map((a) => `${a.action} by ${a.actor === 'system' ? 'system' : a.actor.id}`);
}
