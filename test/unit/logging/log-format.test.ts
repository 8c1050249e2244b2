import { Writable } from 'node:stream';
import { loadConfig } from '../../../src/config/config';
import { chooseLogFormat } from '../../../src/logging/log-format';
import { createLogger } from '../../../src/logging/logger';
import { startBanner } from '../../../src/app/start-banner';

/** A logger writing into memory, in the format given. */
function capture(format: 'pretty' | 'json', secrets: string[] = []) {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const log = createLogger('debug', secrets, out, format);
  return { log, lines: () => chunks.join('').split('\n').filter(Boolean) };
}

describe('the log format', () => {
  it('is pretty on a terminal and JSON otherwise, unless LOG_FORMAT names one', () => {
    expect(chooseLogFormat('auto', true)).toBe('pretty');
    expect(chooseLogFormat('auto', false)).toBe('json');
    expect(chooseLogFormat('json', true)).toBe('json');
    expect(chooseLogFormat('pretty', false)).toBe('pretty');
  });

  it('reads LOG_FORMAT: auto by default (also when empty), pretty or json, anything else refused', () => {
    expect(loadConfig({}).LOG_FORMAT).toBe('auto');
    expect(loadConfig({ LOG_FORMAT: '' }).LOG_FORMAT).toBe('auto');
    expect(loadConfig({ LOG_FORMAT: 'pretty' }).LOG_FORMAT).toBe('pretty');
    expect(loadConfig({ LOG_FORMAT: 'json' }).LOG_FORMAT).toBe('json');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });

  it('pretty: one readable line per event, its fields on the same line, secrets still redacted', () => {
    const { log, lines } = capture('pretty', ['xoxb-secret-value']);
    log.info({ ticket: 'IT-1001', ticketLevel: 'L1' }, 'ticket opened');
    log.debug({ backlog: 2 }, 'events waiting');
    log.warn({ err: new Error('failed with xoxb-secret-value\nsecond line') }, 'multi\nline');
    const [opened, waiting, warned, ...more] = lines();
    expect(more).toEqual([]);
    expect(opened).toMatch(
      /^\[\d\d:\d\d:\d\d\] INFO: ticket opened \{"ticket":"IT-1001","ticketLevel":"L1"\}$/,
    );
    expect(waiting).toMatch(/^\[\d\d:\d\d:\d\d\] DEBUG: events waiting \{"backlog":2\}$/);
    expect(warned).toMatch(/^\[\d\d:\d\d:\d\d\] WARN: multi/);
    expect(lines().join('\n')).not.toContain('xoxb-secret-value');
    // Not JSON: the app name, pid and host are left out, and no line parses as an object.
    expect(opened).not.toMatch(/"pid"|"hostname"|"app"/);
    expect(() => JSON.parse(opened!) as unknown).toThrow();
  });

  it('json: one JSON object per event, with the level as a number', () => {
    const { log, lines } = capture('json');
    log.info({ ticket: 'IT-1001', ticketLevel: 'L1' }, 'ticket opened');
    const [line] = lines().map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(line).toMatchObject({
      level: 30,
      msg: 'ticket opened',
      ticket: 'IT-1001',
      app: 'lapis',
    });
  });
});

describe('the start banner', () => {
  const base = { http: 'http://127.0.0.1:3000/', metricsListener: undefined } as const;

  it('says where the console, the dashboard and the metrics are in console mode', () => {
    const console = 'Console: http://127.0.0.1:3000/ (open it in a browser)';
    expect(startBanner({ ...base, channels: [console], lead: 'open' })).toEqual([
      console,
      'Dashboard: http://127.0.0.1:3000/dashboard',
      'Metrics: http://127.0.0.1:3000/metrics',
    ]);
  });

  it('names the channels, the token and the metrics listener, or what turns a view on', () => {
    const channels = ['Slack: events at …', 'Teams: messages at …'];
    expect(
      startBanner({
        ...base,
        channels,
        lead: 'token',
        metricsListener: 'http://127.0.0.1:9464/',
      }),
    ).toEqual([
      ...channels,
      'Dashboard: http://127.0.0.1:3000/dashboard (log in with DASHBOARD_TOKEN)',
      'Metrics: http://127.0.0.1:3000/metrics (bearer token), http://127.0.0.1:9464/metrics',
    ]);
    expect(startBanner({ ...base, channels: ['Slack: Socket Mode'], lead: 'off' })).toEqual([
      'Slack: Socket Mode',
      'Dashboard: off (set DASHBOARD_TOKEN to serve it)',
      'Metrics: off (set DASHBOARD_TOKEN or METRICS_PORT)',
    ]);
  });
});
