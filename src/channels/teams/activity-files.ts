import type { IncomingFile } from '../../core/files';
import type { ActivityAttachment, TeamsActivity } from './activity-schema';
import { encodeFileSource, isFileHostUrl, type FileSource } from './file-source';

/** A file sent in a personal chat: Teams put it in the sender's OneDrive and gives a download URL. */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/**
 * The files of an activity, as the core's IncomingFile: files sent in a personal chat, pasted
 * images and screenshots (`image/*` at the connector), and in channels what Teams gives of a shared
 * file (a SharePoint link the bot cannot read without Graph: kept as a file that will be refused, so
 * its sender is told). The `text/html` copy of the message that comes with every message is not a
 * file, and neither is a link the person typed into the text. Each file's id is the delivery's and
 * its place in the message, so a redelivered activity names the same files.
 */
export function filesOf(activity: TeamsActivity, deliveryId: string): IncomingFile[] {
  const files: IncomingFile[] = [];
  const seen = new Set<string>();
  const add = (name: string, source: FileSource, mimeType?: string) => {
    if (seen.has(source.url)) return;
    seen.add(source.url);
    files.push({
      id: `${deliveryId}#${files.length + 1}`,
      name,
      ...(mimeType ? { mimeType } : {}),
      source: encodeFileSource(source),
    });
  };
  for (const attachment of activity.attachments ?? []) {
    const type = attachment.contentType.toLowerCase();
    if (type === FILE_DOWNLOAD_INFO) downloadInfoFile(attachment, add);
    else if (type.startsWith('image/') && isWebUrl(attachment.contentUrl))
      add(
        imageName(attachment, files.length + 1),
        {
          via: 'connector',
          url: attachment.contentUrl,
          serviceUrl: activity.serviceUrl,
        },
        type,
      );
    else if (type === 'reference' && isFileHostUrl(attachment.contentUrl ?? ''))
      add(nameOf(attachment.name, attachment.contentUrl ?? ''), {
        via: 'sharepoint',
        url: attachment.contentUrl ?? '',
      });
    else if (type === 'text/html' && typeof attachment.content === 'string')
      for (const link of sharePointLinks(attachment.content, activity.text ?? ''))
        add(nameOf(link.text, link.url), { via: 'sharepoint', url: link.url });
  }
  return files;
}

type Add = (name: string, source: FileSource, mimeType?: string) => void;

function downloadInfoFile(attachment: ActivityAttachment, add: Add): void {
  const content = typeof attachment.content === 'object' ? attachment.content : undefined;
  const name = nameOf(attachment.name, attachment.contentUrl ?? '', content?.fileType);
  const downloadUrl = content?.downloadUrl;
  if (downloadUrl) add(name, { via: 'download', url: downloadUrl }, mimeTypeOf(name));
  // Without a download URL only the SharePoint address is left, which the bot cannot read.
  else if (attachment.contentUrl)
    add(name, { via: 'sharepoint', url: attachment.contentUrl }, mimeTypeOf(name));
}

const isWebUrl = (url: string | undefined): url is string => !!url && /^https?:\/\//i.test(url);

/**
 * Links to SharePoint / OneDrive in the message's HTML that the person did not type (a typed link is
 * in the text too): what Teams shows of a file shared in a channel. The patterns stop at the next
 * `<` and have bounded lengths, so a hostile body is scanned in linear time.
 */
function sharePointLinks(html: string, text: string): { url: string; text: string }[] {
  const links: { url: string; text: string }[] = [];
  const anchors = /<a\s[^<>]{0,2000}?href="([^"<>\s]{1,4096})"[^<>]{0,2000}>([^<]{0,500})<\/a>/gi;
  for (const [, href = '', label = ''] of html.matchAll(anchors)) {
    const url = decodeHtml(href);
    if (isFileHostUrl(url) && !text.includes(href) && !text.includes(url))
      links.push({ url, text: decodeHtml(label) });
  }
  return links;
}

function decodeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

// eslint-disable-next-line no-control-regex -- control characters are what it removes
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** A file name fit to show and store: no path, no control characters, at most 200 characters. */
function nameOf(given: string | undefined, url: string, fileType?: string): string {
  const fromUrl = () => {
    try {
      return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
    } catch {
      return '';
    }
  };
  const raw = (given?.trim() || fromUrl()).split(/[\\/]/).pop() ?? '';
  const clean = raw.replace(CONTROL_CHARACTERS, '').trim().slice(-200);
  if (clean) return clean;
  return fileType ? `file.${fileType.replace(/[^a-z0-9]/gi, '').slice(0, 16)}` : 'file';
}

const IMAGE_EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
};

/** Pasted images come without a name: `image-1.png`, by their place in the message. */
function imageName(attachment: ActivityAttachment, place: number): string {
  if (attachment.name?.trim()) return nameOf(attachment.name, '');
  const type = attachment.contentType.toLowerCase();
  return `image-${place}.${IMAGE_EXTENSIONS[type] ?? 'png'}`;
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

function mimeTypeOf(name: string): string | undefined {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : MIME_TYPES[name.slice(dot + 1).toLowerCase()];
}
