import { t } from '../../src/core/i18n/translate';
import { TICKET_COMMAND_ID } from '../../src/channels/teams/activity-schema';
import { trustOutboundToken } from '../support/bot-outbound-token';
import { startBotTokenIssuer, type BotTokenIssuer } from '../support/bot-token-issuer';
import { ensureIndexes } from '../../src/store/ensure-indexes';
import { openTestDatabase } from '../support/test-database';
import {
  activityId,
  BOT,
  cardOf,
  cardText,
  personalMessage,
  sendsTo,
  teamsPerson,
  TENANT_ID,
  type TeamsPerson,
} from '../support/teams-activities';
import { startTeamsApp, TEAMS_SDKS, type TeamsApp } from '../support/teams-app';
import { startConnectorStub, type ConnectorStub } from '../support/teams-connector-stub';
import { createMongoTicketStore } from '../../src/store/mongo-ticket-store';

const APP_ID = '6f1b2a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
const L1 = '19:l1-service-desk@thread.tacv2';
const GENERAL = '19:general@thread.tacv2';
const nina = teamsPerson('nina', 'Nina Putri', '0b0d1a2b-0000-4000-8000-00000000a1a1');
const ayu = teamsPerson('ayu', 'Ayu Lestari', '0b0d1a2b-0000-4000-8000-00000000a4a4');
const sari = teamsPerson('sari', 'Sari Wulandari', '0b0d1a2b-0000-4000-8000-000000005a21');
const dmOf = (p: TeamsPerson) => `a:1${p.id.slice(3)}-personal-chat`;
const LINK = 'https://teams.microsoft.com/l/message/19%3Ageneral%40thread.tacv2/1730000000001';

/** "Create IT ticket" used on `message` by `from`, as Teams sends it (composeExtension/submitAction). */
function ticketAction(
  serviceUrl: string,
  from: TeamsPerson,
  message: Record<string, unknown>,
  options: { id?: string; conversation?: Record<string, unknown>; note?: string } = {},
) {
  return {
    type: 'invoke',
    name: 'composeExtension/submitAction',
    id: options.id ?? activityId(),
    channelId: 'msteams',
    serviceUrl,
    from,
    recipient: BOT,
    conversation: options.conversation ?? {
      id: `${GENERAL};messageid=1730000000001`,
      conversationType: 'channel',
      tenantId: TENANT_ID,
    },
    channelData: {
      tenant: { id: TENANT_ID },
      team: { id: '19:team@thread.tacv2' },
      channel: { id: GENERAL },
    },
    locale: 'en-US',
    value: {
      commandId: TICKET_COMMAND_ID,
      commandContext: 'message',
      data: options.note ? { note: options.note } : {},
      messagePayload: message,
    },
  };
}

const ninasMessage = {
  id: '1730000000001',
  messageType: 'message',
  body: {
    contentType: 'html',
    content:
      '<p>Teams keeps signing me out &amp; the <b>VPN</b> drops</p><p>since 09:00 <img src="x.png" alt="screenshot"></p>',
  },
  from: { user: { id: nina.aadObjectId, displayName: nina.name, userIdentityType: 'aadUser' } },
  linkToMessage: LINK,
};

/**
 * "Create IT ticket" on a Teams message, on each SDK with authentication on (tokens from a
 * loopback issuer, validated for real), through the real core: the invoke is recorded and answered
 * at once; the ticket is the author's, with the message as plain text and its link; the author and
 * the person who used the action are told in their personal chats; again, redelivered, in a personal
 * chat or on a bot's message, it opens nothing.
 */
