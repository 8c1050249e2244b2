import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';

/**
 * The ceiling for Lapis: a Bolt app that answers every DM with a fixed text, nothing else (no
 * database, no knowledge base). Bolt's default HTTP receiver acknowledges an event before the
 * listener runs. Run as a child process by minimal-app.ts:
 *   SLACK_API_URL=http://127.0.0.1:<stub>/api/ SLACK_SIGNING_SECRET=... node --import tsx bench/e2e/minimal-bolt.ts
 * It prints `listening <port>` once serving on 127.0.0.1 (PORT, default 0: any free port).
 */
async function main(): Promise<void> {
  const app = new App({
    token: process.env.SLACK_BOT_TOKEN ?? 'xoxb-test-token',
    signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
    clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? 'https://slack.com/api/' },
    logLevel: LogLevel.WARN,
  });
  app.message(async ({ say }) => {
    await say('Thanks, here is the answer you were looking for.');
  });
  const server = await app.start({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
  process.once('SIGTERM', () => void app.stop().finally(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
