import { createMongoConsoleMessages } from '../../src/store/mongo-console-messages';
import fc from 'fast-check';
import { createConsoleSurface } from '../../src/channels/console/console-surface';
import { createConsoleAgentDirectory } from '../../src/channels/console/console-agent-directory';
import { composeHelpdesk } from '../../src/app/compose-helpdesk';
import { loadConfig } from '../../src/config/config';
import type { Helpdesk } from '../../src/core/inbound';
import { ensureIndexes } from '../../src/store/ensure-indexes';
import { filePolicyOf } from '../../src/config/files';
import { createMongoFileStore } from '../../src/store/mongo-file-store';
import { startConsoleApp } from '../support/console-app';
import {
  anyJson,
  FUZZ_RUNS,
  fuzzEndpoint,
  fuzzTable,
  hostileText,
  type FuzzRequest,
  type FuzzStats,
} from '../support/fuzz-requests';
import { SIGNING_SECRET } from '../support/slack-cast';
import { slackFuzzFiles } from '../support/slack-fuzz-files';
import { teamsFuzzAttachments } from '../support/teams-fuzz-files';
import { startSlackHarness, type SlackHarness } from '../support/slack-harness';
import { sign } from '../support/slack-requests';
import {
  startTeamsApp,
  projectKnowledgeBase,
  TEAMS_SDKS,
  type TeamsApp,
} from '../support/teams-app';
import { startConnectorStub, type ConnectorStub } from '../support/teams-connector-stub';
import { openTestDatabase } from '../support/test-database';

/**
 * Property-based fuzzing of every endpoint that takes input (fast-check): generated bodies, signed and
 * not, through the real Bolt, botbuilder and console stacks into the real core. Nothing may answer
 * 5xx, hang or take the process down. FUZZ_RUNS sets the cases per endpoint (`npm run fuzz`: 10,000).
 */
jest.setTimeout(Math.max(120_000, FUZZ_RUNS * 200));
/** Long enough for the pipeline to work off what the accepted requests queued. */
const drainMs = Math.max(60_000, FUZZ_RUNS * 100);
const stats: FuzzStats[] = [];
afterAll(() => {
  if (stats.length) process.stdout.write(`\nFuzz report\n${fuzzTable(stats)}\n`);
});

const slackUser = fc.constantFrom('U0FUZZ001', 'U0FUZZ002', 'not-a-user', '');
const slackEvent = fc.record(
  {
    type: fc.constantFrom('message', 'app_mention', 'app_home_opened', 'reaction_added', ''),
    channel_type: fc.constantFrom('im', 'channel', 'group'),
    subtype: fc.constantFrom('bot_message', 'message_changed', 'file_share'),
    user: slackUser,
    text: hostileText,
    channel: fc.constantFrom('D0FUZZ001', 'C0L1CHAN1', 'x'),
    ts: fc.constantFrom('1800000000.000100', 'nope'),
    thread_ts: fc.constantFrom('1800000000.000001', '1'),
    files: slackFuzzFiles,
  },
  { requiredKeys: ['type'] },
);
const slackPayload = fc.record(
  {
    type: fc.constantFrom('block_actions', 'view_submission', 'shortcut', 'message_action', 'x'),
    user: fc.oneof(fc.record({ id: slackUser }), anyJson),
    trigger_id: fc.string({ maxLength: 40 }),
    callback_id: fc.constantFrom('lapis_form', 'create_it_ticket', 'other'),
    actions: fc.oneof(
      fc.array(
        fc.record({
          action_id: fc.constantFrom('lapis:claim:0:0', 'lapis:l0_solved:0:0', 'other'),
          value: fc.oneof(fc.string({ maxLength: 100 }), fc.constant('{"ticket":{"$ne":null}}')),
          action_ts: fc.constantFrom('1800000000.000100', 'x'),
        }),
        { maxLength: 3 },
      ),
      anyJson,
    ),
    view: fc.oneof(
      fc.record({
        id: fc.string({ maxLength: 20 }),
        callback_id: fc.constantFrom('lapis_form', 'x'),
        private_metadata: fc.oneof(fc.string({ maxLength: 200 }), fc.constant('{"a":"claim"}')),
        state: fc.record({ values: anyJson }),
      }),
      anyJson,
    ),
    message: fc.record({ text: hostileText }),
  },
  { requiredKeys: [] },
);

