import { ConfigError, loadConfig } from '../../../src/config/config';
import { leadAccessFor } from '../../../src/lead/lead-access-for';

const SLACK = {
  SLACK_BOT_TOKEN: 'xoxb-1',
  SLACK_SIGNING_SECRET: 'secret',
  SLACK_L1_CHANNEL_ID: 'C0123456789',
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError)
      return error.problems.map((p) => `${p.variable}: ${p.message}`);
    throw error;
  }
}

describe("the lead's view configuration", () => {
  it('refuses a short DASHBOARD_TOKEN, saying how long it must be', () => {
    expect(problemsOf({ DASHBOARD_TOKEN: 'too-short' })).toEqual([
      expect.stringMatching(/^DASHBOARD_TOKEN: at least 24 characters/),
    ]);
  });

  it('refuses a METRICS_PORT that is not a port or is PORT itself', () => {
    expect(problemsOf({ METRICS_PORT: 'abc' })).toEqual([expect.stringMatching(/^METRICS_PORT/)]);
    expect(problemsOf({ METRICS_PORT: '3000' })).toEqual([
      expect.stringMatching(/^METRICS_PORT: must differ from PORT/),
    ]);
    expect(loadConfig({ METRICS_PORT: '9464' })).toMatchObject({
      METRICS_PORT: 9464,
      METRICS_HOST: '127.0.0.1',
    });
  });

  it('is open in the console mode, off with a platform and no token, behind a login with one', () => {
    expect(leadAccessFor(loadConfig({})).mode).toBe('open');
    expect(leadAccessFor(loadConfig(SLACK)).mode).toBe('off');
    const access = leadAccessFor(loadConfig({ ...SLACK, DASHBOARD_TOKEN: 't'.repeat(24) }));
    expect(access).toMatchObject({ mode: 'token', secureCookie: false });
    expect(
      leadAccessFor(
        loadConfig({ ...SLACK, DASHBOARD_TOKEN: 't'.repeat(24), DASHBOARD_COOKIE_SECURE: 'true' }),
      ),
    ).toMatchObject({ secureCookie: true });
  });
});

describe("the lead's weekly digest configuration", () => {
  it('posts on Monday 09:00 by default; takes a day and a time, or off', () => {
    expect(loadConfig({}).DIGEST_SCHEDULE).toEqual({ day: 1, minutes: 9 * 60 });
    expect(loadConfig({ DIGEST_SCHEDULE: 'fri 16:30' }).DIGEST_SCHEDULE).toEqual({
      day: 5,
      minutes: 16 * 60 + 30,
    });
    expect(loadConfig({ DIGEST_SCHEDULE: 'Sunday 7:05' }).DIGEST_SCHEDULE).toEqual({
      day: 0,
      minutes: 7 * 60 + 5,
    });
    expect(loadConfig({ DIGEST_SCHEDULE: 'off' }).DIGEST_SCHEDULE).toBeUndefined();
  });

  it('refuses a schedule it cannot read, saying what it expects', () => {
    for (const bad of ['Monday', '09:00', 'Mon 25:00', 'Mon 09:60', 'Xyz 09:00', 'weekly'])
      expect(problemsOf({ DIGEST_SCHEDULE: bad })).toEqual([
        `DIGEST_SCHEDULE: expected a day and a time in TIME_ZONE like "Mon 09:00" (Mon...Sun, 00:00-23:59), or "off"; got "${bad}"`,
      ]);
  });

  it('takes the lead channels as the level channels are taken, and refuses others', () => {
    const config = loadConfig({
      ...SLACK,
      SLACK_LEAD_CHANNEL_ID: 'C0LEAD00001',
      TEAMS_LEAD_CHANNEL_ID:
        'https://teams.microsoft.com/l/channel/19%3Alead-desk%40thread.tacv2/Lead?groupId=1',
    });
    expect(config.SLACK_LEAD_CHANNEL_ID).toBe('C0LEAD00001');
    expect(config.TEAMS_LEAD_CHANNEL_ID).toBe('19:lead-desk@thread.tacv2');
    expect(problemsOf({ ...SLACK, SLACK_LEAD_CHANNEL_ID: '#it-lead' })).toEqual([
      'SLACK_LEAD_CHANNEL_ID: a Slack channel id such as C0123456789',
    ]);
    expect(problemsOf({ TEAMS_LEAD_CHANNEL_ID: 'it-lead' })).toEqual([
      'TEAMS_LEAD_CHANNEL_ID: a Teams channel id such as 19:abc...@thread.tacv2 (or its link)',
    ]);
    expect(problemsOf({ SLACK_LEAD_CHANNEL_ID: 'C0LEAD00001' })).toEqual([
      'SLACK_BOT_TOKEN: required because SLACK_LEAD_CHANNEL_ID is set',
    ]);
  });

  it('takes an http(s) DASHBOARD_URL for the link, and nothing else', () => {
    expect(loadConfig({ DASHBOARD_URL: 'https://lapis.example.com/dashboard' }).DASHBOARD_URL).toBe(
      'https://lapis.example.com/dashboard',
    );
    expect(problemsOf({ DASHBOARD_URL: 'javascript:alert(1)' })).toEqual([
      'DASHBOARD_URL: an http(s) address such as https://lapis.example.com/dashboard',
    ]);
  });
});
