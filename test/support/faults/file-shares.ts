import { createHash, randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';
import { keptFileId } from '../../../src/core/files';
import { COLLECTIONS } from '../../../src/store/collections';
import type { SlackApiStub } from '../slack-api-stub';
import { CHANNELS, PEOPLE } from '../slack-cast';
import type { SlackUpload } from '../slack-file-stub';
import type { Employee } from './cast';
import type { StoredTicket } from './checks';
import type { Relay } from './relays';
import { deliver, freshId, freshTs, type RetryPolicy, type Users } from './slack-user';

/**
 * Files shared through open tickets: an employee's screenshots in their DM go to the ticket's thread,
 * an agent's in the thread go to the employee's DM. Each file has its own name and random bytes, so
 * its upload on the other side is found by name and checked by hash.
 */
export interface SharedFile {
  /** Slack's file id (the store keeps it as keptFileId('slack', id)). */
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
}

export interface FileMessage extends Relay {
  /** '' when the files are sent alone; else the caption, unique like a relay's text. */
  readonly text: string;
  readonly files: readonly SharedFile[];
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const PNG_MAGIC = Buffer.from('89504e470d0a1a0a', 'hex');
/** Slack's file ids are F and capitals; this run's part keeps runs sharing a stub apart. */
const RUN = randomBytes(3).toString('hex').toUpperCase();
let fileCount = 0;

/** Screenshot sizes, as shares of the largest: some fit one GridFS chunk (255 KiB), some span several. */
const SIZE_SHARES = [0.01, 0.1, 0.35, 0.6, 1];

/**
 * The i-th message: agent and requester by turns, tickets round-robin (as relayAt), every third with a
 * caption, every fourth with two screenshots. Its files are registered with the stub, served
 * `delayMs` late.
 */
export function fileMessageAt(
  stub: SlackApiStub,
  i: number,
  relay: Relay,
  options: { readonly maxBytes: number; readonly delayMs: number },
): FileMessage & { readonly objects: Record<string, unknown>[] } {
  const count = i % 4 === 3 ? 2 : 1;
  const files: SharedFile[] = [];
  const objects: Record<string, unknown>[] = [];
  for (let k = 0; k < count; k++) {
    const n = fileCount++;
    const size = Math.max(64, Math.round(options.maxBytes * SIZE_SHARES[n % SIZE_SHARES.length]!));
    const bytes = Buffer.concat([PNG_MAGIC, randomBytes(size - PNG_MAGIC.length)]);
    const id = `F${RUN}${String(n).padStart(6, '0')}`;
    const name = `shot-${relay.from}-${i}-${k}.png`;
    objects.push(
      stub.files.addFile({ id, name, mimetype: 'image/png', bytes, delayMs: options.delayMs }),
    );
    files.push({ id, name, size, sha256: sha256(bytes) });
  }
  const text = i % 3 === 0 ? `caption ${relay.from} number ${i} about ${relay.ticket.key}` : '';
  return { ...relay, text, files, objects };
}

/** Shares the message's files in the employee's DM or the ticket's thread, retried like Slack. */
export function shareFiles(
  users: Users,
  url: string,
  message: FileMessage & { readonly objects: Record<string, unknown>[] },
  policy: RetryPolicy,
) {
  const threadTs = message.ticket.cards.L1?.messageId ?? '';
  const eventId = freshId('Ev');
  const send =
    message.from === 'agent'
      ? users.reply(url, PEOPLE.ayu, CHANNELS.l1, threadTs, message.text, eventId, message.objects)
      : users.dm(url, message.requester, message.text, eventId, freshTs(), message.objects);
  return deliver(send, policy);
}

/** Uploads of a message's file where it must arrive: the ticket's L1 thread, or the employee's DM. */
export function uploadsOf(
  stub: SlackApiStub,
  message: FileMessage,
  requester: Employee,
  file: SharedFile,
): SlackUpload[] {
  const threadTs = message.ticket.cards.L1?.messageId;
  return stub.files.uploads.filter(
    (u) =>
      u.filename === file.name &&
      (message.from === 'agent'
        ? u.channel === requester.dm
        : u.channel === CHANNELS.l1 && u.threadTs === threadTs),
  );
}

export interface TicketWithFiles extends StoredTicket {
  readonly transcript: readonly {
    readonly from: string;
    readonly text: string;
    readonly files?: readonly { readonly id: string }[];
  }[];
}

/** The tickets with the files their transcript lists. */
export function ticketsWithFiles(db: Db): Promise<TicketWithFiles[]> {
  return db.collection<TicketWithFiles>(COLLECTIONS.tickets).find({}).toArray();
}

/** Whether the file is listed in its ticket's transcript, in an entry of its sender. */
export function listedInTranscript(
  tickets: readonly TicketWithFiles[],
  message: FileMessage,
  file: SharedFile,
): boolean {
  const ticket = tickets.find((t) => t._id === message.ticket._id);
  const kept = keptFileId('slack', file.id);
  return Boolean(
    ticket?.transcript.some((e) => e.from === message.from && e.files?.some((f) => f.id === kept)),
  );
}

/**
 * File work a process has in hand (a live claim): messages with files being worked (their files
 * downloaded and kept first) and file uploads.
 */
export async function fileWorkInFlight(db: Db): Promise<{ messages: number; uploads: number }> {
  const [inbox, outbox, claims] = await Promise.all([
    db
      .collection<{ _id: string }>(COLLECTIONS.inbox)
      .find({ 'payload.event.files': { $exists: true } }, { projection: { _id: 1 } })
      .toArray(),
    db
      .collection<{ _id: string }>(COLLECTIONS.outbox)
      .find({ 'payload.kind': 'file' }, { projection: { _id: 1 } })
      .toArray(),
    db
      .collection<{ _id: string; expiresAt: Date }>(COLLECTIONS.workClaims)
      .find({ expiresAt: { $gt: new Date() } })
      .toArray(),
  ]);
  const held = new Set(claims.map((c) => c._id.replace(/#\d+$/, '')));
  return {
    messages: inbox.filter((i) => held.has(`inbox:${i._id}`)).length,
    uploads: outbox.filter((o) => held.has(`outbox:${o._id}`)).length,
  };
}

/**
 * The GridFS bucket as it is: each file read back from its chunks (all read at once: FerretDB scans
 * the whole chunks collection for any query but one by `_id`, so a read per file would scan it once
 * per file), and the chunks that belong to no file (a write cut short and never cleaned up).
 */
export async function storedFiles(db: Db) {
  const docs = await db
    .collection<{ _id: string; length: number; chunkSize: number }>(COLLECTIONS.fileDocs)
    .find({}, { projection: { _id: 1, length: 1, chunkSize: 1 } })
    .toArray();
  const chunks = await db
    .collection<{ files_id: string; n: number; data: { buffer: Uint8Array } }>(
      COLLECTIONS.fileChunks,
    )
    .find({})
    .toArray();
  const ids = new Set(docs.map((d) => d._id));
  const chunksOf = new Map<string, { n: number; data: Uint8Array }[]>();
  for (const c of chunks)
    chunksOf.set(c.files_id, [
      ...(chunksOf.get(c.files_id) ?? []),
      { n: c.n, data: c.data.buffer },
    ]);
  /**
   * The sha-256 of a kept file, when it is whole: its chunks exactly 0..n-1 for its length, nothing
   * missing, nothing left over; undefined otherwise (or when it is not kept).
   */
  const wholeSha256 = (id: string): string | undefined => {
    const doc = docs.find((d) => d._id === id);
    if (!doc) return undefined;
    const parts = (chunksOf.get(id) ?? []).sort((a, b) => a.n - b.n);
    const expected = Math.ceil(doc.length / doc.chunkSize);
    if (parts.length !== expected || parts.some((p, i) => p.n !== i)) return undefined;
    const bytes = Buffer.concat(parts.map((p) => p.data));
    return bytes.byteLength === doc.length ? sha256(bytes) : undefined;
  };
  return {
    files: docs.length,
    strayChunks: chunks.filter((c) => !ids.has(c.files_id)).length,
    wholeSha256,
  };
}
