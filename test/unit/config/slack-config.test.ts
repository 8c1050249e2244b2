import { ConfigError, loadConfig } from '../../../src/config/config';

/** The Slack channel's own settings: who escalations ping, agents from channel membership, the cache. */
describe('loadConfig: Slack channel settings', () => {
  const slack = {
    SLACK_BOT_TOKEN: 'xoxb-1',
    SLACK_SIGNING_SECRET: 's',
    SLACK_L1_CHANNEL_ID: 'C0123456789',
  };

  it('has sensible defaults', () => {
    expect(loadConfig(slack)).toMatchObject({
      SLACK_L1_PING: [],
      SLACK_L2_PING: [],
      SLACK_L3_PING: [],
      SLACK_AGENTS_FROM_CHANNELS: true,
      SLACK_CACHE_SECONDS: 300,
      SLACK_API_URL: 'https://slack.com/api/',
    });
  });

  it('reads pings as user group and user ids, and the other switches', () => {
    const config = loadConfig({
      ...slack,
      SLACK_L1_PING: 'S0L1GROUP1',
      SLACK_L2_PING: ' S0L2GROUP1 , U0ONCALL1 ',
      SLACK_L3_PING: 'W0VENDOR1',
      SLACK_AGENTS_FROM_CHANNELS: 'false',
      SLACK_CACHE_SECONDS: '60',
    });
    expect(config).toMatchObject({
      SLACK_L1_PING: ['S0L1GROUP1'],
      SLACK_L2_PING: ['S0L2GROUP1', 'U0ONCALL1'],
      SLACK_L3_PING: ['W0VENDOR1'],
      SLACK_AGENTS_FROM_CHANNELS: false,
      SLACK_CACHE_SECONDS: 60,
    });
  });

  it('names a bad ping or cache setting', () => {
    try {
      loadConfig({ ...slack, SLACK_L2_PING: '@it-l2', SLACK_CACHE_SECONDS: '-1' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.map((p) => `${p.variable}: ${p.message}`);
      expect(problems).toEqual([
        expect.stringMatching(/^SLACK_L2_PING: user group ids \(S\.\.\.\) or user ids/),
        expect.stringMatching(/^SLACK_CACHE_SECONDS: out of range/),
      ]);
    }
  });

  it('reads the ticket reaction with or without colons, and names a bad one', () => {
    expect(loadConfig(slack).TICKET_REACTION).toBe('ticket');
    expect(loadConfig({ ...slack, TICKET_REACTION: ' :bug: ' }).TICKET_REACTION).toBe('bug');
    expect(loadConfig({ ...slack, TICKET_REACTION: 'white_check_mark' }).TICKET_REACTION).toBe(
      'white_check_mark',
    );
    expect(() => loadConfig({ ...slack, TICKET_REACTION: 'Ticket Please' })).toThrow(
      /TICKET_REACTION: a Slack reaction's name/,
    );
  });
});
