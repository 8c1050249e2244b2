import type { IncomingFile } from '../../core/files';
import type { Inbound } from '../../core/inbound';
import type { SlackMessageReader } from './slack-message-reader';
import type { SlackPeople } from './slack-people';
import { decodeSlackText } from './slack-text';

type TicketRequest = Extract<Inbound, { kind: 'ticket_request' }>;

/**
 * What the worker fills in before the core sees a Slack event: the person's name, and the text with
 * Slack's markup (`<@U123>`, `&lt;`) turned back into what the person typed; the details of a file
 * its event named by id alone (Slack Connect: files.info); for a reaction asking for a ticket, the
 * message itself (its text, author and link) and whether a bot is involved. Done after the event is
 * recorded, so a slow users.info or files.info never delays Slack's acknowledgement.
 */
export function createSlackPrepare(
  people: Pick<SlackPeople, 'userRef' | 'nameOf'>,
  reader?: SlackMessageReader,
  fileInfo: (file: IncomingFile) => Promise<IncomingFile> = (file) => Promise.resolve(file),
) {
  async function ticketRequest(event: TicketRequest): Promise<TicketRequest> {
    const user = await people.userRef(event.user.id);
    if (!reader) return { ...event, user, unreadable: 'no reader' };
    if (await reader.isBot(event.user.id)) return { ...event, user, fromBot: true };
    const { channelId, messageId } = event.message;
    const read = await reader.read(channelId, messageId);
    if (read.kind === 'unreadable') return { ...event, user, unreadable: read.reason };
    const authorId = read.userId ?? event.author.id;
    return {
      ...event,
      user,
      author: await people.userRef(authorId),
      authorDm: { platform: 'slack', id: authorId },
      text: await decodeSlackText(read.text, people.nameOf),
      ...(read.link && { link: read.link }),
      fromBot: read.fromBot,
    };
  }

  return async (event: Inbound): Promise<Inbound> => {
    if (event.kind === 'ticket_request') return ticketRequest(event);
    const user = await people.userRef(event.user.id);
    if (event.kind === 'action') return { ...event, user };
    const files = event.files && { files: await Promise.all(event.files.map(fileInfo)) };
    return { ...event, user, text: await decodeSlackText(event.text, people.nameOf), ...files };
  };
}
