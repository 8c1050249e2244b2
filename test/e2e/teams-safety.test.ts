import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createTeamsChannel } from '../../src/channels/teams/teams-channel';
import { TeamsSetupError } from '../../src/channels/teams/teams-settings';
import { teamsSettingsOf } from '../../src/config/channel-settings';
import { loadConfig } from '../../src/config/config';
import { COLLECTIONS } from '../../src/store/collections';
import { ensureIndexes } from '../../src/store/ensure-indexes';
import { createMongoConversationStore } from '../../src/store/mongo-conversation-store';
import { startBotTokenIssuer, type BotTokenIssuer } from '../support/bot-token-issuer';
import {
  installedInChannel,
  personalMessage,
  TENANT_ID,
  threadMessage,
  type TeamsPerson,
} from '../support/teams-activities';
import { startTeamsApp, TEAMS_SDKS, type TeamsApp } from '../support/teams-app';
import { startConnectorStub, type ConnectorStub } from '../support/teams-connector-stub';
import { openTestDatabase } from '../support/test-database';

/**
 * What reaches POST /api/messages that is not a well-formed, authenticated activity: every such
 * request gets a 400 or 401 and the process serves the next one. botbuilder 4.23.3 alone would
 * crash Node on an unsigned `{}` and answer a forged token with a 500 when it cannot fetch the
 * signing keys. With authentication on, tokens are validated for real against a loopback issuer.
 * Everything here holds on both SDKs (TEAMS_SDK).
 */
const APP_ID = '6f1b2a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
const L1 = '19:l1-service-desk@thread.tacv2';
const sari: TeamsPerson = {
  id: '29:sari',
  name: 'Sari Wulandari',
  aadObjectId: '5a515a51-0000-4000-8000-0000000005a1',
};
const authEnv = {
  TEAMS_APP_ID: APP_ID,
  TEAMS_APP_PASSWORD: 'not-a-real-secret',
  TEAMS_APP_TENANT_ID: TENANT_ID,
  TEAMS_L1_CHANNEL_ID: L1,
  // The connector stub is on loopback, which authentication on takes only when listed.
  TEAMS_SERVICE_URL_HOSTS: '127.0.0.1',
};
const OTHER_TENANT = '0f0f0f0f-0000-4000-8000-0000000000ff';
const SECOND_TENANT = '5e5e5e5e-0000-4000-8000-00000000005e';

/** The activity as if sent in another tenant (`conversation.tenantId` and `channelData.tenant`). */
function inTenant<T extends { conversation: object; channelData: object }>(
  activity: T,
  tenant: string,
  channelDataTenant = tenant,
): T {
  return {
    ...activity,
    conversation: { ...activity.conversation, tenantId: tenant },
    channelData: { ...activity.channelData, tenant: { id: channelDataTenant } },
  };
}

