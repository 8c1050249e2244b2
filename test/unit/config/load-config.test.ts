import { ConfigError, loadConfig } from '../../../src/config/config';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError)
      return error.problems.map((p) => `${p.variable}: ${p.message}`);
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      DEFAULT_LOCALE: 'id',
      MONGODB_DB: 'lapis',
      KB_DIR: 'kb',
      slackEnabled: false,
      teamsEnabled: false,
      L1_AGENT_IDS: [],
    });
    expect(config.MONGODB_URI).toBeUndefined();
  });

  it("takes the agents' language from AGENT_LOCALE, else DEFAULT_LOCALE", () => {
    expect(loadConfig({ DEFAULT_LOCALE: 'en' }).AGENT_LOCALE).toBe('en');
    expect(loadConfig({ DEFAULT_LOCALE: 'en', AGENT_LOCALE: 'id' }).AGENT_LOCALE).toBe('id');
    expect(loadConfig({ AGENT_LOCALE: '' }).AGENT_LOCALE).toBe('id');
    expect(() => loadConfig({ AGENT_LOCALE: 'fr' })).toThrow(/AGENT_LOCALE/);
  });

  it('treats empty strings as unset, as a copied .env.example leaves them', () => {
    expect(
      loadConfig({ MONGODB_URI: '', SLACK_BOT_TOKEN: '  ', PORT: '' }).MONGODB_URI,
    ).toBeUndefined();
  });

  it('parses numbers, flags and id lists', () => {
    const config = loadConfig({
      PORT: '8080',
      SLACK_SOCKET_MODE: 'yes',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_L1_CHANNEL_ID: 'C0123456789',
      L2_AGENT_IDS: 'U1, U2,,U3 ',
      KB_ANSWER_THRESHOLD: '0.6',
    });
    expect(config.PORT).toBe(8080);
    expect(config.SLACK_SOCKET_MODE).toBe(true);
    expect(config.L2_AGENT_IDS).toEqual(['U1', 'U2', 'U3']);
    expect(config.KB_ANSWER_THRESHOLD).toBe(0.6);
    expect(config.slackEnabled).toBe(true);
  });

  it('reports every bad or missing variable at once, by name, with what was expected', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DEFAULT_LOCALE: 'fr',
      MONGODB_URI: 'localhost:27017',
      SLACK_BOT_TOKEN: 'xoxp-user-token',
      TEAMS_APP_ID: 'not-a-guid',
      KB_ANSWER_THRESHOLD: '2',
    });
    const text = problems.join('\n');
    expect(text).toMatch(/^PORT: expected number/m);
    expect(text).toMatch(/^DEFAULT_LOCALE: expected one of id, en/m);
    expect(text).toMatch(/^MONGODB_URI: .*mongodb:\/\//m);
    expect(text).toMatch(/^SLACK_BOT_TOKEN: .*xoxb-/m);
    expect(text).toMatch(/^TEAMS_APP_ID: .*GUID/m);
    expect(text).toMatch(/^KB_ANSWER_THRESHOLD: out of range/m);
    expect(problems.length).toBeGreaterThanOrEqual(6);
  });

  it('reads the reminder and auto-close hours: defaults, 0 for off, the close after the reminder', () => {
    expect(loadConfig({})).toMatchObject({
      WAITING_REMIND_HOURS: 24,
      WAITING_CLOSE_HOURS: 72,
      RESOLVED_CLOSE_HOURS: 72,
    });
    expect(
      loadConfig({
        WAITING_REMIND_HOURS: '0',
        WAITING_CLOSE_HOURS: '8',
        RESOLVED_CLOSE_HOURS: '0',
      }),
    ).toMatchObject({ WAITING_REMIND_HOURS: 0, WAITING_CLOSE_HOURS: 8, RESOLVED_CLOSE_HOURS: 0 });
    expect(loadConfig({ WAITING_CLOSE_HOURS: '0' }).WAITING_CLOSE_HOURS).toBe(0);
    const text = problemsOf({
      WAITING_REMIND_HOURS: 'a day',
      RESOLVED_CLOSE_HOURS: '-1',
      PORT: 'eighty',
    }).join('\n');
    expect(text).toMatch(/^WAITING_REMIND_HOURS: expected number/m);
    expect(text).toMatch(/^RESOLVED_CLOSE_HOURS: out of range/m);
    expect(text).toMatch(/^PORT: expected number/m);
    expect(problemsOf({ WAITING_REMIND_HOURS: '48', WAITING_CLOSE_HOURS: '48' })).toEqual([
      'WAITING_CLOSE_HOURS: must be more than WAITING_REMIND_HOURS (48), or 0 (never close)',
    ]);
  });

  it('requires what a configured platform needs', () => {
    const problems = problemsOf({
      SLACK_BOT_TOKEN: 'xoxb-1',
      TEAMS_APP_ID: '6f1b2a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SLACK_SIGNING_SECRET: required/),
        expect.stringMatching(/^SLACK_L1_CHANNEL_ID: required/),
        expect.stringMatching(/^TEAMS_APP_PASSWORD: required/),
        expect.stringMatching(/^TEAMS_APP_TENANT_ID: required/),
      ]),
    );
  });

  it('refuses the embedded database in production with a chat platform unless asked for', () => {
    const slack = {
      NODE_ENV: 'production',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      SLACK_L1_CHANNEL_ID: 'C0123456789',
    };
    expect(problemsOf(slack)).toEqual([
      expect.stringMatching(/^MONGODB_URI: required in production with Slack or Teams/),
    ]);
    expect(loadConfig({ ...slack, LAPIS_EMBEDDED_DB: 'true' }).LAPIS_EMBEDDED_DB).toBe(true);
    expect(loadConfig({ ...slack, MONGODB_URI: 'mongodb://db:27017/' }).MONGODB_URI).toBeDefined();
    expect(loadConfig({ NODE_ENV: 'production' }).slackEnabled).toBe(false); // the console demo
  });

  it('names the variable a lone secret belongs with', () => {
    expect(problemsOf({ SLACK_SIGNING_SECRET: 's3cret' })).toEqual([
      'SLACK_BOT_TOKEN: required because SLACK_SIGNING_SECRET is set',
    ]);
  });

  it('says in its message where to look', () => {
    expect(() => loadConfig({ PORT: '-1' })).toThrow(
      /Invalid configuration \(1 problem\):\n {2}- PORT: .*\nSee \.env\.example/,
    );
  });
});