describe.each(TEAMS_SDKS)('Teams (%s): a ticket from a message action', (sdk) => {
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  let connector: ConnectorStub;
  let issuer: BotTokenIssuer;
  let app: TeamsApp;
  beforeAll(async () => {
    conn = await openTestDatabase();
    await ensureIndexes(conn.db);
    [connector, issuer] = await Promise.all([startConnectorStub(), startBotTokenIssuer(sdk)]);
    app = await startTeamsApp({
      sdk,
      db: conn.db,
      env: {
        TEAMS_APP_ID: APP_ID,
        TEAMS_APP_PASSWORD: 'not-a-real-secret',
        TEAMS_APP_TENANT_ID: TENANT_ID,
        TEAMS_L1_CHANNEL_ID: L1,
        TEAMS_SERVICE_URL_HOSTS: '127.0.0.1',
        HOST: '0.0.0.0',
      },
      authEndpoints: issuer.endpoints,
    });
    await trustOutboundToken(app.config, issuer.endpoints, 'lapis-outbound-token');
  });
  afterAll(async () => {
    await app?.close();
    await connector?.close();
    await issuer?.close();
    await conn?.dispose();
  });

  const post = (activity: unknown) =>
    app.post(activity, { authorization: `Bearer ${issuer.token(APP_ID, connector.url)}` });
  const ticketsOf = (p: TeamsPerson) =>
    createMongoTicketStore(conn.db).listByRequester({ platform: 'teams', id: p.aadObjectId });
  const saidTo = (p: TeamsPerson) =>
    sendsTo(connector.calls, dmOf(p)).map((c) => cardText(cardOf(c.body)));

  it('opens one ticket for the author with the message and its link; again opens nothing', async () => {
    for (const p of [nina, ayu, sari])
      expect((await post(personalMessage(connector.url, p, dmOf(p), 'hi'))).status).toBe(200);
    const ninaBefore = saidTo(nina).length;

    const action = ticketAction(connector.url, ayu, ninasMessage, { note: 'she is blocked' });
    const answer = await post(action);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({});

    const [ticket, ...more] = await ticketsOf(nina);
    expect(more).toEqual([]);
    expect(ticket).toMatchObject({
      requester: { platform: 'teams', id: nina.aadObjectId, name: nina.name },
      question: `Teams keeps signing me out & the VPN drops\nsince 09:00\n\n${LINK}`,
      details: 'she is blocked',
      status: 'open',
    });
    expect(await ticketsOf(ayu)).toEqual([]);
    const created = connector.calls.filter(
      (c) => c.kind === 'create' && c.conversationId.startsWith(`${L1};messageid=`),
    );
    expect(created).toHaveLength(1);
    expect(cardText(cardOf(created[0]!.body.activity as Record<string, unknown>))).toContain(LINK);
    expect(saidTo(nina).slice(ninaBefore)).toEqual([
      t('en', 'ticket_from_message', { asker: ayu.name, key: ticket!.key, priority: 'P3' }),
    ]);
    expect(saidTo(ayu).at(-1)).toBe(
      t('en', 'ticket_from_message_asker_opened', { author: nina.name, key: ticket!.key }),
    );

    // Teams delivers the same invoke again: answered, nothing else happens.
    const calls = connector.calls.length;
    expect((await post(action)).status).toBe(200);
    expect(connector.calls.length).toBe(calls);

    // Someone else asks too: no second ticket or card; they are told which ticket it is.
    expect((await post(ticketAction(connector.url, sari, ninasMessage))).status).toBe(200);
    expect(await ticketsOf(nina)).toHaveLength(1);
    expect(connector.calls.filter((c) => c.kind === 'create')).toHaveLength(1);
    expect(saidTo(sari).at(-1)).toBe(
      t('en', 'ticket_from_message_exists', {
        key: ticket!.key,
        status: t('en', 'status_open'),
      }),
    );
  });

  it('ignores the action in a personal chat and on a bot’s message', async () => {
    const calls = connector.calls.length;
    const personal = { id: dmOf(ayu), conversationType: 'personal', tenantId: TENANT_ID };
    const other = { ...ninasMessage, id: '1730000000099' };
    expect(
      (await post(ticketAction(connector.url, ayu, other, { conversation: personal }))).status,
    ).toBe(200);
    const botMessage = {
      ...ninasMessage,
      id: '1730000000077',
      from: { application: { id: APP_ID, displayName: 'Lapis' } },
    };
    expect((await post(ticketAction(connector.url, ayu, botMessage))).status).toBe(200);
    expect(connector.calls.length).toBe(calls);
    expect(await ticketsOf(nina)).toHaveLength(1);
  });

  it('refuses the invoke without a valid token', async () => {
    const response = await app.post(ticketAction(connector.url, ayu, ninasMessage));
    expect(response.status).toBe(401);
  });
});