describe.each(TEAMS_SDKS)('Teams endpoint safety (%s)', (sdk) => {
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  let connector: ConnectorStub;
  let issuer: BotTokenIssuer;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    conn = await openTestDatabase();
    await ensureIndexes(conn.db);
    [connector, issuer] = await Promise.all([startConnectorStub(), startBotTokenIssuer(sdk)]);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await connector?.close();
    await issuer?.close();
    await conn?.dispose();
  });
  afterEach(() => expect(unhandled).toEqual([]));

  /** What Lapis kept of a conversation: stored references, and events taken into its inbox. */
  async function recorded(conversationId: string) {
    return {
      references: await conn.db
        .collection(COLLECTIONS.conversations)
        .countDocuments({ ownerId: conversationId }),
      events: await conn.db
        .collection<{ _id: string }>(COLLECTIONS.workSeen)
        .countDocuments({ _id: { $regex: `^inbox:teams:${conversationId}\\|[^#]*$` } }),
    };
  }

  describe('authentication off (local use)', () => {
    let app: TeamsApp;
    beforeAll(async () => {
      app = await startTeamsApp({ sdk, db: conn.db, env: { TEAMS_L1_CHANNEL_ID: L1 } });
    });
    afterAll(() => app?.close());

    it('answers 400 to bodies that are not activities, and keeps serving', async () => {
      expect((await app.postRaw('{}')).status).toBe(400);
      expect((await app.postRaw('[]')).status).toBe(400);
      expect((await app.postRaw('"x"')).status).toBe(400);
      expect((await app.postRaw('{"type":')).status).toBe(400);
      expect((await app.postRaw('hello', { 'content-type': 'text/plain' })).status).toBe(400);
      expect((await app.post({ type: 'message' })).status).toBe(400);
      const smuggled = personalMessage(connector.url, sari, 'a:sari', 'hi');
      const withOperator = { ...smuggled, conversation: { id: { $ne: null } } };
      const response = await app.post(withOperator);
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body)).toMatchObject({ error: 'not a Bot Framework activity' });
      expect((await app.post({ ...smuggled, serviceUrl: 'file:///etc/passwd' })).status).toBe(400);

      // The process is alive and well: a normal message is answered (a card in Sari's chat).
      const before = connector.calls.length;
      expect((await app.post(personalMessage(connector.url, sari, 'a:sari', 'halo'))).status).toBe(
        200,
      );
      expect(connector.calls.slice(before).map((c) => [c.kind, c.conversationId])).toEqual([
        ['send', 'a:sari'],
      ]);
    });

    it('refuses (403) a service URL other than loopback or https to a listed host, and records nothing', async () => {
      for (const serviceUrl of ['http://evil.example', 'https://attacker.example/']) {
        const response = await app.post(personalMessage(serviceUrl, sari, 'a:sari-far', 'halo'));
        expect([serviceUrl, response.status, response.body]).toEqual([
          serviceUrl,
          403,
          '{"error":"service URL not allowed"}',
        ]);
      }
      expect(await recorded('a:sari-far')).toEqual({ references: 0, events: 0 });
      // The same message from the Emulator's loopback is taken.
      expect(
        (await app.post(personalMessage(connector.url, sari, 'a:sari-far', 'halo'))).status,
      ).toBe(200);
      expect(await recorded('a:sari-far')).toEqual({ references: 1, events: 1 });
    });

    it('answers an Action.Execute invoke with an invoke response, other invokes with 501', async () => {
      const invoke = (name: string, value: unknown) => ({
        ...personalMessage(connector.url, sari, 'a:sari', ''),
        type: 'invoke',
        name,
        value,
      });
      const data = { action: 'l0_solved', payload: '{"session":99}' };
      const execute = invoke('adaptiveCard/action', {
        action: { type: 'Action.Execute', verb: 'l0_solved', data },
        trigger: 'manual',
      });
      const response = await app.post(execute);
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toEqual({
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: 'OK',
      });
      expect(connector.calls.at(-1)).toMatchObject({ kind: 'send', conversationId: 'a:sari' });
      expect((await app.post(invoke('task/fetch', {}))).status).toBe(501);
    });

    it('ignores the Authorization header, as the Emulator expects', async () => {
      const response = await app.post(installedInChannel(connector.url, sari, L1), {
        authorization: 'Bearer whatever',
      });
      expect(response.status).toBe(200);
    });

    it('answers 503 until the core is attached and the channel started, and after it stops', async () => {
      const expressApp = express();
      const channel = createTeamsChannel({
        settings: teamsSettingsOf(loadConfig({ TEAMS_EMULATOR: 'true', TEAMS_SDK: sdk })),
        expressApp,
        references: createMongoConversationStore(conn.db),
      });
      const server = expressApp.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      const post = () =>
        fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(installedInChannel(connector.url, sari, L1)),
        }).then((r) => r.status);
      try {
        expect(await post()).toBe(503);
        channel.attach(app.helpdesk);
        expect(await post()).toBe(503);
        await channel.start();
        expect(await post()).toBe(200);
        await channel.stop();
        expect(await post()).toBe(503);
      } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    });

    it('refuses to run without authentication anywhere but loopback', () => {
      // The configuration is the one place this is decided: no settings without authentication
      // come out of it for a host that is not loopback.
      expect(() => loadConfig({ TEAMS_EMULATOR: 'true', HOST: '0.0.0.0', TEAMS_SDK: sdk })).toThrow(
        /HOST: must be a loopback address with TEAMS_EMULATOR=true/,
      );
      expect(() => teamsSettingsOf(loadConfig({ HOST: '0.0.0.0', TEAMS_SDK: sdk }))).toThrow(
        TeamsSetupError,
      );
    });
  });

  describe('authentication on', () => {
    let app: TeamsApp;
    const authEndpoints = () => issuer.endpoints;
    /** A valid token for an activity from `serviceUrl`. */
    const bearerFor = (serviceUrl: string) => ({
      authorization: `Bearer ${issuer.token(APP_ID, serviceUrl)}`,
    });
    beforeAll(async () => {
      app = await startTeamsApp({
        sdk,
        db: conn.db,
        env: { ...authEnv, HOST: '0.0.0.0' },
        authEndpoints: authEndpoints(),
      });
    });
    afterAll(() => app?.close());

    it('answers 401 to an unsigned {} and to every request without a valid token', async () => {
      expect((await app.postRaw('{}')).status).toBe(401);
      const activity = threadMessage(connector.url, sari, `${L1};messageid=1`, 'hello');
      const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
      expect((await app.post(activity)).status).toBe(401);
      expect((await app.post(activity, { authorization: 'Basic dXNlcjpwdw==' })).status).toBe(401);
      expect((await app.post(activity, bearer('not-a-jwt'))).status).toBe(401);
      expect((await app.post(activity, bearer(issuer.forged(APP_ID, connector.url)))).status).toBe(
        401,
      );
      const otherBot = issuer.token('00000000-0000-4000-8000-000000000000', connector.url);
      expect((await app.post(activity, bearer(otherBot))).status).toBe(401);
      const otherService = issuer.token(APP_ID, 'https://evil.example/');
      expect((await app.post(activity, bearer(otherService))).status).toBe(401);
      // Signed with the right key, but not as the Bot Framework issues them to a bot.
      const noServiceUrl = issuer.token(APP_ID, connector.url, { serviceurl: undefined });
      expect((await app.post(activity, bearer(noServiceUrl))).status).toBe(401);
      const otherIssuer = issuer.token(APP_ID, connector.url, {
        iss: 'https://sts.example/x/v2.0',
      });
      expect((await app.post(activity, bearer(otherIssuer))).status).toBe(401);
      const expired = issuer.token(APP_ID, connector.url, {
        exp: Math.floor(Date.now() / 1000) - 3600,
      });
      expect((await app.post(activity, bearer(expired))).status).toBe(401);
      expect(connector.calls.filter((c) => c.conversationId.startsWith(L1))).toEqual([]);

      // Alive: a correctly signed activity is accepted, and its conversation reference stored.
      const install = installedInChannel(connector.url, sari, L1);
      expect((await app.post(install, bearer(issuer.token(APP_ID, connector.url)))).status).toBe(
        200,
      );
      const stored = await conn.db
        .collection(COLLECTIONS.conversations)
        .findOne({ platform: 'teams', kind: 'channel', ownerId: L1 });
      expect(stored).toMatchObject({ serviceUrl: connector.url, conversationId: L1 });
      expect(issuer.requests.length).toBeGreaterThan(0); // the keys really were fetched and used
    });

    it('refuses (403) a valid token for a service URL that is not allowed, and records nothing', async () => {
      // A second stub on loopback, named `localhost`: only 127.0.0.1 is listed.
      const elsewhere = await startConnectorStub();
      const logsBefore = app.logs.length;
      const callsBefore = connector.calls.length;
      try {
        const urls = [
          'http://evil.example',
          'https://attacker.example/',
          elsewhere.url.replace('127.0.0.1', 'localhost'),
        ];
        for (const [i, serviceUrl] of urls.entries()) {
          const dm = `a:sari-refused-${i}`;
          const question = personalMessage(serviceUrl, sari, dm, 'my laptop battery drains');
          const response = await app.post(question, bearerFor(serviceUrl));
          expect([serviceUrl, response.status, response.body]).toEqual([
            serviceUrl,
            403,
            '{"error":"service URL not allowed"}',
          ]);
          expect(await recorded(dm)).toEqual({ references: 0, events: 0 });
        }
        expect(elsewhere.calls).toEqual([]);
        expect(connector.calls.length).toBe(callsBefore);
        const lines = app.logs.slice(logsBefore);
        const refusals = lines.filter((l) => l.msg === 'Teams request refused: not allowed');
        expect(refusals.map((l) => [l.level, l.reason])).toEqual([
          [40, 'the service URL of evil.example is http, not https'],
          [40, 'attacker.example is not in TEAMS_SERVICE_URL_HOSTS'],
          [40, 'localhost is not in TEAMS_SERVICE_URL_HOSTS'],
        ]);
        expect(lines.filter((l) => l.level >= 40)).toEqual(refusals); // one line each, no stack
        expect(refusals.some((l) => 'err' in l || 'stack' in l)).toBe(false);
      } finally {
        await elsewhere.close();
      }
    });

    it('refuses (403) an activity from a tenant other than its own, and records nothing', async () => {
      const callsBefore = connector.calls.length;
      const dm = 'a:sari-other-tenant';
      const question = personalMessage(connector.url, sari, dm, 'my laptop battery drains');
      for (const activity of [
        inTenant(question, OTHER_TENANT),
        inTenant(question, TENANT_ID, OTHER_TENANT), // its own tenant in one place only
      ]) {
        const response = await app.post(activity, bearerFor(connector.url));
        expect([response.status, response.body]).toEqual([403, '{"error":"tenant not allowed"}']);
      }
      expect(await recorded(dm)).toEqual({ references: 0, events: 0 });
      expect(connector.calls.length).toBe(callsBefore);
      // Its own tenant is served.
      const home = installedInChannel(connector.url, sari, '19:home@thread.tacv2');
      expect((await app.post(home, bearerFor(connector.url))).status).toBe(200);
    });

    it('serves only TEAMS_ALLOWED_TENANTS when MultiTenant, and warns at start when it is empty', async () => {
      const multiEnv = { ...authEnv, TEAMS_APP_TYPE: 'MultiTenant', TEAMS_APP_TENANT_ID: '' };
      const listed = await startTeamsApp({
        sdk,
        db: conn.db,
        env: { ...multiEnv, TEAMS_ALLOWED_TENANTS: `${SECOND_TENANT},${TENANT_ID}` },
        authEndpoints: authEndpoints(),
      });
      const open = await startTeamsApp({
        sdk,
        db: conn.db,
        env: multiEnv,
        authEndpoints: authEndpoints(),
      });
      const anyTenant = (app: TeamsApp) =>
        app.logs.some((l) => l.level === 40 && l.msg.startsWith('TEAMS_ALLOWED_TENANTS is empty'));
      try {
        const install = (tenant: string) =>
          inTenant(installedInChannel(connector.url, sari, '19:multi@thread.tacv2'), tenant);
        const token = bearerFor(connector.url);
        expect((await listed.post(install(SECOND_TENANT), token)).status).toBe(200);
        expect((await listed.post(install(OTHER_TENANT), token)).status).toBe(403);
        expect(anyTenant(listed)).toBe(false);
        expect((await open.post(install(OTHER_TENANT), token)).status).toBe(200);
        expect(anyTenant(open)).toBe(true);
      } finally {
        await listed.close();
        await open.close();
      }
    });

    it('answers 400 to a request with a valid token whose body is not an activity', async () => {
      const token = issuer.token(APP_ID, connector.url);
      expect((await app.postRaw('{}', { authorization: `Bearer ${token}` })).status).toBe(400);
      expect((await app.postRaw('{"type":', { authorization: `Bearer ${token}` })).status).toBe(
        400,
      );
    });

    it('checks the token before the body: a forged token with a malformed body learns only 401', async () => {
      const forged = { authorization: `Bearer ${issuer.forged(APP_ID, connector.url)}` };
      for (const body of ['{}', '{"type": 42, "serviceUrl": []}', '{"type":', 'null']) {
        const answer = await app.postRaw(body, forged);
        expect(answer.status).toBe(401);
        expect(answer.body).not.toMatch(/problems|activity|JSON/i);
      }
    });
  });

  it('answers 401, not 500, when the signing keys cannot be fetched (no network)', async () => {
    const closedPort = await freePort();
    const unreachable = `http://127.0.0.1:${closedPort}/v1/.well-known/openidconfiguration`;
    const app = await startTeamsApp({
      sdk,
      db: conn.db,
      env: authEnv,
      authEndpoints: {
        openIdMetadataUrl: unreachable,
        emulatorOpenIdMetadataUrl: unreachable,
        authority: `http://127.0.0.1:${closedPort}/lapis-test-tenant`,
      },
    });
    try {
      const activity = threadMessage(connector.url, sari, `${L1};messageid=1`, 'hello');
      const token = issuer.token(APP_ID, connector.url);
      const response = await app.post(activity, { authorization: `Bearer ${token}` });
      expect(response.status).toBe(401);
      const refusal = app.logs.find((l) => l.msg === 'Teams request refused: not authenticated');
      expect(String(refusal?.reason)).toMatch(/ECONNREFUSED|openid|fetch/i);
      // ...and the next request is served.
      expect((await app.postRaw('{}')).status).toBe(401);
    } finally {
      await app.close();
    }
  });
});

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
