import type { Db } from 'mongodb';
import type { AuditEntry, Ticket, TranscriptEntry } from '../../src/core/ticket';
import { CATEGORIES, PRIORITIES } from '../../src/core/ticket';
import { COLLECTIONS } from '../../src/store/collections';
import { toTicketDocument, type TicketDocument } from '../../src/store/ticket-document';
import { CHANNELS } from '../../test/support/slack-cast';

/**
 * Resolved tickets of a realistic shape (the stored document, as bench/report-bench.ts makes them):
 * 3,000 requesters, created over the last 180 days, claimed, a few replies each way, resolved and
 * often rated, with their L1 card and thread. Keys from IT-500001 on, clear of the bot's sequence.
 */
const DAY = 86_400_000;
const MIN = 60_000;
const QUESTIONS = [
  'printer paper jam on floor 3',
  'lupa password email',
  'vpn cannot connect from home',
  'laptop very slow after update',
  'tidak bisa login ke sso',
  'outlook keeps asking for password',
  'wifi kantor putus putus',
  'need access to shared drive',
];
const AGENTS = ['UAYU00001', 'URUDI0001', 'UAGENT003', 'UAGENT004'];

export function seededTicket(i: number, now = Date.now()): Ticket {
  const random = mulberry32(i);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const created = new Date(now - (1 + random() * 179) * DAY);
  const at = (minutes: number) => new Date(created.getTime() + minutes * MIN);
  const requester = {
    platform: 'slack' as const,
    id: `USEED${String(i % 3000).padStart(4, '0')}`,
    name: `Employee ${i % 3000}`,
  };
  const agent = { platform: 'slack' as const, id: pick(AGENTS), name: 'Agent' };
  const ts = `${Math.floor(created.getTime() / 1000)}.${String(i).padStart(6, '0')}`;
  const question = pick(QUESTIONS);
  const transcript: TranscriptEntry[] = [
    { at: created, from: 'requester', user: requester, text: question, level: 1, internal: false },
  ];
  for (let r = 1; r <= 3; r++) {
    transcript.push({
      at: at(r * 20),
      from: 'agent',
      user: agent,
      text: 'Could you try restarting it and tell me what you see on the screen?',
      level: 1,
      internal: false,
    });
    transcript.push({
      at: at(r * 20 + 5),
      from: 'requester',
      user: requester,
      text: 'Still the same after a restart.',
      level: 1,
      internal: false,
    });
  }
  const resolvedAt = at(90 + random() * 600);
  const score = random() < 0.6 ? 1 + Math.floor(random() * 5) : undefined;
  const audit: AuditEntry[] = [
    { at: created, actor: requester, action: 'created' },
    { at: at(10), actor: agent, action: 'claimed', detail: { level: 1 } },
    {
      at: resolvedAt,
      actor: agent,
      action: 'resolved',
      detail: { summary: 'restarted the service' },
    },
    ...(score
      ? [
          {
            at: new Date(resolvedAt.getTime() + 30 * MIN),
            actor: requester,
            action: 'rated',
            detail: { score },
          },
        ]
      : []),
  ];
  const thread = { platform: 'slack' as const, channelId: CHANNELS.l1, threadId: ts };
  return {
    id: `seed-${i}`,
    key: `IT-${500_001 + i}`,
    version: audit.length,
    requester,
    requesterDm: { platform: 'slack', id: `D${requester.id.slice(1)}` },
    locale: pick(['en', 'id'] as const),
    question,
    category: pick(CATEGORIES),
    priority: pick(PRIORITIES),
    impact: 'me',
    details: undefined,
    level: 1,
    status: 'resolved',
    assignee: agent,
    threads: { L1: thread },
    cards: { L1: { platform: 'slack', channelId: CHANNELS.l1, messageId: ts } },
    l0: [
      {
        question,
        articleId: undefined,
        articleTitle: undefined,
        score: undefined,
        feedback: 'not_solved',
      },
    ],
    escalations: [],
    transcript,
    resolution: { summary: 'restarted the service', at: resolvedAt, by: agent },
    csat: score ? { score, at: new Date(resolvedAt.getTime() + 30 * MIN) } : undefined,
    sla: {
      firstResponseDue: at(60),
      resolutionDue: at(480),
      firstResponseAt: at(20),
      pausedAt: undefined,
      pausedMinutes: 0,
      warned: [],
      breached: [],
      nextCheckAt: undefined,
    },
    createdAt: created,
    updatedAt: resolvedAt,
    closedAt: undefined,
    audit,
  };
}

/** A small seeded generator (mulberry32): the same tickets on every run. */
function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Inserts `count` tickets in batches of 1,000, with the thread lookup documents the ticket store
 * writes beside them (ticket-refs.ts; resolved tickets have no active summary); resolves with the
 * time it took (ms).
 */
export async function seedTickets(db: Db, count: number): Promise<number> {
  const started = Date.now();
  const tickets = db.collection<TicketDocument>(COLLECTIONS.tickets, { ignoreUndefined: true });
  const threads = db.collection<{ _id: string; ticketId: string }>(COLLECTIONS.ticketThreads);
  for (let i = 0; i < count; i += 1000) {
    const docs = Array.from({ length: Math.min(1000, count - i) }, (_, j) =>
      toTicketDocument(seededTicket(i + j)),
    );
    await threads.insertMany(
      docs.flatMap((d) => d.threadIds.map((key) => ({ _id: key, ticketId: d._id }))),
      { ordered: false },
    );
    await tickets.insertMany(docs, { ordered: false });
  }
  return Date.now() - started;
}
