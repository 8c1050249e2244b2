import { randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';
import { connectMongo, type MongoConnection } from '../../../src/store/connect-mongo';
import { startBot, type BotProcess } from '../bot-process';
import { startSlackApiStub, type SlackApiStub, type SlackPerson } from '../slack-api-stub';
import { CHANNELS, PEOPLE } from '../slack-cast';
import { stubCast } from './cast';

/**
 * One scenario's world: a loopback Slack Web API, its own database on a MongoDB-wire server, and the
 * bot processes started in it. `close` stops every bot (SIGKILL if need be), drops the database and
 * stops the stub, whatever happened before.
 */
export interface World {
  readonly stub: SlackApiStub;
  readonly db: Db;
  readonly dbName: string;
  readonly bots: BotProcess[];
  /** Starts a bot on this world's database; `env` adds to (or overrides) the usual settings. */
  startBot(env?: Record<string, string>, port?: number): Promise<BotProcess>;
  close(): Promise<void>;
}

export interface WorldOptions {
  readonly mongoUri: string;
  readonly people: readonly SlackPerson[];
  /** L1 agents besides Ayu (who is always one). */
  readonly l1Agents?: readonly string[];
  readonly answers?: Parameters<typeof startSlackApiStub>[0]['answers'];
  /** Settings every bot of this world gets. */
  readonly env?: Record<string, string>;
}

export async function openWorld(options: WorldOptions): Promise<World> {
  const stub = await startSlackApiStub({
    ...stubCast(options.people),
    ...(options.answers && { answers: options.answers }),
  });
  const dbName = `lapis_faults_${randomBytes(4).toString('hex')}`;
  let conn: MongoConnection;
  try {
    conn = await connectMongo({ uri: options.mongoUri, dbName, timeoutMs: 5000 });
  } catch (error) {
    await stub.close();
    throw error;
  }
  const bots: BotProcess[] = [];
  const agentIds = [PEOPLE.ayu.id, ...(options.l1Agents ?? [])].join(',');
  return {
    stub,
    db: conn.db,
    dbName,
    bots,
    async startBot(env = {}, port) {
      const bot = await startBot({
        slackApiUrl: stub.url,
        mongoUri: options.mongoUri,
        mongoDb: dbName,
        ...(port !== undefined && { port }),
        env: { L1_AGENT_IDS: agentIds, ...options.env, ...env },
      });
      bots.push(bot);
      return bot;
    },
    async close() {
      await Promise.allSettled(bots.map((b) => b.dispose()));
      await conn.db.dropDatabase().catch(() => undefined);
      await conn.close().catch(() => undefined);
      await stub.close();
    },
  };
}

/** Runs `body` in a fresh world and always closes it. */
export async function inWorld<T>(options: WorldOptions, body: (w: World) => Promise<T>) {
  const world = await openWorld(options);
  try {
    return await body(world);
  } finally {
    await world.close();
  }
}

/** chat.postMessage calls that succeeded, to one channel (thread replies included). */
export function postedTo(stub: SlackApiStub, channel: string) {
  return stub.ok('chat.postMessage').filter((c) => c.args.channel === channel);
}

/** Cards: top-level posts in the L1 channel. */
export function l1Cards(stub: SlackApiStub) {
  return postedTo(stub, CHANNELS.l1).filter((c) => c.args.thread_ts === undefined);
}

/** How many successful posts each channel got. */
export function postsByChannel(stub: SlackApiStub): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of stub.ok('chat.postMessage')) {
    const channel = String(call.args.channel);
    counts.set(channel, (counts.get(channel) ?? 0) + 1);
  }
  return counts;
}

/** The bots' warnings and errors, counted by message: what to look at when a row fails. */
export function troubleSummary(world: World): string {
  const counts = new Map<string, number>();
  for (const log of world.bots.flatMap((b) => b.logs)) {
    if (log.level < 40) continue;
    const err = (log.err as { message?: string } | undefined)?.message;
    const key = `${log.msg}${err ? `: ${err.slice(0, 120)}` : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([msg, n]) => `${n} x ${msg}`).join('\n');
}
