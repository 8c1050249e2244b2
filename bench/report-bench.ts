import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from 'mongodb';
import type { AuditEntry, Level, Priority, Ticket, TranscriptEntry } from '../src/core/ticket';
import { CATEGORIES, PRIORITIES } from '../src/core/ticket';
import { loadConfig } from '../src/config/config';
import { reportSettingsFromConfig } from '../src/app/report-settings';
import { COLLECTIONS } from '../src/store/collections';
import { connectMongo } from '../src/store/connect-mongo';
import { startEmbeddedDatabase } from '../src/store/embedded/start-embedded-database';
import { ensureIndexes } from '../src/store/ensure-indexes';
import { loadReportInput } from '../src/store/report-source';
import { buildReport } from '../src/report/build-report';
import { toTicketDocument, type TicketDocument } from '../src/store/ticket-document';

/**
 * `npm run bench:report`: a fresh embedded database filled with 50,000 tickets and 200,000 L0
 * outcomes in the stored shape (generated, inserted in batches), then the report timed for the last
 * month and for the whole range. Prints insert time, report times and memory.
 */
const TICKETS = Number(process.env.BENCH_TICKETS ?? 50_000);
const OUTCOMES = Number(process.env.BENCH_OUTCOMES ?? 200_000);
const DAYS = 180;
const BATCH = 1000;
const END = new Date('2026-06-01T00:00:00Z');
const START = new Date(END.getTime() - DAYS * 86_400_000);
const MIN = 60_000;

let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const agents = ['ayu', 'rudi', 'tono', 'lina'].map((id) => ({
  platform: 'slack' as const,
  id,
  name: id,
}));
const QUESTIONS = [
  'printer paper jam on floor 3',
  'lupa password email',
  'vpn cannot connect from home',
  'laptop very slow after update',
  'tidak bisa login ke sso',
  'outlook keeps asking for password',
  'wifi kantor putus putus',
  'need access to shared drive',
  'monitor no signal',
  'teams camera not working',
];

function generateTicket(i: number): Ticket {
  const created = new Date(START.getTime() + random() * DAYS * 86_400_000);
  const t = (minutes: number) => new Date(created.getTime() + minutes * MIN);
  const requester = { platform: pick(['slack', 'teams'] as const), id: `U${i % 3000}`, name: 'x' };
  const audit: AuditEntry[] = [{ at: created, actor: requester, action: 'created' }];
  const transcript: TranscriptEntry[] = [
    {
      at: created,
      from: 'requester',
      user: requester,
      text: pick(QUESTIONS),
      level: 1,
      internal: false,
    },
  ];
  let level: Level = 1;
  let clock = 5 + random() * 120;
  const agent = pick(agents);
  audit.push({ at: t(clock), actor: agent, action: 'claimed', detail: { level } });
  for (let r = 0; r < 3; r++) {
    clock += 5 + random() * 60;
    transcript.push({
      at: t(clock),
      from: 'agent',
      user: agent,
      text: 'Could you try restarting it and tell me what you see on the screen?',
      level,
      internal: false,
    });
  }
  if (random() < 0.1)
    audit.push({
      at: t(clock),
      actor: 'system',
      action: 'sla_warning',
      detail: { clock: 'first_response' },
    });
  if (random() < 0.25) {
    clock += 30;
    audit.push({
      at: t(clock),
      actor: agent,
      action: 'escalated',
      detail: { from: 1, to: 2, reason: 'needs network team', automatic: false },
    });
    level = 2;
    clock += 60;
    audit.push({
      at: t(clock),
      actor: { platform: 'slack', id: 'dewi', name: 'Dewi' },
      action: 'claimed',
      detail: { level },
    });
  }
  const open = created.getTime() > END.getTime() - 5 * 86_400_000 && random() < 0.5;
  let status: Ticket['status'] = 'claimed';
  if (!open) {
    clock += 60 + random() * 600;
    audit.push({
      at: t(clock),
      actor: agent,
      action: 'resolved',
      detail: { summary: 'restarted the service' },
    });
    status = 'resolved';
    if (random() < 0.6) {
      clock += 30;
      audit.push({
        at: t(clock),
        actor: requester,
        action: 'rated',
        detail: { score: 1 + Math.floor(random() * 5) },
      });
    }
  }
  const priority: Priority = pick(PRIORITIES);
  const updatedAt = new Date(Math.min(t(clock).getTime(), END.getTime() - 1));
  return {
    id: `t-${i}`,
    key: `IT-${1001 + i}`,
    version: audit.length,
    requester,
    requesterDm: { platform: requester.platform, id: `D${i}` },
    locale: pick(['en', 'id'] as const),
    question: pick(QUESTIONS),
    category: pick(CATEGORIES),
    priority,
    impact: 'me',
    details: undefined,
    level,
    status,
    assignee: agent,
    threads: {},
    cards: {},
    l0: [],
    escalations: [],
    transcript,
    resolution: undefined,
    csat: undefined,
    sla: {
      firstResponseDue: t(60),
      resolutionDue: t(480),
      firstResponseAt: t(10),
      pausedAt: undefined,
      pausedMinutes: 0,
      warned: [],
      breached: [],
      nextCheckAt: undefined,
    },
    createdAt: created,
    updatedAt,
    closedAt: undefined,
    audit,
  };
}

