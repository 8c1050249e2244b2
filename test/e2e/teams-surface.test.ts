import { LapisError } from '../../src/core/errors';
import { fromUser, plain, type OutboundMessage } from '../../src/core/messages';
import { ensureIndexes } from '../../src/store/ensure-indexes';
import {
  activityId,
  BOT,
  cardOf,
  cardText,
  TENANT_ID,
  type TeamsPerson,
} from '../support/teams-activities';
import { startTeamsApp, type TeamsApp } from '../support/teams-app';
import { startConnectorStub, type ConnectorStub } from '../support/teams-connector-stub';
import { openTestDatabase } from '../support/test-database';

/**
 * The Teams chat surface against the loopback connector: proactive sends with stored references,
 * retries of what Teams turned away (and nothing else: botbuilder's own retry policy would resend
 * after a 500 and could post twice), Retry-After, the 28 KB limit, and "ephemeral" messages.
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

describe('Teams surface', () => {
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  let connector: ConnectorStub;
  let app: TeamsApp;

  beforeAll(async () => {
    conn = await openTestDatabase();
    await ensureIndexes(conn.db);
    connector = await startConnectorStub();
    app = await startTeamsApp({
      db: conn.db,
      env: { TEAMS_L1_CHANNEL_ID: L1 },
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
    });
  });
  afterAll(async () => {
    await app?.close();
    await connector?.close();
    await conn?.dispose();
  });
  const surface = () => app.channel.surface;
  const callsTo = (conversationId: string, from: number) =>
    connector.calls.slice(from).filter((c) => c.conversationId === conversationId);

  it('cannot post before Teams has told it a service URL, and says why', async () => {
    await expect(surface().postCard(1, hello)).rejects.toThrow(LapisError);
    await expect(surface().postCard(1, hello)).rejects.toThrow(/add the app to the team/);
    await expect(surface().sendDirect({ platform: 'teams', id: DM }, hello)).rejects.toThrow(
      /no Teams conversation reference/,
    );
  });

  it('sends to a personal chat once the app is installed there (the reference is stored)', async () => {
    const installed = await app.post({
      type: 'installationUpdate',
      action: 'add',
      id: activityId(),
      channelId: 'msteams',
      serviceUrl: connector.url,
      from: budi,
      recipient: BOT,
      conversation: { id: DM, conversationType: 'personal', tenantId: TENANT_ID },
      channelData: { tenant: { id: TENANT_ID } },
    });
    expect(installed.status).toBe(200);
    const ref = await surface().sendDirect({ platform: 'teams', id: DM }, hello);
    expect(ref).toMatchObject({ platform: 'teams', channelId: DM });
    expect(ref.messageId).toMatch(/^\d+$/);
    const sent = connector.calls.at(-1)!;
    expect(sent).toMatchObject({ kind: 'send', conversationId: DM, id: ref.messageId });
    expect(sent.activityId).toBeUndefined(); // a new message, not a reply to some activity
    // The tenant's service URL now serves channels the bot has not heard from yet.
    const posted = await surface().postCard(1, hello);
    expect(posted.thread.threadId).toBe(`${L1};messageid=${posted.card.messageId}`);
  });

  it('after a restart, posts with the references stored in MongoDB', async () => {
    const restarted = await startTeamsApp({ db: conn.db, env: { TEAMS_L1_CHANNEL_ID: L1 } });
    try {
      const start = connector.calls.length;
      await restarted.channel.surface.sendDirect({ platform: 'teams', id: DM }, hello);
      const { thread } = await restarted.channel.surface.postCard(1, hello);
      await restarted.channel.surface.replyInThread(thread, hello);
      expect(connector.calls.slice(start).map((c) => c.kind)).toEqual(['send', 'create', 'send']);
    } finally {
      await restarted.close();
    }
  });

  it('retries 429 and 502 (what Teams turned away) and posts exactly once', async () => {
    const start = connector.calls.length;
    connector.failNext(429, 1);
    connector.failNext(502, 1);
    const ref = await surface().sendDirect({ platform: 'teams', id: DM }, hello);
    const calls = callsTo(DM, start);
    expect(calls.map((c) => c.failedWith ?? 'ok')).toEqual([429, 502, 'ok']);
    expect(calls.at(-1)!.id).toBe(ref.messageId);
  });

  it('retries a 412 on a card update', async () => {
    const ref = await surface().sendDirect({ platform: 'teams', id: DM }, hello);
    const start = connector.calls.length;
    connector.failNext(412, 1);
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
    connector.failNext(429, 1, 0.3);
    await surface().sendDirect({ platform: 'teams', id: DM }, hello);
    expect(Date.now() - start).toBeGreaterThanOrEqual(280);
  });

  it('gives up after four tries, and never resends after a 500 (it may have been posted)', async () => {
    let start = connector.calls.length;
    connector.failNext(504, 4);
    await expect(surface().sendDirect({ platform: 'teams', id: DM }, hello)).rejects.toMatchObject({
      statusCode: 504,
    });
    expect(callsTo(DM, start).map((c) => c.failedWith)).toEqual([504, 504, 504, 504]);
    start = connector.calls.length;
    connector.failNext(500, 1);
    await expect(surface().sendDirect({ platform: 'teams', id: DM }, hello)).rejects.toMatchObject({
      statusCode: 500,
    });
    expect(callsTo(DM, start).map((c) => c.failedWith)).toEqual([500]);
  });

  it('keeps a huge message under 28 KB, shortening the text gracefully', async () => {
    const start = connector.calls.length;
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
    const start = connector.calls.length;
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
    const start = connector.calls.length;
    const thread = { platform: 'teams' as const, channelId: 'x', threadId: `${L1};messageid=77` };
    await surface().sendEphemeral(
      { platform: 'teams', id: budi.aadObjectId, name: budi.name },
      { thread },
      hello,
    );
    const calls = connector.calls.slice(start);
    expect(calls.map((c) => c.conversationId)).toEqual([DM]);
  });
});
