import { z } from 'zod';
import type { FileRefusalReason, IncomingFile } from '../../core/files';

/**
 * A Slack file as events and files.info describe it: the fields Lapis reads, plain values. Every
 * field but the id is optional: a Slack Connect file in an event carries little more than its id
 * (`file_access: 'check_file_info'`), a deleted one only its id and `mode: 'tombstone'`.
 */
export const slackFileSchema = z.looseObject({
  id: z.string().regex(/^F[A-Z0-9]{2,}$/),
  name: z.string().max(1000).nullish(),
  title: z.string().max(1000).nullish(),
  mimetype: z.string().max(255).nullish(),
  size: z.number().int().nonnegative().nullish(),
  mode: z.string().max(50).nullish(),
  file_access: z.string().max(50).nullish(),
  is_external: z.boolean().nullish(),
  url_private: z.string().max(3000).nullish(),
  url_private_download: z.string().max(3000).nullish(),
});

export type SlackFile = z.output<typeof slackFileSchema>;

/**
 * How a Slack file is fetched, carried in IncomingFile.source (opaque to the core): its download
 * URL; `slack:files.info` for a file whose event does not say (Slack Connect: files.info tells,
 * when the worker prepares the event); or `slack:refused:<reason>:<why>` for a file Slack will
 * never hand over, which fetchFile refuses with that reason so the sender is told.
 */
export type SlackFileSource =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'info' }
  | { readonly kind: 'refused'; readonly reason: FileRefusalReason; readonly why: string };

const INFO = 'slack:files.info';
const REFUSED = 'slack:refused:';
const REASONS: readonly FileRefusalReason[] = [
  'too_large',
  'empty',
  'refused_type',
  'forbidden',
  'unreadable',
];

export function encodeFileSource(source: SlackFileSource): string {
  if (source.kind === 'url') return source.url;
  if (source.kind === 'info') return INFO;
  return `${REFUSED}${source.reason}:${source.why}`;
}

export function decodeFileSource(source: string): SlackFileSource {
  if (source === INFO) return { kind: 'info' };
  if (!source.startsWith(REFUSED)) return { kind: 'url', url: source };
  const rest = source.slice(REFUSED.length);
  const colon = rest.indexOf(':');
  const reason = REASONS.find((r) => r === rest.slice(0, colon));
  return { kind: 'refused', reason: reason ?? 'unreadable', why: rest.slice(colon + 1) };
}

const MAX_NAME = 255;

/** The file as the core sees it; what Slack will not hand over is marked refused, with why. */
export function incomingFileOf(file: SlackFile): IncomingFile {
  const name = (file.name?.trim() || file.title?.trim() || file.id).slice(0, MAX_NAME);
  return {
    id: file.id,
    name,
    ...(file.mimetype && { mimeType: file.mimetype }),
    ...(typeof file.size === 'number' && { size: file.size }),
    source: encodeFileSource(sourceOf(file)),
  };
}

function sourceOf(file: SlackFile): SlackFileSource {
  if (file.file_access === 'check_file_info') return { kind: 'info' };
  if (file.mode === 'tombstone')
    return { kind: 'refused', reason: 'forbidden', why: 'the file was deleted' };
  if (file.mode === 'hidden_by_limit')
    return { kind: 'refused', reason: 'forbidden', why: "hidden by the workspace's plan limit" };
  if (file.mode === 'external' || file.is_external)
    return { kind: 'refused', reason: 'unreadable', why: 'a link to a file kept outside Slack' };
  const url = file.url_private_download || file.url_private;
  if (!url) return { kind: 'refused', reason: 'unreadable', why: 'Slack gave no download URL' };
  return { kind: 'url', url };
}

/** True when the file's details still have to be asked of files.info. */
export function needsFileInfo(file: IncomingFile): boolean {
  return file.source === INFO;
}
