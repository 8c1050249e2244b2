import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../../src/config/config';
import { teamsEnvShape } from '../../../src/config/teams';
import { isLoopbackAddress } from '../../../src/util/loopback';
import { projectRoot } from '../../../src/util/project-root';
import { TeamsSetupError } from '../../../src/channels/teams/teams-settings';
import { teamsSettingsOf as teamsSettings } from '../../../src/config/channel-settings';

const APP_ID = '6f1b2a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
const TENANT = '9a8b7c6d-0000-4000-8000-000000000001';
const L1 = '19:abc123@thread.tacv2';
const withApp = { TEAMS_APP_ID: APP_ID, TEAMS_APP_TENANT_ID: TENANT, TEAMS_L1_CHANNEL_ID: L1 };

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError)
      return error.problems.map((p) => `${p.variable}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('Teams configuration', () => {
  it('parses pings as id|Name, UPNs and tags', () => {
    const config = loadConfig({
      TEAMS_L2_PING: `d2d2d2d2-0000-4000-8000-0000000000d2|Dewi Anggraini, l2@contoso.example|L2 On-call ,tag:MjQzMmI1N2I=|Experts`,
      TEAMS_L3_PING: 'hendra@contoso.example',
    });
    expect(config.TEAMS_L2_PING).toEqual([
      { id: 'd2d2d2d2-0000-4000-8000-0000000000d2', name: 'Dewi Anggraini', kind: 'person' },
      { id: 'l2@contoso.example', name: 'L2 On-call', kind: 'person' },
      { id: 'MjQzMmI1N2I=', name: 'Experts', kind: 'tag' },
    ]);
    expect(config.TEAMS_L3_PING).toEqual([
      { id: 'hendra@contoso.example', name: 'hendra@contoso.example', kind: 'person' },
    ]);
    expect(config.TEAMS_L1_PING).toEqual([]);
    expect(problemsOf({ TEAMS_L2_PING: 'Dewi|<at>x</at>' })[0]).toMatch(
      /^TEAMS_L2_PING: expected entries like/,
    );
  });

  it('takes a channel id, or the channel link Teams copies', () => {
    const link =
      'https://teams.microsoft.com/l/channel/19%3aabc123%40thread.tacv2/IT%20L1?groupId=1&tenantId=2';
    expect(loadConfig({ TEAMS_L1_CHANNEL_ID: link }).TEAMS_L1_CHANNEL_ID).toBe(L1);
    expect(loadConfig({ TEAMS_L1_CHANNEL_ID: L1 }).TEAMS_L1_CHANNEL_ID).toBe(L1);
    expect(problemsOf({ TEAMS_L2_CHANNEL_ID: 'general' })).toEqual([
      'TEAMS_L2_CHANNEL_ID: a Teams channel id such as 19:abc...@thread.tacv2 (or its link)',
    ]);
  });

  it('needs a secret, a certificate or a managed identity with an app id, and the L1 channel', () => {
    expect(problemsOf({ TEAMS_APP_ID: APP_ID })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^TEAMS_APP_PASSWORD: required/),
        expect.stringMatching(/^TEAMS_APP_TENANT_ID: required/),
        expect.stringMatching(/^TEAMS_L1_CHANNEL_ID: required/),
      ]),
    );
    expect(problemsOf({ ...withApp, TEAMS_APP_PASSWORD: 's3cret' })).toEqual([]);
    expect(problemsOf({ ...withApp, TEAMS_APP_TYPE: 'UserAssignedMSI' })).toEqual([]);
    expect(problemsOf({ ...withApp, TEAMS_APP_CERT_THUMBPRINT: 'AB'.repeat(20) })).toEqual([
      'TEAMS_APP_CERT_KEY_FILE: required with TEAMS_APP_CERT_THUMBPRINT (the PEM private key)',
    ]);
    expect(
      problemsOf({ ...withApp, TEAMS_APP_TYPE: 'UserAssignedMSI', TEAMS_APP_PASSWORD: 'x' })[0],
    ).toMatch(/^TEAMS_APP_PASSWORD: must be unset/);
    expect(loadConfig({ ...withApp, TEAMS_APP_PASSWORD: 's' }).teamsEnabled).toBe(true);
  });

  it('runs without authentication only on loopback, and only when asked to', () => {
    expect(loadConfig({ TEAMS_EMULATOR: 'true' }).teamsEnabled).toBe(true);
    expect(loadConfig({}).teamsEnabled).toBe(false);
    expect(problemsOf({ TEAMS_EMULATOR: 'true', HOST: '0.0.0.0' })[0]).toMatch(
      /^HOST: must be a loopback address with TEAMS_EMULATOR=true/,
    );
    expect(problemsOf({ ...withApp, TEAMS_APP_PASSWORD: 's', TEAMS_EMULATOR: 'on' })).toEqual([
      'TEAMS_EMULATOR: must be off when TEAMS_APP_ID is set (it turns authentication off)',
    ]);
    expect(['127.0.0.1', 'localhost', '::1', '[::1]'].every(isLoopbackAddress)).toBe(true);
    expect(['0.0.0.0', '10.0.0.5', 'example.com'].some(isLoopbackAddress)).toBe(false);
    expect(() => teamsSettings(loadConfig({ HOST: '0.0.0.0' }))).toThrow(TeamsSetupError);
  });

  it('reads the certificate key file, with a clear error when it cannot', () => {
    const env = {
      ...withApp,
      TEAMS_APP_CERT_THUMBPRINT: 'ab'.repeat(20),
      TEAMS_APP_CERT_KEY_FILE: '/keys/bot.pem',
    };
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n';
    expect(teamsSettings(loadConfig(env), () => pem).credentials).toMatchObject({
      appId: APP_ID,
      certificate: { thumbprint: 'AB'.repeat(20), privateKey: pem },
    });
    expect(() =>
      teamsSettings(loadConfig(env), () => {
        throw new Error('ENOENT');
      }),
    ).toThrow(/TEAMS_APP_CERT_KEY_FILE: cannot read \/keys\/bot\.pem \(ENOENT\)/);
    expect(() => teamsSettings(loadConfig(env), () => 'hello')).toThrow(/holds no PEM private key/);
  });

  it('takes the Bot Framework hosts by default, or a checked list of hosts and wildcards', () => {
    expect(loadConfig({}).TEAMS_SERVICE_URL_HOSTS).toEqual([
      'smba.trafficmanager.net',
      '*.botframework.com',
      '*.teams.microsoft.com',
      '*.teams.microsoft.us',
    ]);
    expect(
      loadConfig({
        TEAMS_SERVICE_URL_HOSTS: ' Smba.TrafficManager.net, *.example.com,127.0.0.1,[::1] ',
      }).TEAMS_SERVICE_URL_HOSTS,
    ).toEqual(['smba.trafficmanager.net', '*.example.com', '127.0.0.1', '::1']);
    expect(
      problemsOf({
        TEAMS_SERVICE_URL_HOSTS:
          'smba.trafficmanager.net,https://evil.example,*.com,host:443,exa mple.com,a.*.example.com,*',
      }),
    ).toEqual([
      'TEAMS_SERVICE_URL_HOSTS: "https://evil.example" is not a host name: write it like smba.trafficmanager.net or *.example.com (no scheme, port or path)',
      'TEAMS_SERVICE_URL_HOSTS: "*.com" is too broad: a wildcard needs a domain of two labels or more (*.example.com)',
      'TEAMS_SERVICE_URL_HOSTS: "host:443" is not a host name: write it like smba.trafficmanager.net or *.example.com (no scheme, port or path)',
      'TEAMS_SERVICE_URL_HOSTS: "exa mple.com" is not a host name: write it like smba.trafficmanager.net or *.example.com (no scheme, port or path)',
      'TEAMS_SERVICE_URL_HOSTS: "a.*.example.com" is not a host name: write it like smba.trafficmanager.net or *.example.com (no scheme, port or path)',
      'TEAMS_SERVICE_URL_HOSTS: "*" is not a host name: write it like smba.trafficmanager.net or *.example.com (no scheme, port or path)',
    ]);
  });

  it('checks TEAMS_ALLOWED_TENANTS entry by entry, and keeps it to MultiTenant bots', () => {
    const multi = { ...withApp, TEAMS_APP_TYPE: 'MultiTenant', TEAMS_APP_PASSWORD: 's' };
    const other = '0F0F0F0F-0000-4000-8000-0000000000FF';
    expect(
      loadConfig({ ...multi, TEAMS_ALLOWED_TENANTS: `${TENANT}, ${other}` }).TEAMS_ALLOWED_TENANTS,
    ).toEqual([TENANT, other.toLowerCase()]);
    expect(problemsOf({ ...multi, TEAMS_ALLOWED_TENANTS: `${TENANT},contoso.com,42` })).toEqual([
      'TEAMS_ALLOWED_TENANTS: "contoso.com" is not a tenant id (a GUID such as 9a8b7c6d-0000-4000-8000-000000000001)',
      'TEAMS_ALLOWED_TENANTS: "42" is not a tenant id (a GUID such as 9a8b7c6d-0000-4000-8000-000000000001)',
    ]);
    const single = { ...withApp, TEAMS_APP_PASSWORD: 's' };
    expect(problemsOf({ ...single, TEAMS_ALLOWED_TENANTS: TENANT })).toEqual([]);
    expect(problemsOf({ ...single, TEAMS_ALLOWED_TENANTS: `${TENANT},${other}` })).toEqual([
      `TEAMS_ALLOWED_TENANTS: only for TEAMS_APP_TYPE=MultiTenant; a SingleTenant bot serves TEAMS_APP_TENANT_ID only (got ${other.toLowerCase()})`,
    ]);
    // Activities are matched against the app's tenant: a domain name would refuse them all.
    expect(problemsOf({ ...single, TEAMS_APP_TENANT_ID: 'contoso.onmicrosoft.com' })).toEqual([
      'TEAMS_APP_TENANT_ID: a GUID (the App Tenant ID): activities from Teams are matched against it',
    ]);
  });

  it('runs on botbuilder unless TEAMS_SDK=agents, with the same variables', () => {
    expect(teamsSettings(loadConfig({ TEAMS_EMULATOR: 'true' })).sdk).toBe('botbuilder');
    const agents = teamsSettings(
      loadConfig({ ...withApp, TEAMS_APP_PASSWORD: 's', TEAMS_SDK: 'agents' }),
    );
    expect(agents.sdk).toBe('agents');
    expect(agents.credentials).toEqual({
      appId: APP_ID,
      appType: 'SingleTenant',
      password: 's',
      tenantId: TENANT,
    });
    expect(problemsOf({ TEAMS_SDK: 'msteams' })).toEqual([
      'TEAMS_SDK: expected one of botbuilder, agents',
    ]);
  });

  it('bounds the connector timeout and concurrency', () => {
    const config = loadConfig({});
    expect([config.TEAMS_CONNECTOR_TIMEOUT_MS, config.TEAMS_CONNECTOR_CONCURRENCY]).toEqual([
      10_000, 8,
    ]);
    expect(
      loadConfig({ TEAMS_CONNECTOR_TIMEOUT_MS: '300', TEAMS_CONNECTOR_CONCURRENCY: '2' }),
    ).toMatchObject({ TEAMS_CONNECTOR_TIMEOUT_MS: 300, TEAMS_CONNECTOR_CONCURRENCY: 2 });
    expect(
      problemsOf({ TEAMS_CONNECTOR_TIMEOUT_MS: '0', TEAMS_CONNECTOR_CONCURRENCY: 'many' }),
    ).toEqual([
      expect.stringMatching(/^TEAMS_CONNECTOR_TIMEOUT_MS: out of range/),
      'TEAMS_CONNECTOR_CONCURRENCY: expected number',
    ]);
  });

  it('resolves which service URLs and tenants the channel takes', () => {
    const single = teamsSettings(loadConfig({ ...withApp, TEAMS_APP_PASSWORD: 's' }));
    expect(single.admission).toEqual({
      serviceUrls: { hosts: loadConfig({}).TEAMS_SERVICE_URL_HOSTS, loopbackAllowed: false },
      allowedTenants: [TENANT],
    });
    expect(single.connector).toMatchObject({ timeoutMs: 10_000, concurrency: 8 });
    expect(single.connector.serviceUrls).toBe(single.admission.serviceUrls);
    const multi = { ...withApp, TEAMS_APP_TYPE: 'MultiTenant', TEAMS_APP_PASSWORD: 's' };
    expect(teamsSettings(loadConfig(multi)).admission.allowedTenants).toEqual([]);
    expect(
      teamsSettings(loadConfig({ ...multi, TEAMS_ALLOWED_TENANTS: TENANT })).admission
        .allowedTenants,
    ).toEqual([TENANT]);
    // The Emulator: loopback taken, no tenant checked (anyone can claim any; it sends none).
    const emulator = teamsSettings(
      loadConfig({ TEAMS_EMULATOR: 'true', TEAMS_APP_TENANT_ID: TENANT }),
    );
    expect(emulator.admission).toMatchObject({
      serviceUrls: { loopbackAllowed: true },
      allowedTenants: [],
    });
  });

  it('documents every Teams variable in .env.example, which loads as it is', () => {
    const text = readFileSync(path.join(projectRoot(), '.env.example'), 'utf8');
    const env = Object.fromEntries(
      text
        .split('\n')
        .filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    for (const name of Object.keys(teamsEnvShape)) expect(Object.keys(env)).toContain(name);
    expect(loadConfig(env).teamsEnabled).toBe(false);
  });
});
