import type { IncomingFile } from '../../core/files';
import type { Inbound } from '../../core/inbound';
import type { SlackPeople } from './slack-people';
import { decodeSlackText } from './slack-text';

/**
 * What the worker fills in before the core sees a Slack event: the person's name, the text with
 * Slack's markup (`<@U123>`, `&lt;`) turned back into what the person typed, and the details of a
 * file its event named by id alone (Slack Connect: files.info). Done after the event is recorded,
 * so a slow users.info or files.info never delays Slack's acknowledgement.
 */
export function createSlackPrepare(
  people: Pick<SlackPeople, 'userRef' | 'nameOf'>,
  fileInfo: (file: IncomingFile) => Promise<IncomingFile>,
) {
  return async (event: Inbound): Promise<Inbound> => {
    const user = await people.userRef(event.user.id);
    if (event.kind === 'action') return { ...event, user };
    const files = event.files && { files: await Promise.all(event.files.map(fileInfo)) };
    return { ...event, user, text: await decodeSlackText(event.text, people.nameOf), ...files };
  };
}
