import {
  FileRefused,
  keptFileId,
  refusalBeforeFetch,
  type FileMention,
  type FileRefusalReason,
  type IncomingFile,
} from '../files';
import type { Locale } from '../locale';
import type { OutboundMessage } from '../messages';
import type { Platform, UserRef } from '../people';
import type { L0Session } from '../ports/session-store';
import { fileRefusal } from './file-messages';
import type { Uses } from './runtime';

/** What keepFiles uses of the runtime. */
export type KeepFilesDeps = Uses<'files' | 'surface' | 'clock', 'files'>;

const mentionOf = (file: FileMention): FileMention => ({
  id: file.id,
  name: file.name,
  mimeType: file.mimeType,
  size: file.size,
});

/**
 * The files of a message, fetched from the platform and kept, before anything else of the message
 * is done (so a redone work item finds them kept and fetches nothing again). A file that will never
 * be taken (too large, empty, a refused type, the platform refuses the bot) is told to its sender
 * through `tell`, in their language; any other failure is thrown, so the message is worked again.
 */
export async function keepFiles(
  rt: KeepFilesDeps,
  from: UserRef,
  files: readonly IncomingFile[],
  locale: Locale,
  tell: (message: OutboundMessage) => void,
): Promise<FileMention[]> {
  const policy = rt.config.files;
  const kept: FileMention[] = [];
  for (const file of files) {
    const id = keptFileId(from.platform, file.id);
    const already = await rt.files.get(id);
    if (already) {
      kept.push(mentionOf(already));
      continue;
    }
    const fetched = await fetchChecked(rt, from.platform, file);
    if (typeof fetched === 'string') {
      tell(fileRefusal(file.name, fetched, policy, locale));
      continue;
    }
    const stored = await rt.files.put(
      {
        id,
        name: file.name,
        mimeType: file.mimeType ?? 'application/octet-stream',
        from,
        at: rt.clock.now(),
      },
      fetched,
    );
    kept.push(mentionOf(stored));
  }
  return kept;
}

/** The file's bytes, or why it is not taken: checked before fetching and again on the bytes. */
async function fetchChecked(
  rt: KeepFilesDeps,
  platform: Platform,
  file: IncomingFile,
): Promise<Uint8Array | FileRefusalReason> {
  const policy = rt.config.files;
  const before = refusalBeforeFetch(file, policy);
  if (before) return before;
  let bytes: Uint8Array;
  try {
    bytes = await rt.surface(platform).fetchFile(file, policy.maxBytes);
  } catch (error) {
    if (error instanceof FileRefused) return error.reason;
    throw error;
  }
  if (bytes.byteLength === 0) return 'empty';
  if (bytes.byteLength > policy.maxBytes) return 'too_large';
  return bytes;
}

/** The files an L0 conversation holds for the ticket it may lead to (none once it went idle). */
export function pendingFiles(session: L0Session | undefined): readonly FileMention[] {
  return session && session.state !== 'idle' ? (session.files ?? []) : [];
}

/** How many files an L0 conversation holds at most: the latest ones. */
export const MAX_SESSION_FILES = 10;