function slackRequests(): fc.Arbitrary<FuzzRequest> {
  const bodies = fc.oneof(
    anyJson.map((v) => ({ body: JSON.stringify(v), type: 'application/json', label: 'any JSON' })),
    fc
      .record({ event_id: fc.string({ maxLength: 30 }), event: fc.oneof(slackEvent, anyJson) })
      .map((e) => ({
        body: JSON.stringify({ type: 'event_callback', ...e }),
        type: 'application/json',
        label: 'event',
      })),
    slackPayload.map((p) => ({
      body: new URLSearchParams({ payload: JSON.stringify(p) }).toString(),
      type: 'application/x-www-form-urlencoded',
      label: 'interaction',
    })),
    fc
      .record({
        command: fc.constantFrom('/helpdesk', '/other'),
        text: hostileText,
        user_id: slackUser,
        channel_id: fc.constantFrom('D0FUZZ001', 'C0GENERAL'),
        trigger_id: fc.string({ maxLength: 40 }),
      })
      .map((c) => ({
        body: new URLSearchParams(c).toString(),
        type: 'application/x-www-form-urlencoded',
        label: 'command',
      })),
  );
  return fc.tuple(bodies, fc.boolean()).map(([b, signed]) => {
    const ts = Math.floor(Date.now() / 1000);
    return {
      body: b.body,
      contentType: b.type,
      headers: {
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signed ? sign(SIGNING_SECRET, ts, b.body) : 'v0=forged',
      },
      label: `${signed ? 'signed' : 'unsigned'} ${b.label}`,
    };
  });
}

describe('fuzzing /slack/events', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(() => h?.close());

  it('never answers 5xx; an unsigned request is always 401', async () => {
    stats.push(
      // A 404 would be a request no listener answered: the receiver answers what Lapis does not
      // take at once, so none may reach Bolt unanswered.
      await fuzzEndpoint('POST /slack/events', h.url, slackRequests(), (status, request) =>
        request.label.startsWith('unsigned') ? status === 401 : status < 500 && status !== 404,
      ),
    );
    await h.helpdesk.idle(drainMs);
    expect((await fetch(h.url.replace('/slack/events', '/nope'))).status).toBe(404); // still serving
  });
});

function teamsActivities(serviceUrl: string): fc.Arbitrary<FuzzRequest> {
  const person = fc.record({ id: fc.constantFrom('29:fuzz', 'x'), aadObjectId: fc.uuid() });
  const activity = fc.record(
    {
      type: fc.constantFrom('message', 'invoke', 'conversationUpdate', 'typing', 'x'),
      id: fc.string({ maxLength: 30 }),
      channelId: fc.constantFrom('msteams', 'emulator', 'x'),
      serviceUrl: fc.constantFrom(serviceUrl, 'not a url', 'ftp://x'),
      from: fc.oneof(person, anyJson),
      recipient: fc.oneof(person, anyJson),
      conversation: fc.oneof(
        fc.record({
          id: fc.constantFrom('a:fuzz-dm', '19:l1@thread.tacv2;messageid=1', 'x'),
          conversationType: fc.constantFrom('personal', 'channel'),
          tenantId: fc.constantFrom('t1', 'x'),
        }),
        anyJson,
      ),
      text: hostileText,
      attachments: teamsFuzzAttachments(serviceUrl),
      value: anyJson,
      name: fc.constantFrom('adaptiveCard/action', 'x'),
      entities: fc.oneof(fc.array(anyJson, { maxLength: 3 }), anyJson),
    },
    { requiredKeys: [] },
  );
  return fc
    .oneof(
      activity.map((a) => ({ body: JSON.stringify(a), label: 'activity' })),
      anyJson.map((v) => ({ body: JSON.stringify(v), label: 'any JSON' })),
      fc.string({ maxLength: 200 }).map((s) => ({ body: s, label: 'not JSON' })),
    )
    .map((r) => ({ ...r, contentType: 'application/json' }));
}

describe.each(TEAMS_SDKS)('fuzzing /api/messages (%s)', (sdk) => {
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  let connector: ConnectorStub;
  let emulator: TeamsApp;
  let authed: TeamsApp;
  beforeAll(async () => {
    conn = await openTestDatabase();
    await ensureIndexes(conn.db);
    connector = await startConnectorStub();
    const L1 = '19:l1-service-desk@thread.tacv2';
    emulator = await startTeamsApp({ sdk, db: conn.db, env: { TEAMS_L1_CHANNEL_ID: L1 } });
    authed = await startTeamsApp({
      sdk,
      db: conn.db,
      env: {
        TEAMS_APP_ID: '6f1b2a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b',
        TEAMS_APP_PASSWORD: 'not-a-real-secret',
        TEAMS_APP_TENANT_ID: '9a8b7c6d-0000-4000-8000-000000000001',
        TEAMS_L1_CHANNEL_ID: L1,
      },
      // No signing keys can be fetched: every token is refused, as forged ones must be.
      authEndpoints: {
        openIdMetadataUrl: 'http://127.0.0.1:9/none',
        emulatorOpenIdMetadataUrl: 'http://127.0.0.1:9/none',
        authority: 'http://127.0.0.1:9/none',
      },
    });
  });
  afterAll(async () => {
    await emulator?.close();
    await authed?.close();
    await connector?.close();
    await conn?.dispose();
  });

  it('never answers 5xx without authentication (the Emulator mode)', async () => {
    stats.push(
      await fuzzEndpoint(
        `POST /api/messages (emulator, ${sdk})`,
        `${emulator.url}/api/messages`,
        teamsActivities(connector.url),
        // 501 is the Bot Framework's answer to an invoke a bot does not implement (task modules...).
        (status, request) => status < 500 || (status === 501 && request.body.includes('"invoke"')),
      ),
    );
    await emulator.helpdesk.idle(drainMs);
  });

  it('answers only 401 with authentication on and no valid token', async () => {
    const withTokens = fc
      .tuple(
        teamsActivities(connector.url),
        fc.constantFrom('', 'Bearer x', 'Bearer a.b.c', 'Basic dXNlcjpwdw=='),
      )
      .map(([r, auth]): FuzzRequest => ({
        ...r,
        headers: auth ? { authorization: auth } : {},
      }));
    stats.push(
      await fuzzEndpoint(
        `POST /api/messages (auth on, ${sdk})`,
        `${authed.url}/api/messages`,
        withTokens,
        (status) => status === 401,
      ),
    );
  });
});

