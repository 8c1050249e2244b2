import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { projectRoot } from '../../src/util/project-root';
import { CHANNELS, L2_GROUP, PEOPLE, SIGNING_SECRET } from './slack-cast';
import { createSlackSender } from './slack-requests';

/**
 * The real bot as a child process (see botCommand), configured for Slack over HTTP
 * against a loopback Web API stub, for tests that need a real process: crashes, signals, several
 * instances on one database. Its JSON log lines are kept in `logs`.
 */
export interface BotLog {
  readonly level: number;
  readonly time: number;
  readonly msg: string;
  readonly [key: string]: unknown;
}

export interface BotExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** From the last kill() (or from the waitExit call when none) to the exit. */
  readonly ms: number;
}

export interface BotProcess {
  /** The Slack request URL: http://127.0.0.1:<port>/slack/events (the console's root in console mode) */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly logs: BotLog[];
  /** stderr, and stdout lines that are not JSON. */
  readonly output: string[];
  kill(signal?: NodeJS.Signals): void;
  waitExit(timeoutMs: number): Promise<BotExit>;
  exited(): boolean;
  /** Resident memory in MB (VmRSS), undefined once exited. */
  rssMb(): number | undefined;
  /** SIGKILL if still running, then wait for the exit: for cleanup. */
  dispose(): Promise<void>;
}

export interface StartBotOptions {
  readonly slackApiUrl: string;
  readonly mongoUri: string;
  readonly mongoDb: string;
  /** 0 (default) lets the OS pick; a restart passes the previous bot's port. */
  readonly port?: number;
  readonly env?: Readonly<Record<string, string>>;
  readonly startTimeoutMs?: number;
  /** The local console instead of Slack (no chat platform configured); `url` is then the console's. */
  readonly console?: boolean;
}

const live = new Set<ChildProcess>();
// Never leave a bot behind when the test process itself goes away.
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** SIGKILLs every bot this process started that is still running (afterAll, whatever happened). */
export async function disposeAllBots(): Promise<void> {
  await Promise.all(
    [...live].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          if (!child.kill('SIGKILL')) resolve();
        }),
    ),
  );
}

/** The Slack settings of the harness (slack-harness.ts harnessConfig), as environment variables. */
export function botEnv(options: StartBotOptions): Record<string, string> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    TMPDIR: process.env.TMPDIR ?? '/tmp',
    NODE_ENV: 'production',
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: options.slackApiUrl,
    SLACK_L1_CHANNEL_ID: CHANNELS.l1,
    SLACK_L2_CHANNEL_ID: CHANNELS.l2,
    SLACK_L3_CHANNEL_ID: CHANNELS.l3,
    SLACK_L2_PING: L2_GROUP,
    SLACK_L3_PING: PEOPLE.hendra.id,
    L1_AGENT_IDS: PEOPLE.ayu.id,
    L3_AGENT_IDS: PEOPLE.hendra.id,
    MONGODB_URI: options.mongoUri,
    MONGODB_DB: options.mongoDb,
    HOST: '127.0.0.1',
    PORT: String(options.port ?? 0),
    LOG_LEVEL: 'info',
    ...options.env,
  };
  if (!options.console) return env;
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('SLACK_')));
}

/**
 * The source through tsx by default (jest needs no build); the build in dist/ when LAPIS_BOT_BUILD=dist
 * (`npm run bench:faults` builds first and measures the bot as it ships).
 */
function botCommand(): string[] {
  return process.env.LAPIS_BOT_BUILD === 'dist'
    ? ['dist/main.js']
    : ['--import', 'tsx', 'src/main.ts'];
}

export async function startBot(options: StartBotOptions): Promise<BotProcess> {
  const child = spawn(process.execPath, botCommand(), {
    cwd: projectRoot(__dirname),
    env: botEnv(options),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('could not spawn the bot');
  live.add(child);
  const logs: BotLog[] = [];
  const output: string[] = [];
  collectLines(child, logs, output);
  let exit: { code: number | null; signal: NodeJS.Signals | null; at: number } | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = { code, signal, at: Date.now() };
      live.delete(child);
      resolve();
    }),
  );
  let killedAt: number | undefined;
  const pid = child.pid;
  const bot = {
    pid,
    logs,
    output,
    kill(signal: NodeJS.Signals = 'SIGTERM') {
      killedAt = Date.now();
      child.kill(signal);
    },
    exited: () => exit !== undefined,
    async waitExit(timeoutMs: number): Promise<BotExit> {
      const from = killedAt ?? Date.now();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      await Promise.race([exited, timeout]);
      clearTimeout(timer);
      if (!exit) throw new Error(`bot ${pid} did not exit within ${timeoutMs} ms`);
      return { code: exit.code, signal: exit.signal, ms: exit.at - from };
    },
    rssMb: () => (exit ? undefined : rssOf(pid)),
    async dispose() {
      if (!exit) child.kill('SIGKILL');
      await exited;
    },
  };
  try {
    const ready = options.console ? answersConsole : answersChallenge;
    const timeoutMs = options.startTimeoutMs ?? 30_000;
    const port = await waitUntilServing(logs, () => exit, output, timeoutMs, ready);
    const url = `http://127.0.0.1:${port}/${options.console ? '' : 'slack/events'}`;
    return { ...bot, port, url };
  } catch (error) {
    await bot.dispose();
    throw error;
  }
}

/** JSON log lines (pino) into `logs`, anything else into `output`. */
function collectLines(child: ChildProcess, logs: BotLog[], output: string[]): void {
  let pending = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        logs.push(JSON.parse(line) as BotLog);
      } catch {
        output.push(line);
      }
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
}

/** Waits for "Lapis is running" (which names the bound port), then for `ready` to answer. */
async function waitUntilServing(
  logs: readonly BotLog[],
  exit: () => unknown,
  output: readonly string[],
  timeoutMs: number,
  ready: (port: number) => Promise<boolean>,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  const fail = (why: string) =>
    new Error(`bot ${why}:\n${output.join('\n').slice(-3000)}\n${lastLogs(logs)}`);
  for (;;) {
    if (exit()) throw fail('exited while starting');
    const running = logs.find((l) => l.msg.startsWith('Lapis is running'));
    const port = running && /:(\d+)\/?$/.exec(String(running.http))?.[1];
    if (port && (await ready(Number(port)))) return Number(port);
    if (Date.now() > deadline) throw fail(`did not start within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Slack's url_verification: answered by Bolt without touching the database. */
async function answersChallenge(port: number): Promise<boolean> {
  const send = createSlackSender(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET);
  const body = JSON.stringify({ type: 'url_verification', challenge: 'ready', token: 'x' });
  try {
    const res = await send.raw(body, 'application/json');
    return res.status === 200 && res.body.includes('ready');
  } catch {
    return false;
  }
}

/** The console's list of people: served once the core takes posts. */
async function answersConsole(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/users`)).ok;
  } catch {
    return false;
  }
}

export function lastLogs(logs: readonly BotLog[], count = 20): string {
  return logs
    .slice(-count)
    .map((l) => JSON.stringify(l))
    .join('\n');
}

function rssOf(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}
