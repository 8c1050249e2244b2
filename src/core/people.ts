/** Where a person or conversation lives; every reference carries it, so the core assumes no platform. */
export type Platform = 'slack' | 'teams' | 'console';

export interface UserRef {
  readonly platform: Platform;
  readonly id: string;
  readonly name?: string;
}

/** A direct conversation with one employee (Slack IM channel, Teams personal chat, console DM). */
export interface ConversationRef {
  readonly platform: Platform;
  readonly id: string;
}

/** The root message of a ticket's thread in a level's channel: the ticket card. */
export interface ThreadRef {
  readonly platform: Platform;
  readonly channelId: string;
  readonly threadId: string;
}

/** A message the bot sent, so it can be updated in place. */
export interface MessageRef {
  readonly platform: Platform;
  readonly channelId: string;
  readonly messageId: string;
}

export function sameUser(a: UserRef | undefined, b: UserRef | undefined): boolean {
  return !!a && !!b && a.platform === b.platform && a.id === b.id;
}

export function displayName(user: UserRef): string {
  return user.name ?? user.id;
}
