import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../src/util/project-root';
import { SIGNING_SECRET } from '../../test/support/slack-cast';
import { rssMbOf, type Measured } from './proc';

/**
 * minimal-bolt.ts as a child process, run from source with `node --import tsx` (the loader only
 * compiles at start; the compiled code runs as plain Node, so the ceiling is not lowered by it).
 */
export interface MinimalApp extends Measured {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startMinimalApp(
  slackApiUrl: string,
  timeoutMs = 30_000,
): Promise<MinimalApp> {
  const root = projectRoot(__dirname);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'bench/e2e/minimal-bolt.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        SLACK_API_URL: slackApiUrl,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not spawn the minimal Bolt app');
  let output = '';
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      process.removeListener('exit', orphan);
      resolve();
    }),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`minimal Bolt app did not start:\n${output}`)),
      timeoutMs,
    );
    const fail = () => {
      clearTimeout(timer);
      reject(new Error(`minimal Bolt app exited:\n${output}`));
    };
    child.once('exit', fail);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const port = /listening (\d+)/.exec(output)?.[1];
      if (!port) return;
      clearTimeout(timer);
      child.off('exit', fail);
      resolve(Number(port));
    });
  }).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await exited;
    throw error;
  });
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    pid: () => pid,
    rssMb: () => (child.exitCode === null && child.signalCode === null ? rssMbOf(pid) : undefined),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
