import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../../src/config';
import { isLoopbackAddress, teamsEnvShape } from '../../../src/config-teams';
import { projectRoot } from '../../../src/project-root';
import { teamsSettings, TeamsSetupError } from '../../../src/channels/teams/teams-settings';

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
