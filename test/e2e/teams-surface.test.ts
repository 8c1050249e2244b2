import { ConnectorTimeoutError } from '../../src/channels/teams/call-with-timeout';
import { LapisError } from '../../src/core/errors';
import { fromUser, plain, type OutboundMessage } from '../../src/core/messages';
import { GiveUp } from '../../src/core/pipeline/work-runner';
import { COLLECTIONS } from '../../src/store/collections';
import { ensureIndexes } from '../../src/store/ensure-indexes';
import {
  activityId,
  BOT,
  cardOf,
  cardText,
  installedInChannel,
  personalMessage,
  TENANT_ID,
  type TeamsPerson,
} from '../support/teams-activities';
import { startTeamsApp, TEAMS_SDKS, useTeamsBed } from '../support/teams-app';
import { startConnectorStub, type ConnectorStub } from '../support/teams-connector-stub';
import { openTestDatabase } from '../support/test-database';

/**
 * The Teams chat surface against the loopback connector, on each SDK: proactive sends with stored
 * references, retries of what Teams turned away (and nothing else: botbuilder's own retry policy
 * would resend after a 500 and could post twice), Retry-After, the 28 KB limit, and "ephemeral"
 * messages.
 */
const L1 = '19:l1-service-desk@thread.tacv2';
const budi: TeamsPerson = {
  id: '29:budi',
  name: 'Budi Santoso',
  aadObjectId: '0b0d1a2b-0000-4000-8000-00000000b0d1',
};
const DM = 'a:1budi-personal-chat';
const hello: OutboundMessage = {
  text: 'Hello',
  blocks: [{ kind: 'text', spans: [plain('Hello')] }],
};