const KINDS = [
  'answered',
  'answered',
  'suggested',
  'no_answer',
  'off_topic',
  'solved',
  'not_solved',
  'suggestion_picked',
  'ticket_opened',
] as const;
function generateOutcome(i: number) {
  const kind = pick(KINDS);
  return {
    _id: `o-${i}:${kind}`,
    at: new Date(START.getTime() + random() * DAYS * 86_400_000),
    kind,
    user: { platform: pick(['slack', 'teams'] as const), id: `U${i % 3000}` },
    locale: pick(['en', 'id'] as const),
    question: `${pick(QUESTIONS)} ${i % 50 === 0 ? `ticket ${i % 997}` : ''}`.trim(),
    ...(kind === 'answered' ||
    kind === 'solved' ||
    kind === 'not_solved' ||
    kind === 'suggestion_picked'
      ? { articleId: `article-${i % 40}`, score: 0.8 }
      : {}),
    ...(kind === 'suggested' ? { suggestions: ['article-1', 'article-2'] } : {}),
  };
}

async function fill(db: Db): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < TICKETS; i += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, TICKETS - i) }, (_, j) =>
      toTicketDocument(generateTicket(i + j)),
    );
    await db
      .collection<TicketDocument>(COLLECTIONS.tickets, { ignoreUndefined: true })
      .insertMany(docs, { ordered: false });
  }
  for (let i = 0; i < OUTCOMES; i += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, OUTCOMES - i) }, (_, j) =>
      generateOutcome(i + j),
    );
    await db
      .collection<{ _id: string }>(COLLECTIONS.l0Outcomes)
      .insertMany(docs, { ordered: false });
  }
  return performance.now() - started;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lapis-report-bench-'));
  const server = await startEmbeddedDatabase(dir, (msg) => process.stderr.write(`[db] ${msg}\n`));
  const conn = await connectMongo({ uri: server.uri, dbName: 'report_bench', timeoutMs: 10_000 });
  let peak = 0;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    await ensureIndexes(conn.db);
    const insertMs = await fill(conn.db);
    console.log(
      `server: ${server.kind}; inserted ${TICKETS} tickets + ${OUTCOMES} outcomes in ${(insertMs / 1000).toFixed(1)} s`,
    );
    const settings = reportSettingsFromConfig(loadConfig({}));
    for (const [name, from] of [
      ['last month', new Date(END.getTime() - 30 * 86_400_000)],
      ['whole range', START],
    ] as const) {
      const before = process.memoryUsage().rss;
      const started = performance.now();
      const input = await loadReportInput(conn.db, { from, to: END });
      const loaded = performance.now();
      const report = buildReport(input, { ...settings, from, to: END });
      const built = performance.now();
      console.log(
        `${name}: ${((built - started) / 1000).toFixed(2)} s (read ${((loaded - started) / 1000).toFixed(2)} s: ` +
          `${input.tickets.length} tickets, ${input.outcomes.length} outcomes; compute ${((built - loaded) / 1000).toFixed(2)} s); ` +
          `L1 received ${report.levels[0]?.received}, L0 questions ${report.l0.questions}; ` +
          `RSS ${(before / 2 ** 20).toFixed(0)} -> ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
      );
    }
    console.log(
      `peak RSS ${(peak / 2 ** 20).toFixed(0)} MB (this process; the database server is separate)`,
    );
  } finally {
    clearInterval(sample);
    await conn.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
