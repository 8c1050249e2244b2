import { createLogger, secretValues } from '../../../src/logging/logger';

function capture(secrets: readonly (string | undefined)[] = []) {
  const lines: string[] = [];
  const log = createLogger('debug', secrets, { write: (line: string) => void lines.push(line) });
  return { log, text: () => lines.join('') };
}

describe('the logger keeps credentials out of every line', () => {
  it('replaces fields named like credentials at any depth', () => {
    const { log, text } = capture();
    log.info(
      {
        request: { headers: { Authorization: 'Bearer abc.def.ghi', cookie: 'sid=1' } },
        teams: { credentials: { appPassword: 'pw-0123456789' } },
        list: [{ deep: { deeper: { clientSecret: 'cs-0123456789' } } }],
        fine: 'visible',
      },
      'call',
    );
    expect(text()).not.toMatch(/abc\.def\.ghi|sid=1|pw-0123456789|cs-0123456789/);
    expect(text()).toContain('visible');
  });

  it('replaces configured secret values wherever they appear, also in error messages and stacks', () => {
    const token = 'xoxb-1111-2222-secret-token';
    const { log, text } = capture(
      secretValues({
        SLACK_BOT_TOKEN: token,
        MONGODB_URI: 'mongodb://lapis:p%40ss-word-99@db:27017/',
      }),
    );
    log.error({ err: new Error(`request with ${token} failed`) }, `token ${token}`);
    log.warn({ uri: 'mongodb://lapis:p%40ss-word-99@db:27017/' }, 'p@ss-word-99');
    expect(text()).not.toContain(token);
    expect(text()).not.toContain('p%40ss-word-99');
    expect(text()).not.toContain('p@ss-word-99');
    expect(text()).toContain('[redacted]');
  });

  it('survives cycles and very deep objects', () => {
    const { log, text } = capture();
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = { token: 'deep-token-value' };
    for (let i = 0; i < 50; i++) deep = { next: deep };
    log.info({ cyclic, deep }, 'odd shapes');
    expect(text()).toContain('odd shapes');
    expect(text()).not.toContain('deep-token-value');
  });
});
