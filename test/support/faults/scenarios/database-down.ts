import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  startFerretdb,
  type FerretdbDatabase,
} from '../../../../src/store/embedded/start-ferretdb';
import { employees } from '../cast';
import { settled, storedTickets } from '../checks';
import { dmOutcome, steadyDms, type SentDm } from '../dms';
import { openTicketJourney, unansweredQuestions } from '../journey';
import type { ScenarioContext } from '../scenario-context';
import { createUsers } from '../slack-user';
import { pool, sleep } from '../wait';
import { inWorld, troubleSummary, type World } from '../world';

/**
 * The database stops answering for a few seconds during a steady stream of DMs and a few ticket
 * journeys: frozen (SIGSTOP: connections stay open and silent; the supervisor does not notice) or
 * restarted (stopped, then started again on the same port and data: connections are refused). Slack
 * retries what got no 2xx. Afterwards every acknowledged DM is answered and every acknowledged
 * journey has its ticket with an L1 card.
 */
export interface DatabaseDownSize {
  readonly dmsPerSecond: number;
  readonly seconds: number;
  readonly journeys: number;
  /** When the database freezes, and for how long. */
  readonly downAfterMs: number;
  readonly downForMs: number;
  readonly mode: 'freeze' | 'restart';
}

export interface DatabaseDownOutcome {
  readonly dms: {
    readonly sent: number;
    /** Got a 5xx (or no answer) at least once: the outage was felt. */
    readonly refusedOnce: number;
    readonly acked: number;
    readonly ackedAnswered: number;
    /**
     * The bot lives on through the outage, so nothing it sent is left unrecorded: a record that
     * fails is written again once the database is back, within the lease (LEASE_SECONDS, 10 s: longer
     * than these outages). None is answered twice.
     */
    readonly answeredTwice: number;
  };
  readonly journeys: {
    readonly sent: number;
    readonly acked: number;
    /** Acknowledged questions that never got any answer in the DM. */
    readonly unanswered: number;
    /** Acknowledged journeys that made their ticket. */
    readonly withTicket: number;
  };
  readonly tickets: number;
  readonly ticketsWithoutCard: number;
}

const RETRYING = { retries: 6, delayMs: 1500, timeoutMs: 3000 };

export async function databaseDown(
  ctx: ScenarioContext,
  size: DatabaseDownSize,
): Promise<DatabaseDownOutcome> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lapis-faults-down-'));
  const server: Server = { current: await startFerretdb({ dataDir: dir }), dataDir: dir };
  try {
    return await withDatabase(ctx, size, server);
  } finally {
    const pid = server.current?.pid();
    if (pid) process.kill(pid, 'SIGCONT');
    await server.current?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The FerretDB of the scenario; `current` changes when it is restarted. */
interface Server {
  current: FerretdbDatabase | undefined;
  readonly dataDir: string;
}

async function withDatabase(
  ctx: ScenarioContext,
  size: DatabaseDownSize,
  server: Server,
): Promise<DatabaseDownOutcome> {
  const uri = server.current?.uri ?? '';
  const askers = employees('dd', size.dmsPerSecond * size.seconds);
  const openers = employees('dj', size.journeys);
  return inWorld({ mongoUri: uri, people: [...askers, ...openers] }, async (w) => {
    const bot = await w.startBot();
    const users = createUsers();
    const dms = steadyDms({
      users,
      url: () => bot.url,
      employees: askers,
      perSecond: size.dmsPerSecond,
      policy: RETRYING,
    });
    const journeys = pool(openers, openers.length, async (e, i) => {
      await sleep(i * 300); // spread over the outage
      return openTicketJourney(e, {
        stub: w.stub,
        users,
        url: () => bot.url,
        policy: RETRYING,
        stepTimeoutMs: 20_000,
      });
    });
    const outage =
      size.mode === 'freeze'
        ? freeze(server, size.downAfterMs, size.downForMs)
        : restart(server, size.downAfterMs, size.downForMs);
    const [sent, opened] = await Promise.all([dms, journeys, outage]);
    if (!(await settled(w.db, 300_000)))
      ctx.log(`db ${size.mode}: work still pending\n${troubleSummary(w)}`);
    for (const j of opened) if (j.failure) ctx.log(`journey of ${j.employee.id}: ${j.failure}`);
    const o = dmOutcome(w.stub, sent);
    if (o.acked < o.sent) logUnacked(ctx, w, sent);
    logAnsweredTwice(ctx, w, sent);
    const tickets = await storedTickets(w.db);
    const acked = opened.filter((j) => j.acked);
    return {
      dms: {
        sent: o.sent,
        refusedOnce: o.refusedOnce,
        acked: o.acked,
        ackedAnswered: o.ackedAnswered,
        answeredTwice: o.answeredTwice,
      },
      journeys: {
        sent: opened.length,
        acked: acked.length,
        unanswered: unansweredQuestions(w.stub, opened).length,
        withTicket: acked.filter((j) => tickets.some((t) => t.requester.id === j.employee.id))
          .length,
      },
      tickets: tickets.length,
      ticketsWithoutCard: tickets.filter((t) => !t.cards.L1).length,
    };
  });
}

/** What to look at when DMs were never acknowledged: their answers, and the bot's complaints. */
function logUnacked(ctx: ScenarioContext, w: World, sent: readonly SentDm[]) {
  const unacked = sent.filter((d) => !d.delivery.acked);
  for (const d of unacked.slice(0, 5))
    ctx.log(`db: ${d.employee.id} never acknowledged (statuses ${d.delivery.statuses.join(',')})`);
  ctx.log(`db: ${unacked.length} never acknowledged; the bot said:\n${troubleSummary(w)}`);
}

/** What to look at when a DM was answered twice: when each answer was posted. */
function logAnsweredTwice(ctx: ScenarioContext, w: World, sent: readonly SentDm[]) {
  const posts = w.stub.ok('chat.postMessage');
  for (const d of sent) {
    const times = posts.filter((c) => c.args.channel === d.employee.dm).map((c) => c.at);
    if (times.length > 1)
      ctx.log(
        `db: ${d.employee.id} (statuses ${d.delivery.statuses.join(',')}) answered at ${times.join(', ')}`,
      );
  }
}

async function freeze(server: Server, afterMs: number, forMs: number) {
  await sleep(afterMs);
  const pid = server.current?.pid();
  if (!pid) throw new Error('FerretDB is not running');
  process.kill(pid, 'SIGSTOP');
  await sleep(forMs);
  process.kill(pid, 'SIGCONT');
}

async function restart(server: Server, afterMs: number, forMs: number) {
  await sleep(afterMs);
  const old = server.current;
  if (!old) throw new Error('FerretDB is not running');
  const port = Number(new URL(old.uri).port);
  server.current = undefined;
  await old.stop();
  await sleep(forMs);
  server.current = await startFerretdb({ dataDir: server.dataDir, port });
}
