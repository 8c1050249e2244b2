import type { webApi } from '@slack/bolt';
import { createSlackAgentDirectory } from '../../../../src/channels/slack/slack-agent-directory';
import { isSafeToRetry } from '../../../../src/channels/slack/slack-retry';
import { channelOfLevel } from '../../../../src/channels/slack/slack-surface';
import { createTtlCache } from '../../../../src/channels/slack/ttl-cache';
import { loadConfig } from '../../../../src/config/config';

describe('createTtlCache', () => {
  it('asks once per key and TTL, shares a request in flight, serves the last good answer on failure', async () => {
    let now = 1;
    const cache = createTtlCache<number>(1000, { now: () => now });
    let calls = 0;
    const load = () => Promise.resolve(++calls);
    expect(await Promise.all([cache.get('a', load), cache.get('a', load)])).toEqual([1, 1]);
    now = 1001;
    expect(await cache.get('a', load)).toBe(1);
    now = 1002;
    expect(await cache.get('a', load)).toBe(2);
    now = 2500;
    expect(await cache.get('a', () => Promise.reject(new Error('slack down')))).toBe(2);
    // The last good answer is kept for another TTL: a failing Slack is not asked at every event.
    now = 3000;
    expect(await cache.get('a', load)).toBe(2);
    now = 3501;
    expect(await cache.get('a', load)).toBe(3);
    await expect(cache.get('b', () => Promise.reject(new Error('slack down')))).rejects.toThrow(
      'slack down',
    );
    expect(await cache.get('b', load)).toBe(4); // a failure is not remembered
  });

  it('keeps null answers, and at its bound forgets the least recently used key', async () => {
    const cache = createTtlCache<string | null>(60_000, { maxEntries: 2 });
    let calls = 0;
    const load = (answer: string | null) => () => {
      calls++;
      return Promise.resolve(answer);
    };
    expect(await cache.get('nameless', load(null))).toBeNull();
    expect(await cache.get('nameless', load('x'))).toBeNull();
    await cache.get('a', load('A'));
    await cache.get('nameless', load('x')); // used: 'a' is now the oldest
    await cache.get('b', load('B'));
    expect(await cache.get('nameless', load('x'))).toBeNull();
    expect(await cache.get('a', load('A again'))).toBe('A again');
    expect(calls).toBe(4);
  });
});

describe('isSafeToRetry', () => {
  it('retries rate limits and connections that never reached Slack, nothing that may have been done', () => {
    const wrapped = (original: unknown) =>
      Object.assign(new Error('A request error occurred'), { original });
    expect(
      isSafeToRetry(wrapped(new Error('A rate limit was exceeded (url: x, retry-after: 1)'))),
    ).toBe(true);
    expect(
      isSafeToRetry(
        wrapped(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })),
      ),
    ).toBe(true);
    expect(
      isSafeToRetry(
        wrapped(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } })),
      ),
    ).toBe(false);
    expect(isSafeToRetry(wrapped(new DOMException('timed out', 'TimeoutError')))).toBe(false);
    expect(
      isSafeToRetry(
        Object.assign(new Error('An HTTP protocol error occurred: statusCode = 500'), {
          code: 'slack_webapi_http_error',
        }),
      ),
    ).toBe(false);
  });
});

describe('createSlackAgentDirectory', () => {
  const config = loadConfig({
    L1_AGENT_IDS: 'U0AYU0001',
    SLACK_BOT_TOKEN: 'xoxb-1',
    SLACK_SIGNING_SECRET: 's',
    SLACK_L1_CHANNEL_ID: 'C0L1DESK01',
    SLACK_L2_CHANNEL_ID: 'C0L2DESK01',
  });
  function directory(pages: Record<string, string[][]>, overrides = {}) {
    const requests: string[] = [];
    const client = {
      conversations: {
        members: ({ channel, cursor }: { channel: string; cursor?: string }) => {
          requests.push(`${channel}:${cursor ?? ''}`);
          const list = pages[channel];
          if (!list) return Promise.reject(new Error('channel_not_found'));
          const index = Number(cursor ?? 0);
          const next = index + 1 < list.length ? String(index + 1) : '';
          return Promise.resolve({
            ok: true,
            members: list[index],
            response_metadata: { next_cursor: next },
          });
        },
      },
    } as unknown as webApi.WebClient;
    const agents = createSlackAgentDirectory({
      client,
      config: { ...config, ...overrides },
      ttlMs: 60_000,
      botUserId: () => 'UBOT00001',
    });
    return { agents, requests };
  }
  const slack = (id: string) => ({ platform: 'slack' as const, id });

  it('knows configured agents and the members of the level’s own channel, cached across pages', async () => {
    const { agents, requests } = directory({
      C0L1DESK01: [['UBOT00001', 'U0RUDI001'], ['U0LAST001']],
      C0L2DESK01: [['U0DEWI001']],
    });
    expect(await agents.isAgent(slack('U0AYU0001'), 1)).toBe(true);
    expect(await agents.isAgent(slack('U0LAST001'), 1)).toBe(true);
    expect(await agents.isAgent(slack('U0RUDI001'), 1)).toBe(true);
    expect(await agents.isAgent(slack('UBOT00001'), 1)).toBe(false);
    expect(await agents.isAgent(slack('U0RUDI001'), 2)).toBe(false);
    expect(await agents.isAgent(slack('U0DEWI001'), 2)).toBe(true);
    expect(await agents.isAgent(slack('U0DEWI001'), 3)).toBe(false); // L3 has no channel of its own
    expect(await agents.isAgent({ platform: 'console', id: 'U0AYU0001' }, 1)).toBe(false);
    expect(requests).toEqual(['C0L1DESK01:', 'C0L1DESK01:1', 'C0L2DESK01:']);
  });

  it('uses only configured ids when channel membership is off or unreadable', async () => {
    const off = directory({ C0L1DESK01: [['U0RUDI001']] }, { SLACK_AGENTS_FROM_CHANNELS: false });
    expect(await off.agents.isAgent(slack('U0RUDI001'), 1)).toBe(false);
    expect(off.requests).toEqual([]);
    const broken = directory({});
    expect(await broken.agents.isAgent(slack('U0RUDI001'), 1)).toBe(false);
  });
});

describe('channelOfLevel', () => {
  it('posts a level without its own channel in the nearest lower one', () => {
    const channels = {
      SLACK_L1_CHANNEL_ID: 'C0L1',
      SLACK_L2_CHANNEL_ID: undefined,
      SLACK_L3_CHANNEL_ID: 'C0L3',
    };
    expect([1, 2, 3].map((l) => channelOfLevel(channels, l as 1 | 2 | 3))).toEqual([
      'C0L1',
      'C0L1',
      'C0L3',
    ]);
  });
});
