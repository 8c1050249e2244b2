import { disposeAllBots } from '../support/bot-process';
import { explained, jestContext } from '../support/faults/jest-context';
import {
  filesCrash,
  type FilesCrashOutcome,
  type FilesCrashSize,
} from '../support/faults/scenarios/files-crash';

/**
 * Two workers per queue, so that the bound of uploads and posts made twice (those in hand at the
 * kill, see repostBound) is below the number of files and the expectation on it can fail. Screenshots
 * up to 600 KB span several GridFS chunks (255 KiB); downloads and uploads are slowed so that the
 * kill finds some in hand.
 */
const SIZE: FilesCrashSize = {
  tickets: 2,
  messages: 12,
  messagesPerSecond: 4,
  killAt: 0.4,
  leaseSeconds: 2,
  concurrency: 2,
  maxFileBytes: 600_000,
  downloadDelayMs: 300,
  uploadDelayMs: 300,
};

describe('a bot process killed (SIGKILL) while files are relayed both ways', () => {
  const ctx = jestContext();
  let o: FilesCrashOutcome;

  beforeAll(async () => {
    o = await filesCrash(ctx, SIZE);
  }, 150_000);
  afterAll(disposeAllBots);

  it('is killed with file work in hand, and refuses the files sent while it is down', () =>
    explained(ctx, () => {
      expect(o.atKill.fileMessagesInHand + o.atKill.uploadsInHand).toBeGreaterThan(0);
      expect(o.messages.sentWhileDown).toBeGreaterThan(0);
      expect(o.messages.refusedWhileDown).toBeGreaterThan(0);
    }));

  it('every file is acknowledged in the end (Slack retries), uploaded with its bytes and listed', () =>
    explained(ctx, () => {
      const n = o.files.sent;
      expect(o.messages.acked).toBe(SIZE.messages);
      expect(o.files).toMatchObject({
        acked: n,
        uploaded: n,
        uploadedOtherBytes: 0,
        inTranscript: n,
        lost: 0,
      });
      expect(o.messages.captionsPosted).toBe(o.messages.withCaption);
      expect(o.givenUp).toBe(0);
    }));

  it('keeps each file once and whole, with nothing of a cut write left', () =>
    explained(ctx, () => {
      expect(o.store).toEqual({ files: o.files.acked, keptIntact: o.files.acked, strayChunks: 0 });
    }));

  it('uploads or posts twice at most what was in hand at the kill (at-least-once delivery)', () =>
    explained(ctx, () => {
      expect(o.repostBound).toBe(SIZE.concurrency);
      expect(o.files.uploadedTwice + o.messages.captionsPostedTwice).toBeLessThanOrEqual(
        o.repostBound,
      );
    }));
});
