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
