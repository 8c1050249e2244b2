import { keptFileId } from '../../../../src/core/files';
import { createMongoFileStore } from '../../../../src/store/mongo-file-store';
import { repostBound } from '../bounds';
import { employees } from '../cast';
import { failedWork, settled } from '../checks';
import {
  fileMessageAt,
  fileWorkInFlight,
  listedInTranscript,
  sha256,
  shareFiles,
  storedFiles,
  ticketsWithFiles,
  uploadsOf,
  type FileMessage,
} from '../file-shares';
import { postsOf, relayAt } from '../relays';
import type { ScenarioContext } from '../scenario-context';
import { createUsers, LIKE_SLACK, type Delivery } from '../slack-user';
import { openTickets } from '../tickets';
import { atRate } from '../wait';
import { inWorld, troubleSummary } from '../world';
import { killAndRestart } from './crash';

/**
 * Files relayed while the bot is killed: over open tickets, employees share screenshots in their DMs
 * and an agent shares them in the tickets' threads, at a steady rate, some with a caption, some
 * alone. The bot is SIGKILLed while it has file work in hand (a message's files being downloaded and
 * kept, an upload under way: downloads and uploads are slowed a little so that some are), and started
 * again on the same port and database; Slack retries whatever got no 2xx. Every acknowledged file must
 * reach the other side with its bytes, be listed in the transcript and be kept once, whole.
 */
export interface FilesCrashSize {
  readonly tickets: number;
  /** Messages with files (one or two each). */
  readonly messages: number;
  readonly messagesPerSecond: number;
  /** The kill comes once this share of the messages is sent, and file work is in hand. */
  readonly killAt: number;
  readonly leaseSeconds: number;
  /** WORKER_CONCURRENCY: the bound of uploads and posts made twice (see repostBound). */
  readonly concurrency: number;
  /** The largest screenshot; the others are shares of it. */
  readonly maxFileBytes: number;
  /** Each download is served this late, and files.completeUploadExternal answers this late. */
  readonly downloadDelayMs: number;
  readonly uploadDelayMs: number;
}

export interface FilesCrashOutcome {
  readonly atKill: {
    /** Messages with files a worker had in hand (downloading and keeping them). */
    readonly fileMessagesInHand: number;
    /** File uploads a worker had in hand. */
    readonly uploadsInHand: number;
  };
  readonly messages: {
    readonly sent: number;
    readonly sentWhileDown: number;
    /** Of those, refused (no connection, or no answer) on their first attempt. */
    readonly refusedWhileDown: number;
    readonly acked: number;
    readonly withCaption: number;
    /** Acknowledged captions posted to the other side. */
    readonly captionsPosted: number;
    readonly captionsPostedTwice: number;
  };
  readonly files: {
    readonly sent: number;
    readonly acked: number;
    readonly bytes: number;
    /** Acknowledged files uploaded to the other side with the bytes sent (same sha-256). */
    readonly uploaded: number;
    /** Uploads of acknowledged files whose bytes differ from those sent. */
    readonly uploadedOtherBytes: number;
    readonly uploadedTwice: number;
    readonly inTranscript: number;
    /** Acknowledged files not uploaded intact, or not in the transcript. */
    readonly lost: number;
    /** Files downloaded more than once (a keep cut by the kill, or a message redone). */
    readonly downloadedAgain: number;
    /** Upload URLs asked for whose upload was never completed (cut by the kill). */
    readonly uploadsCut: number;
  };
  readonly store: {
    readonly files: number;
    /** Acknowledged files kept whole (their chunks exactly) and read back with the bytes sent. */
    readonly keptIntact: number;
    /** Chunks that belong to no file: a write cut short and never cleaned up. */
    readonly strayChunks: number;
  };
  /** Work items given up for good. */
  readonly givenUp: number;
  /** At most this many uploads and posts may be made twice (see repostBound). */
  readonly repostBound: number;
}

/** Retried long enough to outlast a restart (Slack retries for minutes). */
const OUTLAST = { retries: 20, delayMs: 1000, timeoutMs: 3000 };
/** Past the kill moment, how long file work in hand is waited for before killing anyway. */
const IN_HAND_WAIT_MS = 20_000;

type Sent = FileMessage & { readonly delivery: Delivery };