describe('fuzzing the console API', () => {
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  let app: Awaited<ReturnType<typeof startConsoleApp>>;
  let helpdesk: Helpdesk;
  beforeAll(async () => {
    conn = await openTestDatabase();
    await ensureIndexes(conn.db);
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const surface = createConsoleSurface(createMongoConsoleMessages(conn.db));
    helpdesk = composeHelpdesk({
      config,
      db: conn.db,
      kb: projectKnowledgeBase(),
      channels: [{ platform: 'console', surface: surface, agents: createConsoleAgentDirectory() }],
    });
    helpdesk.start();
    app = await startConsoleApp({
      helpdesk,
      db: conn.db,
      feed: surface,
      files: { store: createMongoFileStore(conn.db), policy: filePolicyOf(config) },
    });
  });
  afterAll(async () => {
    await app?.close();
    await helpdesk?.stop(2000);
    await conn?.dispose();
  });

  it('never answers 5xx to generated posts', async () => {
    const who = fc.constantFrom('budi', 'sari', 'ayu', 'x', '__proto__');
    const shapes: Record<string, fc.Arbitrary<unknown>> = {
      '/api/dm': fc.record(
        {
          as: who,
          text: hostileText,
          // Upload ids of no one, of someone else, malformed: refused, never a 5xx.
          files: fc.array(
            fc.oneof(
              fc.uuid().map((id) => `upload:${id}`),
              fc.string({ maxLength: 60 }),
            ),
            { maxLength: 4 },
          ),
        },
        { requiredKeys: ['as'] },
      ),
      '/api/thread': fc.record({
        as: who,
        channel: fc.constantFrom('level:1', 'level:2', 'dm:budi'),
        threadId: fc.string({ maxLength: 30 }),
        text: hostileText,
      }),
      '/api/action': fc.record({
        as: who,
        action: fc.constantFrom('claim', 'l0_solved', 'ticket_form', 'x'),
        payload: fc.oneof(fc.string({ maxLength: 100 }), fc.constant('{"ticket":"x","level":1}')),
        form: fc.oneof(fc.dictionary(fc.string({ maxLength: 10 }), fc.string()), anyJson),
      }),
    };
    const results = await Promise.all(
      Object.entries(shapes).map(([path, shape]) =>
        fuzzEndpoint(
          `POST ${path} (console)`,
          `${app.url.replace(/\/$/, '')}${path}`,
          fc.oneof(shape, anyJson).map((b) => ({
            body: JSON.stringify(b),
            contentType: 'application/json',
            label: path,
          })),
          (status) => status < 500,
          Math.ceil(FUZZ_RUNS / 3),
        ),
      ),
    );
    stats.push(...results);
    await helpdesk.idle(drainMs);
  });

  it('never answers 5xx to generated uploads', async () => {
    const name = fc.oneof(
      fc.constantFrom('shot.png', 'setup.exe', '../../etc/passwd', 'a\u202egnp.exe', '', '.'),
      fc.string({ maxLength: 300 }),
    );
    const query = fc
      .record({
        as: fc.constantFrom('budi', 'ayu', 'x'),
        name,
        lang: fc.constantFrom('id', 'en', 'fr'),
      })
      .map((q) => `?${new URLSearchParams(q).toString()}`);
    const type = fc.constantFrom('image/png', 'application/octet-stream', 'text/html', '', 'x/y;;');
    const stat = await fuzzEndpoint(
      'POST /api/files (console)',
      `${app.url.replace(/\/$/, '')}/api/files`,
      fc
        .tuple(query, type, fc.string({ maxLength: 2048 }))
        .map(([q, contentType, body]) => ({ body, contentType, query: q, label: 'upload' })),
      (status) => status < 500,
      Math.ceil(FUZZ_RUNS / 3),
    );
    stats.push(stat);
  });
});
