import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { KeptFile } from '../../core/files';
import type { Block, OutboundMessage } from '../../core/messages';
import { GiveUp } from '../../core/pipeline/work-runner';
import type { MessageRef } from '../../core/people';
import { LIMITS, spansToMrkdwn } from './slack-blocks';
import { escapeMrkdwn, truncateMrkdwn } from './slack-text';

const uploadUrlSchema = z.looseObject({
  upload_url: z.string().max(3000),
  file_id: z.string().regex(/^F[A-Z0-9]{2,}$/),
});

export interface SlackFileUploadOptions {
  /** SLACK_API_URL: an upload URL may be on its origin (tests), else it must be https. */
  readonly apiUrl: string;
  /** The POST of the bytes; default 120 s. */
  readonly deadlineMs?: number;
}

/**
 * Uploads a kept file into a conversation (a DM, or a thread with `threadTs`) with Slack's external
 * upload: files.getUploadURLExternal, the bytes POSTed to the URL it gives (no token goes there:
 * Slack's upload URL needs none), then files.completeUploadExternal, which shares the file with the
 * caption as its comment. Slack shares it asynchronously and says no message `ts`, so the reference
 * names the file. Platform refusals are classified by the surface (refusalsAreFinal).
 */
export function createSlackFileUpload(
  client: webApi.WebClient,
  options: SlackFileUploadOptions,
): (
  to: { channelId: string; threadTs?: string },
  file: KeptFile,
  bytes: Uint8Array,
  caption: OutboundMessage,
) => Promise<MessageRef> {
  const apiOrigin = new URL(options.apiUrl).origin;
  return async (to, file, bytes, caption) => {
    const { upload_url: uploadUrl, file_id: fileId } = uploadUrlSchema.parse(
      await client.files.getUploadURLExternal({ filename: file.name, length: bytes.byteLength }),
    );
    const url = new URL(uploadUrl);
    if (url.protocol !== 'https:' && url.origin !== apiOrigin)
      throw new GiveUp(`Slack gave an upload URL Lapis will not use: ${url.origin}`);
    const sent = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': file.mimeType || 'application/octet-stream' },
      body: bytes,
      signal: AbortSignal.timeout(options.deadlineMs ?? 120_000),
    });
    await sent.body?.cancel();
    if (!sent.ok) {
      const status = `Slack's upload URL answered ${sent.status}`;
      // A new upload URL is asked for on the next try; a 4xx there would only repeat.
      throw sent.status >= 500 || sent.status === 429 ? new Error(status) : new GiveUp(status);
    }
    const comment = captionText(caption);
    const files: [{ id: string; title: string }] = [{ id: fileId, title: file.name }];
    await client.files.completeUploadExternal(
      to.threadTs
        ? { files, channel_id: to.channelId, thread_ts: to.threadTs, initial_comment: comment }
        : { files, channel_id: to.channelId, initial_comment: comment },
    );
    return { platform: 'slack', channelId: to.channelId, messageId: fileId };
  };
}

/**
 * The caption as the upload's comment: mrkdwn, every span escaped like a message's (a person's
 * words ping nobody, `@channel` included), buttons and pings left out.
 */
export function captionText(caption: OutboundMessage): string {
  const lines = caption.blocks.flatMap(captionLine);
  const text = lines.length ? lines.join('\n') : escapeMrkdwn(caption.text);
  return truncateMrkdwn(text, LIMITS.messageText - 200);
}

function captionLine(block: Block): string[] {
  switch (block.kind) {
    case 'header':
      return [`*${escapeMrkdwn(block.text)}*`];
    case 'text':
    case 'context':
      return [spansToMrkdwn(block.spans)];
    case 'fields':
      return block.fields.map((f) => `*${escapeMrkdwn(f.label)}* ${spansToMrkdwn([f.value])}`);
    case 'actions':
    case 'ping':
      return [];
  }
}
