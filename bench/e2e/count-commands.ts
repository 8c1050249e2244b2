import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFerretdb } from '../../src/store/embedded/start-ferretdb';
import { employees } from '../../test/support/faults/cast';
import {
  createUsers,
  freshId,
  freshTs,
  deliver,
  LIKE_SLACK,
} from '../../test/support/faults/slack-user';
import { pollUntil, sleep } from '../../test/support/faults/wait';
import { inWorld, postsByChannel } from '../../test/support/faults/world';
import { BENCH_TOKEN, commandCounts, countsSince, total } from './bot-metrics';

/**
 * `npx tsx bench/e2e/count-commands.ts`: the database commands of an L0 answer when events do not
 * overlap. 20 DMs from new employees, one at a time, to a bot on a fresh embedded FerretDB (or
 * MONGODB_URI); prints the idle commands of 5 s, then the commands per DM by command and collection.
 */
async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lapis-count-'));
  const db = process.env.MONGODB_URI ? undefined : await startFerretdb({ dataDir: dir });
  const uri = process.env.MONGODB_URI ?? db!.uri;
  const people = employees('cc', 20);
  try {
    await inWorld({ mongoUri: uri, people, env: { DASHBOARD_TOKEN: BENCH_TOKEN } }, async (w) => {
      const bot = await w.startBot();
      const base = bot.url.replace(/\/slack\/events$/, '');
      const users = createUsers();
      await sleep(2000);
      const idle0 = await commandCounts(base);
      await sleep(5000);
      const idle = countsSince(idle0, await commandCounts(base));
      console.log(`idle 5 s: ${total(idle)}`, Object.fromEntries(idle));
      const before = await commandCounts(base);
      for (const e of people) {
        const send = users.dm(bot.url, e, 'how do I reset my password', freshId('Ev'), freshTs());
        await deliver(send, LIKE_SLACK);
        await pollUntil(() => (postsByChannel(w.stub).get(e.dm) ?? 0) > 0, 10_000, 5);
      }
      await sleep(300);
      const delta = countsSince(before, await commandCounts(base));
      console.log(`per DM (${people.length}): ${(total(delta) / people.length).toFixed(2)}`);
      for (const [k, n] of [...delta].sort((a, b) => b[1] - a[1]))
        console.log(`  ${k}: ${(n / people.length).toFixed(2)}`);
    });
  } finally {
    await db?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
