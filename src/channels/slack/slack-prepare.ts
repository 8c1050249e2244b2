import type { Inbound } from '../../core/inbound';
import type { SlackPeople } from './slack-people';
import { decodeSlackText } from './slack-text';

/**
 * What the worker fills in before the core sees a Slack event: the person's name, and the text with
 * Slack's markup (`<@U123>`, `&lt;`) turned back into what the person typed. Done after the event
 * is recorded, so a slow users.info never delays Slack's acknowledgement.
 */
export function createSlackPrepare(people: Pick<SlackPeople, 'userRef' | 'nameOf'>) {
  return async (event: Inbound): Promise<Inbound> => {
    const user = await people.userRef(event.user.id);
    if (event.kind === 'action') return { ...event, user };
    return { ...event, user, text: await decodeSlackText(event.text, people.nameOf) };
  };
}
