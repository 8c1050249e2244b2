import type { UserRef } from './people';

/**
 * A file a person sent (a screenshot in a DM, an agent's log in a ticket thread), as the channel
 * describes it. The bytes are fetched when the event is worked (surface.fetchFile), not while the
 * platform waits for its answer, and kept by Lapis (FileStore) before they are sent on.
 */
export interface IncomingFile {
  /** The platform's id of the file, unique on that platform: a redelivered event fetches nothing new. */
  readonly id: string;
  readonly name: string;
  readonly mimeType?: string;
  /** Bytes, when the platform says; checked before fetching, and again on the bytes fetched. */
  readonly size?: number;
  /**
   * What the channel needs to fetch it (Slack's url_private_download, a Teams attachment's content
   * URL, the console's upload id). Opaque to the core, and never shown to anyone.
   */
  readonly source: string;
}

/** A file Lapis keeps (GridFS), sent on to the other side of the conversation from its copy. */
export interface KeptFile {
  /** The store's id (see keptFileId): one per platform file, so a redone step stores it once. */
  readonly id: string;
  readonly name: string;
  readonly mimeType: string;
  readonly size: number;
  readonly from: UserRef;
  readonly at: Date;
}

/** What is known of a kept file where it is listed (a ticket's transcript, the L0 session). */
export type FileMention = Pick<KeptFile, 'id' | 'name' | 'mimeType' | 'size'>;

/** Which files Lapis takes (MAX_FILE_MB, REFUSED_FILE_TYPES). */
export interface FilePolicy {
  readonly maxBytes: number;
  /** Extensions refused, lower case without the dot (exe, msi, bat...). */
  readonly refusedExtensions: readonly string[];
}

/** Why a file was not taken; the sender is told, in their language. */
export type FileRefusalReason = 'too_large' | 'empty' | 'refused_type' | 'forbidden' | 'unreadable';

/**
 * A file that will never be fetched however often it is tried: too large, empty, or the platform
 * will not let the bot have it (403, gone). Anything else a channel throws is retried.
 */
export class FileRefused extends Error {
  constructor(
    readonly reason: FileRefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'FileRefused';
  }
}

/** The store id of a platform's file. */
export function keptFileId(platform: UserRef['platform'], fileId: string): string {
  return `${platform}:${fileId}`;
}

/** A file name's extension, lower case, without the dot ('' when it has none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Why a file is refused before its bytes are fetched (from what the platform says of it), if it is. */
export function refusalBeforeFetch(
  file: IncomingFile,
  policy: FilePolicy,
): FileRefusalReason | undefined {
  if (policy.refusedExtensions.includes(extensionOf(file.name))) return 'refused_type';
  if (file.size !== undefined && file.size > policy.maxBytes) return 'too_large';
  if (file.size === 0) return 'empty';
  return undefined;
}
