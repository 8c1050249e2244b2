import type { SlackPerson } from '../slack-api-stub';
import { CHANNELS, dmChannelOf, PEOPLE } from '../slack-cast';

/**
 * Generated people, so that every DM of a scenario has its own sender and DM channel and an answer
 * can be matched to the message it answers. Ids follow Slack's shapes (U…, D…).
 */
export interface Employee extends SlackPerson {
  readonly dm: string;
}

const pad = (n: number) => String(n).padStart(5, '0');

/** `count` employees; `tag` (2 letters) keeps the scenarios of one run apart. */
export function employees(tag: string, count: number): Employee[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `UE${tag.toUpperCase()}${pad(i)}`;
    return { id, name: `Employee ${tag} ${i}`, dm: dmChannelOf({ id }) };
  });
}

export function agents(tag: string, count: number): SlackPerson[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `UA${tag.toUpperCase()}${pad(i)}`,
    name: `Agent ${tag} ${i}`,
  }));
}

/** What the Web API stub needs to know: everyone's name, and who is in the level channels. */
export function stubCast(people: readonly SlackPerson[]) {
  return {
    people: [...Object.values(PEOPLE), ...people],
    members: {
      [CHANNELS.l1]: ['UBOT00001', PEOPLE.rudi.id],
      [CHANNELS.l2]: ['UBOT00001', PEOPLE.dewi.id],
      [CHANNELS.l3]: ['UBOT00001'],
    },
  };
}
