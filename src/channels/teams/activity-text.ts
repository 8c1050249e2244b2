import { MAX_TEXT_LENGTH, type TeamsActivity } from './activity-schema';

/**
 * The text a person typed, as plain text: the bot's own @mention removed (channel messages must
 * mention it), other mentions as "@Name", the little HTML Teams may send turned into lines, and
 * entities decoded. The result is escaped again wherever it is shown.
 */
export function plainText(activity: TeamsActivity): string {
  let text = activity.text ?? '';
  const botId = activity.recipient?.id;
  for (const entity of activity.entities ?? []) {
    if (entity.type === 'mention' && botId && entity.mentioned?.id === botId && entity.text)
      text = text.split(entity.text).join(' ');
  }
  return htmlToText(text);
}

/**
 * A message's HTML body as Teams gives it to a message action (`messagePayload.body.content`): the
 * same conversion, and every other tag (links, images, attachments) dropped, as in HTML a `<` the
 * person typed comes as `&lt;`.
 */
export function messageBodyText(content: string, contentType: string | undefined): string {
  if (contentType !== 'html') return tidy(content);
  const lines = content
    .replace(/<at[^<>]{0,200}>([^<]{0,500})<\/at>/gi, '@$1')
    .replace(/<br[ \t]{0,20}\/?>|<\/p>|<\/div>|<\/li>/gi, '\n');
  return htmlToText(lines.replace(/<\/?[a-z][a-z0-9]{0,20}([ \t\n][^<>]{0,1000})?\/?>/gi, ''));
}

function htmlToText(html: string): string {
  let text = html;
  // Every tag pattern stops at the next `<` and has a bounded length, so a message of half-open tags
  // (`<p <p <p ...`) is scanned a bounded number of times, not once per tag start (quadratic).
  text = text
    .replace(/<at[^<>]{0,200}>([^<]{0,500})<\/at>/gi, '@$1')
    // A pasted image is an attachment of its own; its <img> in the text is no text.
    .replace(/<img[^<>]{0,4000}>/gi, '')
    .replace(/<br[ \t]{0,20}\/?>|<\/p>|<\/div>/gi, '\n')
    .replace(/<\/?(p|div|span|b|i|u|strong|em|s)([ \t\n][^<>]{0,1000})?>/gi, '');
  return tidy(decodeEntities(text));
}

/** Runs of spaces as one, no spaces around line breaks, at most MAX_TEXT_LENGTH characters. */
function tidy(text: string): string {
  return text
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim()
    .slice(0, MAX_TEXT_LENGTH);
}

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#')) {
      const code = lower.startsWith('#x')
        ? parseInt(lower.slice(2), 16)
        : parseInt(lower.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[lower] ?? whole;
  });
}
