import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { employees, stubCast } from '../support/faults/cast';
import { openTicketJourney } from '../support/faults/journey';
import { createUsers, freshId, freshTs, LIKE_SLACK } from '../support/faults/slack-user';
import { waitFor } from '../support/faults/wait';
import { projectRoot } from '../../src/util/project-root';
import type { Report } from '../../src/report/report-types';
import { LOCK_FILE, readLock } from '../../src/store/embedded/ferretdb-lock';
import { disposeAllBots, startBot, type BotProcess } from '../support/bot-process';
import { startSlackApiStub, type SlackApiStub } from '../support/slack-api-stub';
import { CHANNELS } from '../support/slack-cast';

const run = promisify(execFile);
const root = projectRoot(__dirname);

/**
 * The lead's report (and the other admin commands) run beside a bot that keeps its data in the
 * embedded FerretDB: they use the bot's own server, found through the data folder's lock, so the
 * figures include what the bot just did; after a crash the stale lock does not stop them.
 */
describe('admin commands beside a bot on the embedded database', () => {
  const [employee] = employees('rb', 1);
  let dataDir: string;
  let stub: SlackApiStub;
  let bot: BotProcess;

  /** An admin command as a lead runs it: the project's scripts, no MONGODB_URI, the bot's folder. */
  async function admin(script: string, args: string[]) {
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      LAPIS_DATA_DIR: dataDir,
    };
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        [require.resolve('tsx/cli'), script, ...args],
        { cwd: root, env, timeout: 120_000 },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }
  const report = () => admin('src/cli/report-cli.ts', ['--format', 'json']);

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'lapis-beside-'));
    stub = await startSlackApiStub(stubCast([employee!]));
    bot = await startBot({
      slackApiUrl: stub.url,
      mongoUri: '',
      mongoDb: 'lapis',
      env: { LAPIS_DATA_DIR: dataDir, LAPIS_EMBEDDED_DB: 'true', L0_SEMANTIC: 'off' },
      startTimeoutMs: 120_000,
    });
  }, 180_000);
  afterAll(async () => {
    await disposeAllBots();
    await stub?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports the ticket the running bot just opened, and leaves the bot running', async () => {
    const journey = await openTicketJourney(employee!, {
      stub,
      users: createUsers(),
      url: () => bot.url,
      policy: LIKE_SLACK,
      stepTimeoutMs: 30_000,
    });
    expect(journey).toMatchObject({ acked: true });
    await waitFor('the ticket card', () => stub.ok('chat.postMessage').some(isCard), 30_000);

    const out = await report();
    expect(out.stderr).toContain(
      `using the embedded database of the running Lapis (pid ${bot.pid})`,
    );
    expect(out.code).toBe(0);
    const figures = JSON.parse(out.stdout) as Report;
    expect(figures.l0.ticketsOpened).toBe(1);
    expect(figures.l0.questions).toBeGreaterThanOrEqual(1);
    expect(figures.levels.find((l) => l.level === 1)?.received).toBe(1);
    expect(figures.backlog.find((b) => b.level === 1)?.total).toBe(1);

    // The KB commands too, beside the bot.
    const drafts = await admin('src/cli/kb-cli.ts', ['drafts', 'list']);
    expect(drafts).toMatchObject({ code: 0, stdout: 'no KB drafts\n' });
    expect((await admin('src/cli/kb-cli.ts', ['learned', 'list'])).code).toBe(0);

    // The bot still holds its folder and its server, and still answers.
    expect(bot.exited()).toBe(false);
    expect(readLock(path.join(dataDir, 'db', LOCK_FILE))?.lapisPid).toBe(bot.pid);
    const before = stub.ok('chat.postMessage').length;
    const users = createUsers();
    const status = await users.dm(bot.url, employee!, 'my tickets', freshId('Ev'), freshTs())();
    expect(status.status).toBe(200);
    await waitFor('an answer', () => stub.ok('chat.postMessage').length > before, 30_000);
  }, 240_000);

  it('runs after the bot crashed, over the stale lock, with the figures kept in the folder', async () => {
    bot.kill('SIGKILL');
    await bot.waitExit(10_000);
    const lock = path.join(dataDir, 'db', LOCK_FILE);
    expect(readLock(lock)?.lapisPid).toBe(bot.pid);

    const out = await report();
    expect(out.code).toBe(0);
    expect(out.stderr).not.toContain('running Lapis');
    expect((JSON.parse(out.stdout) as Report).l0.ticketsOpened).toBe(1);
    // The command's own server is gone with it, and so is the lock.
    expect(existsSync(lock)).toBe(false);
  }, 180_000);
});

function isCard(call: { args: Record<string, unknown> }): boolean {
  return call.args.channel === CHANNELS.l1 && /IT-\d+/.test(JSON.stringify(call.args));
}