export async function filesCrash(
  ctx: ScenarioContext,
  size: FilesCrashSize,
): Promise<FilesCrashOutcome> {
  const requesters = employees('fc', size.tickets);
  const env = {
    LEASE_SECONDS: String(size.leaseSeconds),
    WORKER_CONCURRENCY: String(size.concurrency),
  };
  return inWorld({ mongoUri: ctx.mongoUri, people: requesters, env }, async (w) => {
    const users = createUsers();
    let url = (await w.startBot()).url;
    const tickets = await openTickets(w.db, requesters, {
      stub: w.stub,
      users,
      url: () => url,
      policy: LIKE_SLACK,
      stepTimeoutMs: 60_000,
    });
    w.stub.slowDown('files.completeUploadExternal', size.uploadDelayMs);
    const killIndex = Math.max(1, Math.ceil(size.messages * size.killAt));
    let sent = 0;
    let killing = false;
    let reachedAt: number | undefined;
    let inHand = { messages: 0, uploads: 0 };
    const kill = killAndRestart(
      w,
      async () => {
        if (sent < killIndex) return false;
        reachedAt ??= Date.now();
        inHand = await fileWorkInFlight(w.db).catch(() => ({ messages: 0, uploads: 0 }));
        const both = inHand.messages > 0 && inHand.uploads > 0;
        killing = both || sent >= size.messages || Date.now() - reachedAt > IN_HAND_WAIT_MS;
        return killing;
      },
      (u) => (url = u),
    );
    const t0 = Date.now();
    const [shared, restart] = await Promise.all([
      atRate(
        size.messages,
        size.messagesPerSecond,
        async (i): Promise<Sent> => {
          sent++;
          const message = fileMessageAt(w.stub, i, relayAt(i, tickets, requesters), {
            maxBytes: size.maxFileBytes,
            delayMs: size.downloadDelayMs,
          });
          return { ...message, delivery: await shareFiles(users, url, message, OUTLAST) };
        },
        { hold: () => (killing ? kill.down : undefined) },
      ),
      kill.restarted,
    ]);
    ctx.log(`files crash: shared and restarted after ${Date.now() - t0} ms`);
    if (!(await settled(w.db, 300_000)))
      ctx.log(`files crash: work still pending\n${troubleSummary(w)}`);
    ctx.log(`files crash: settled after ${Date.now() - t0} ms`);

    const stored = await ticketsWithFiles(w.db);
    const store = await storedFiles(w.db);
    const fileStore = createMongoFileStore(w.db);
    const acked = shared.filter((m) => m.delivery.acked);
    const ackedFiles = acked.flatMap((m) => m.files.map((file) => ({ m, file })));
    const requesterOf = (m: FileMessage) => requesters.find((e) => e.id === m.requester.id)!;
    const uploads = ackedFiles.map(({ m, file }) => uploadsOf(w.stub, m, requesterOf(m), file));
    const intact = ackedFiles.map((_, k) =>
      uploads[k]!.some((u) => sha256(u.bytes) === ackedFiles[k]!.file.sha256),
    );
    const listed = ackedFiles.map(({ m, file }) => listedInTranscript(stored, m, file));
    // Read as the bot reads it (its files document, by id), and its bytes from its chunks.
    const kept: boolean[] = [];
    for (const { file } of ackedFiles) {
      const id = keptFileId('slack', file.id);
      const known = await fileStore.get(id);
      kept.push(known?.size === file.size && store.wholeSha256(id) === file.sha256);
    }
    const sample = ackedFiles.at(-1);
    if (sample) {
      const readAt = Date.now();
      await fileStore.read(keptFileId('slack', sample.file.id));
      ctx.log(
        `files crash: one file read from a bucket of ${store.files} in ${Date.now() - readAt} ms`,
      );
    }
    const captioned = acked.filter((m) => m.text !== '');
    const captionPosts = captioned.map((m) => postsOf(w.stub, m).length);
    const downloads = new Map<string, number>();
    for (const d of w.stub.files.downloads)
      downloads.set(d.fileId, (downloads.get(d.fileId) ?? 0) + 1);
    const completed = new Set(w.stub.files.uploads.map((u) => u.fileId));
    const asked = w.stub.ok('files.getUploadURLExternal').map((c) => String(c.response.file_id));
    const whileDown = shared.filter(
      (m) => m.delivery.startedAt >= restart.downAt && m.delivery.startedAt < restart.upAt,
    );

    ackedFiles.forEach(({ m, file }, k) => {
      const n = uploads[k]!.length;
      if (!intact[k] || !listed[k])
        ctx.log(`files crash: ${file.name} (${m.from}) lost: ${n} uploads, listed ${listed[k]}`);
      if (n > 1) ctx.log(`files crash: ${file.name} uploaded ${n} times`);
    });
    captioned.forEach((m, k) => {
      if ((captionPosts[k] ?? 0) > 1)
        ctx.log(`files crash: posted ${captionPosts[k]} times: ${m.text}`);
    });
    const count = (flags: readonly boolean[]) => flags.filter(Boolean).length;
    return {
      atKill: { fileMessagesInHand: inHand.messages, uploadsInHand: inHand.uploads },
      messages: {
        sent: shared.length,
        sentWhileDown: whileDown.length,
        refusedWhileDown: whileDown.filter((m) => !isOk(m.delivery.statuses[0])).length,
        acked: acked.length,
        withCaption: captioned.length,
        captionsPosted: captionPosts.filter((n) => n > 0).length,
        captionsPostedTwice: captionPosts.filter((n) => n > 1).length,
      },
      files: {
        sent: shared.reduce((sum, m) => sum + m.files.length, 0),
        acked: ackedFiles.length,
        bytes: ackedFiles.reduce((sum, { file }) => sum + file.size, 0),
        uploaded: count(intact),
        uploadedOtherBytes: uploads
          .map((us, k) => us.filter((u) => sha256(u.bytes) !== ackedFiles[k]!.file.sha256))
          .flat().length,
        uploadedTwice: uploads.filter((us) => us.length > 1).length,
        inTranscript: count(listed),
        lost: ackedFiles.filter((_, k) => !intact[k] || !listed[k]).length,
        downloadedAgain: [...downloads.values()].filter((n) => n > 1).length,
        uploadsCut: asked.filter((id) => !completed.has(id)).length,
      },
      store: {
        files: store.files,
        keptIntact: count(kept),
        strayChunks: store.strayChunks,
      },
      givenUp: await failedWork(w.db),
      repostBound: repostBound({ concurrency: size.concurrency, killed: 1 }),
    };
  });
}

const isOk = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;
