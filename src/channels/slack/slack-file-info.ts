import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { FileRefusalReason, IncomingFile } from '../../core/files';
import {
  encodeFileSource,
  incomingFileOf,
  needsFileInfo,
  slackFileSchema,
} from './slack-file-source';
import { finalSlackRefusal } from './slack-refusal';

const infoSchema = z.looseObject({ file: slackFileSchema });

/**
 * Fills in a file its event described by id alone (Slack Connect's `check_file_info`) from
 * files.info: its name, type, size and download URL. A file Slack will not show the bot
 * (file_not_found, access_denied...) is marked refused, so the sender is told; an outage throws,
 * and the event is worked again later.
 */
export function createFileInfo(
  client: webApi.WebClient,
): (file: IncomingFile) => Promise<IncomingFile> {
  const refused = (file: IncomingFile, reason: FileRefusalReason, why: string): IncomingFile => ({
    ...file,
    source: encodeFileSource({ kind: 'refused', reason, why }),
  });
  return async (file) => {
    if (!needsFileInfo(file)) return file;
    let answer: unknown;
    try {
      answer = await client.files.info({ file: file.id });
    } catch (error) {
      const code = finalSlackRefusal(error);
      if (!code) throw error;
      return refused(file, 'forbidden', `files.info: ${code}`);
    }
    const parsed = infoSchema.safeParse(answer);
    if (!parsed.success || parsed.data.file.id !== file.id)
      return refused(file, 'unreadable', 'files.info described another file');
    const info = incomingFileOf(parsed.data.file);
    return needsFileInfo(info) ? refused(info, 'forbidden', 'files.info kept the file back') : info;
  };
}
