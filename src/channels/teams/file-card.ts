import type { KeptFile } from '../../core/files';
import type { Locale } from '../../core/locale';
import type { OutboundMessage } from '../../core/messages';
import { MAX_CARD_BYTES, renderCardActivity, type CardOptions } from './adaptive-card';
import { escapeUserText } from './card-text';
import type { CardActivity, CardElement, InlineImage } from './card-types';
import { truncate } from '../../core/text/truncate';
import { formatSize } from '../../core/workflow/file-messages';
import { teamsLabel } from './teams-labels';

/** A link to a kept file that Lapis serves (src/http/file-links.ts): signed, and expiring. */
export interface FileLink {
  readonly url: string;
  readonly expiresAt: Date;
}

/** Makes links to kept files; given to the Teams channel when Lapis serves them (PUBLIC_URL). */
export interface FileLinks {
  linkTo(fileId: string): FileLink;
}

/** Images a chat client shows as they are; anything else (SVG can carry script) is a link only. */
export const SHOWN_IMAGE_TYPES: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
];

export interface FileCardOptions extends CardOptions {
  readonly locale: Locale;
  readonly timeZone: string;
}

/**
 * A kept file as a Teams message (bots cannot upload into channels): the caption's card, then the
 * image for an image (a small one carried in the message itself, a larger one fetched by Teams from
 * its link), and a button that opens the link Lapis serves, with when the link stops working.
 * Without links (no PUBLIC_URL) it names the file and says Lapis keeps it.
 */
export function renderFileActivity(
  caption: OutboundMessage,
  file: KeptFile,
  bytes: Uint8Array,
  link: FileLink | undefined,
  options: FileCardOptions,
): CardActivity {
  const base = renderCardActivity(caption, options);
  const [card] = base.attachments;
  const shown = SHOWN_IMAGE_TYPES.includes(file.mimeType);
  const inline: InlineImage | undefined = shown
    ? {
        contentType: file.mimeType,
        contentUrl: `data:${file.mimeType};base64,${Buffer.from(bytes).toString('base64')}`,
        name: file.name,
      }
    : undefined;
  const build = (withInline: boolean): CardActivity => ({
    ...base,
    attachments: [
      {
        ...card,
        content: {
          ...card.content,
          body: [...card.content.body, ...fileElements(file, link, shown && !withInline, options)],
        },
      },
      ...(withInline && inline ? [inline] : []),
    ],
  });
  const withImage = inline ? build(true) : undefined;
  // Teams takes messages up to about 28 KB: a larger image goes by its link.
  if (withImage && Buffer.byteLength(JSON.stringify(withImage)) <= MAX_CARD_BYTES) return withImage;
  return build(false);
}

function fileElements(
  file: KeptFile,
  link: FileLink | undefined,
  showImage: boolean,
  options: FileCardOptions,
): CardElement[] {
  const { locale } = options;
  const size = formatSize(file.size, locale);
  if (!link)
    return [
      {
        type: 'TextBlock',
        wrap: true,
        text: escapeUserText(teamsLabel(locale, 'file_no_link', { name: file.name, size })),
      },
    ];
  const until = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: options.timeZone,
  }).format(link.expiresAt);
  return [
    ...(showImage
      ? [
          {
            type: 'Image' as const,
            url: link.url,
            altText: file.name,
            size: 'Auto' as const,
            selectAction: { type: 'Action.OpenUrl' as const, url: link.url },
          },
        ]
      : []),
    {
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.OpenUrl',
          title: teamsLabel(locale, 'file_open', { name: truncate(file.name, 80), size }),
          url: link.url,
        },
      ],
    },
    {
      type: 'TextBlock',
      wrap: true,
      size: 'Small',
      isSubtle: true,
      text: escapeUserText(teamsLabel(locale, 'file_link_until', { date: until })),
    },
  ];
}