describe.each(TEAMS_SDKS)('Teams surface (%s)', (sdk) => {
  const bed = useTeamsBed({
    sdk,
    env: { TEAMS_L1_CHANNEL_ID: L1 },
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
  });
  const surface = () => bed.app.channel.surface;
  const callsTo = (conversationId: string, from: number) =>
    bed.connector.calls.slice(from).filter((c) => c.conversationId === conversationId);

  it('cannot post before Teams has told it a service URL, and says why', async () => {
    await expect(surface().postCard(1, hello)).rejects.toThrow(LapisError);
    await expect(surface().postCard(1, hello)).rejects.toThrow(/add the app to the team/);
    await expect(surface().sendDirect({ platform: 'teams', id: DM }, hello)).rejects.toThrow(
      /no Teams conversation reference/,
    );
  });

  it('sends to a personal chat once the app is installed there (the reference is stored)', async () => {
    const installed = await bed.app.post({
      type: 'installationUpdate',
      action: 'add',
      id: activityId(),
      channelId: 'msteams',
      serviceUrl: bed.connector.url,
      from: budi,
      recipient: BOT,
      conversation: { id: DM, conversationType: 'personal', tenantId: TENANT_ID },
      channelData: { tenant: { id: TENANT_ID } },
    });
    expect(installed.status).toBe(200);
    const ref = await surface().sendDirect({ platform: 'teams', id: DM }, hello);
    expect(ref).toMatchObject({ platform: 'teams', channelId: DM });
    expect(ref.messageId).toMatch(/^\d+$/);
    const sent = bed.connector.calls.at(-1)!;
    expect(sent).toMatchObject({ kind: 'send', conversationId: DM, id: ref.messageId });
    expect(sent.activityId).toBeUndefined(); // a new message, not a reply to some activity
    // The tenant's service URL now serves channels the bot has not heard from yet.
    const posted = await surface().postCard(1, hello);
    expect(posted.thread.threadId).toBe(`${L1};messageid=${posted.card.messageId}`);
  });

  it('after a restart, posts with the references stored in MongoDB', async () => {
    const restarted = await startTeamsApp({ sdk, db: bed.db, env: { TEAMS_L1_CHANNEL_ID: L1 } });
    try {
      const start = bed.connector.calls.length;
      await restarted.channel.surface.sendDirect({ platform: 'teams', id: DM }, hello);
      const { thread } = await restarted.channel.surface.postCard(1, hello);
      await restarted.channel.surface.replyInThread(thread, hello);
      expect(bed.connector.calls.slice(start).map((c) => c.kind)).toEqual([
        'send',
        'create',
        'send',
      ]);
    } finally {
      await restarted.close();
    }
  });

  it('retries 429 and 502 (what Teams turned away) and posts exactly once', async () => {
    const start = bed.connector.calls.length;
    bed.connector.failNext(429, 1);
    bed.connector.failNext(502, 1);
    const ref = await surface().sendDirect({ platform: 'teams', id: DM }, hello);
    const calls = callsTo(DM, start);
    expect(calls.map((c) => c.failedWith ?? 'ok')).toEqual([429, 502, 'ok']);
    expect(calls.at(-1)!.id).toBe(ref.messageId);
  });

  it('retries a 412 on a card update', async () => {
    const ref = await surface().sendDirect({ platform: 'teams', id: DM }, hello);
    const start = bed.connector.calls.length;
    bed.connector.failNext(412, 1);
    await surface().update(ref, {
      text: 'Updated',
      blocks: [{ kind: 'text', spans: [plain('Updated')] }],
    });
    expect(callsTo(DM, start).map((c) => [c.kind, c.activityId, c.failedWith ?? 'ok'])).toEqual([
      ['update', ref.messageId, 412],
      ['update', ref.messageId, 'ok'],
    ]);
  });

  it('honours Retry-After', async () => {
    const start = Date.now();
    bed.connector.failNext(429, 1, 0.3);
    await surface().sendDirect({ platform: 'teams', id: DM }, hello);
    expect(Date.now() - start).toBeGreaterThanOrEqual(280);
  });

  it('gives up after four tries, and never resends after a 500 (it may have been posted)', async () => {
    let start = bed.connector.calls.length;
    bed.connector.failNext(504, 4);
    await expect(surface().sendDirect({ platform: 'teams', id: DM }, hello)).rejects.toMatchObject({
      statusCode: 504,
    });
    expect(callsTo(DM, start).map((c) => c.failedWith)).toEqual([504, 504, 504, 504]);
    start = bed.connector.calls.length;
    bed.connector.failNext(500, 1);
    await expect(surface().sendDirect({ platform: 'teams', id: DM }, hello)).rejects.toMatchObject({
      statusCode: 500,
    });
    expect(callsTo(DM, start).map((c) => c.failedWith)).toEqual([500]);
  });

  it('keeps a huge message under 28 KB, shortening the text gracefully', async () => {
    const start = bed.connector.calls.length;
    const long = 'The VPN drops every few minutes. '.repeat(4000);
    await surface().sendDirect(
      { platform: 'teams', id: DM },
      { text: long, blocks: [{ kind: 'text', spans: [plain('Question: '), fromUser(long)] }] },
    );
    const call = callsTo(DM, start)[0]!;
    expect(call.bytes).toBeLessThan(28 * 1024);
    const text = cardText(cardOf(call.body));
    expect(text.startsWith('Question: The VPN drops every few minutes.')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
  });

  it('sends an "ephemeral" with no thread or chat given to the person\'s personal chat', async () => {
    const start = bed.connector.calls.length;
    await surface().sendEphemeral(
      { platform: 'teams', id: budi.aadObjectId, name: budi.name },
      {},
      hello,
    );
    expect(callsTo(DM, start).map((c) => c.kind)).toEqual(['send']);
    await expect(
      surface().sendEphemeral({ platform: 'teams', id: 'someone-else' }, {}, hello),
    ).rejects.toThrow(/no personal chat/);
  });

  it("sends a private notice about a thread to the person's personal chat, not into the thread", async () => {
    const start = bed.connector.calls.length;
    const thread = { platform: 'teams' as const, channelId: 'x', threadId: `${L1};messageid=77` };
    await surface().sendEphemeral(
      { platform: 'teams', id: budi.aadObjectId, name: budi.name },
      { thread },
      hello,
    );
    const calls = bed.connector.calls.slice(start);
    expect(calls.map((c) => c.conversationId)).toEqual([DM]);
  });
});

/**
 * Outgoing calls have a deadline and a bound: a connector that never answers fails the send within
 * TEAMS_CONNECTOR_TIMEOUT_MS (and the outbox tries it again later), and no more than
 * TEAMS_CONNECTOR_CONCURRENCY requests are at the connector at once.
 */
describe.each(TEAMS_SDKS)('Teams connector deadline and concurrency (%s)', (sdk) => {
  const dm = { platform: 'teams' as const, id: DM };
  const bed = useTeamsBed({
    sdk,
    env: {
      TEAMS_L1_CHANNEL_ID: L1,
      TEAMS_CONNECTOR_TIMEOUT_MS: '300',
      TEAMS_CONNECTOR_CONCURRENCY: '2',
    },
  });
  beforeAll(async () => {
    // Budi's personal chat, on the stub: the reference every send below uses.
    const installed = await bed.app.post({
      ...personalMessage(bed.connector.url, budi, DM, ''),
      type: 'installationUpdate',
      action: 'add',
    });
    expect(installed.status).toBe(200);
  });
  afterEach(() => {
    bed.connector.delayMs = 0;
  });
  const sendsToDm = (from: number) =>
    bed.connector.calls.slice(from).filter((c) => c.kind === 'send' && c.conversationId === DM);

  it('fails a send the connector never answers within the timeout, once, and keeps serving', async () => {
    const start = bed.connector.calls.length;
    bed.connector.hangNext(1);
    const started = Date.now();
    let settledAt: number | undefined;
    const sending = bed.app.channel.surface.sendDirect(dm, hello).finally(() => {
      settledAt = Date.now();
    });
    // Meanwhile the bot answers other requests.
    const served = await bed.app.post(installedInChannel(bed.connector.url, budi, L1));
    expect(served.status).toBe(200);
    expect(settledAt).toBeUndefined();

    await expect(sending).rejects.toBeInstanceOf(ConnectorTimeoutError);
    expect(settledAt! - started).toBeGreaterThanOrEqual(290);
    expect(settledAt! - started).toBeLessThan(2000);
    // Not retried on the spot (it may have been posted), and the request was really dropped.
    expect(sendsToDm(start).map((c) => c.hung ?? 'ok')).toEqual([true]);
    await waitFor(() => bed.connector.dropped === 1);
    expect(bed.connector.inFlight).toBe(0);
    // The next send goes through.
    await expect(bed.app.channel.surface.sendDirect(dm, hello)).resolves.toMatchObject({
      channelId: DM,
    });
  });

  it('leaves a timed-out answer in the outbox, which sends it again later', async () => {
    const start = bed.connector.calls.length;
    const logsBefore = bed.app.logs.length;
    bed.connector.hangNext(1);
    const question = personalMessage(
      bed.connector.url,
      budi,
      DM,
      'my laptop battery drains very fast',
    );
    expect((await bed.app.post(question)).status).toBe(200);
    await waitFor(() => sendsToDm(start).some((c) => !c.hung));
    expect(sendsToDm(start).map((c) => c.hung ?? 'ok')).toEqual([true, 'ok']);
    const retried = bed.app.logs
      .slice(logsBefore)
      .find((l) => l.msg === 'work item failed; retrying');
    expect(String((retried?.err as { message?: string } | undefined)?.message)).toMatch(
      /did not answer within 300 ms/,
    );
  });

  it('never has more than TEAMS_CONNECTOR_CONCURRENCY requests at the connector at once', async () => {
    const start = bed.connector.calls.length;
    bed.connector.delayMs = 150;
    bed.connector.resetMostInFlight();
    const refs = await Promise.all(
      Array.from({ length: 6 }, () => bed.app.channel.surface.sendDirect(dm, hello)),
    );
    expect(new Set(refs.map((r) => r.messageId)).size).toBe(6);
    expect(sendsToDm(start)).toHaveLength(6);
    expect(bed.connector.mostInFlight).toBe(2);
  });

  it('refuses a stored reference whose service URL is not allowed, before any request', async () => {
    // As an old reference (or one stored before TEAMS_SERVICE_URL_HOSTS) would be.
    await bed.db.collection(COLLECTIONS.conversations).insertOne({
      platform: 'teams',
      kind: 'personal',
      ownerId: 'a:old-chat',
      conversationId: 'a:old-chat',
      serviceUrl: 'https://attacker.example/',
      userId: 'someone',
      updatedAt: new Date(),
    });
    const start = bed.connector.calls.length;
    const sending = bed.app.channel.surface.sendDirect(
      { platform: 'teams', id: 'a:old-chat' },
      hello,
    );
    // Given up at once by the outbox: trying again cannot change the reference.
    await expect(sending).rejects.toBeInstanceOf(GiveUp);
    await expect(sending).rejects.toThrow(/attacker\.example is not in TEAMS_SERVICE_URL_HOSTS/);
    expect(bed.connector.calls.length).toBe(start);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('the condition did not come true in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Switching TEAMS_SDK keeps every chat and channel Lapis knows: a conversation reference is stored as
 * Lapis's own (service URL, conversation, tenant, the bot's id), and each SDK's host turns it into its
 * SDK's ConversationReference at the boundary (botbuilder's `bot` is the Agents SDK's `agent`). Here
 * one SDK hears from Teams and stores the references; the other, on the same database and never
 * contacted, sends the proactive cards with them.
 */
describe.each([
  ['botbuilder', 'agents'],
  ['agents', 'botbuilder'],
] as const)('Teams conversation references stored on %s, used on %s', (storedOn, usedOn) => {
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  let connector: ConnectorStub;
  beforeAll(async () => {
    conn = await openTestDatabase();
    await ensureIndexes(conn.db);
    connector = await startConnectorStub();
  });
  afterAll(async () => {
    await connector?.close();
    await conn?.dispose();
  });

  it('sends a DM, a ticket card, a reply in its thread and a card update', async () => {
    const env = { TEAMS_L1_CHANNEL_ID: L1 };
    const before = await startTeamsApp({ sdk: storedOn, db: conn.db, env });
    try {
      const installed = {
        ...personalMessage(connector.url, budi, DM, ''),
        type: 'installationUpdate',
      };
      expect((await before.post({ ...installed, action: 'add' })).status).toBe(200);
      expect((await before.post(installedInChannel(connector.url, budi, L1))).status).toBe(200);
    } finally {
      await before.close();
    }
    const stored = await conn.db
      .collection(COLLECTIONS.conversations)
      .find({ platform: 'teams' }, { projection: { _id: 0, kind: 1, ownerId: 1, botId: 1 } })
      .toArray();
    expect(stored).toEqual(
      expect.arrayContaining([
        { kind: 'personal', ownerId: DM, botId: BOT.id },
        { kind: 'channel', ownerId: L1, botId: BOT.id },
      ]),
    );

    const after = await startTeamsApp({ sdk: usedOn, db: conn.db, env });
    try {
      const start = connector.calls.length;
      const surface = after.channel.surface;
      await surface.sendDirect({ platform: 'teams', id: DM }, hello);
      const { thread, card } = await surface.postCard(1, hello);
      await surface.replyInThread(thread, hello);
      await surface.update(card, hello);
      const calls = connector.calls.slice(start);
      expect(calls.map((c) => [c.kind, c.conversationId, c.failedWith ?? 'ok'])).toEqual([
        ['send', DM, 'ok'],
        ['create', thread.threadId, 'ok'],
        ['send', thread.threadId, 'ok'],
        ['update', thread.threadId, 'ok'],
      ]);
      // Sent as the bot the reference names, to the conversation and tenant it names.
      const sent = calls[0]!.body;
      expect(sent).toMatchObject({
        from: { id: BOT.id },
        conversation: { id: DM, tenantId: TENANT_ID },
        serviceUrl: connector.url,
      });
      expect(cardText(cardOf(sent))).toBe('Hello');
      expect(calls[1]!.body).toMatchObject({
        channelData: { channel: { id: L1 }, tenant: { id: TENANT_ID } },
        activity: { from: { id: BOT.id } },
      });
      expect(calls[3]!).toMatchObject({ activityId: card.messageId, body: { id: card.messageId } });
    } finally {
      await after.close();
    }
  });
});
