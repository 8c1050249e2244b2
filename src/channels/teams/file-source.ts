import { z } from 'zod';
import { hostMatches } from './service-url-policy';

/**
 * Where a Teams file's bytes are, as the channel records it in IncomingFile.source (opaque to the
 * core, read back here with zod when the file is fetched):
 * - `connector`: a pasted image, at the Bot Connector of the activity's service URL; fetched with
 *   the bot's token, so only from hosts the service-URL policy allows;
 * - `download`: a file in a personal chat, at the pre-authenticated downloadUrl SharePoint gave
 *   (no token sent); only https to SharePoint / OneDrive hosts;
 * - `sharepoint`: a file Teams shows in a channel, in the team's SharePoint, which a bot reads only
 *   through Microsoft Graph: never fetched, its sender is told it could not be taken.
 */
export const fileSourceSchema = z.discriminatedUnion('via', [
  z.object({ via: z.literal('connector'), url: z.string(), serviceUrl: z.string() }),
  z.object({ via: z.literal('download'), url: z.string() }),
  z.object({ via: z.literal('sharepoint'), url: z.string() }),
]);

export type FileSource = z.output<typeof fileSourceSchema>;

export function encodeFileSource(source: FileSource): string {
  return JSON.stringify(source);
}

/** The source recorded for a file, or undefined when it is not one this channel wrote. */
export function decodeFileSource(text: string): FileSource | undefined {
  try {
    const parsed = fileSourceSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Where Microsoft 365 keeps files people share in Teams (OneDrive for Business, SharePoint). */
export const FILE_HOSTS = [
  '*.sharepoint.com',
  '*.sharepoint-df.com',
  '*.sharepoint.us',
  '*.sharepoint.de',
  '*.1drv.com',
  'onedrive.live.com',
] as const;

/** Whether `url` is https to a SharePoint / OneDrive host. */
export function isFileHostUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  return (
    parsed.protocol === 'https:' &&
    !parsed.username &&
    !parsed.password &&
    FILE_HOSTS.some((pattern) => hostMatches(host, pattern))
  );
}
