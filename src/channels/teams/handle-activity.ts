import type { Helpdesk } from '../../core/inbound';
import type { Logger } from '../../logging/logger';
import { referencesOf } from './activity-references';
import type { TeamsActivity } from './activity-schema';
import type { ConversationStore } from '../../core/ports/teams-references';
import { classifyActivity, MESSAGE_ACTION_INVOKE } from './parse-activity';
import type { TeamsIdentities } from './teams-agent-directory';

/** The HTTP answer to an activity: 200, with an invoke response body for Action.Execute. */
export interface TurnResult {
  readonly status: number;
  readonly body?: unknown;
}

/** What Teams shows after an Action.Execute: nothing to add, the card or a message follows. */
const INVOKE_OK = {
  statusCode: 200,
  type: 'application/vnd.microsoft.activity.message',
  value: 'OK',
} as const;

export interface ActivityHandlerDeps {
  readonly store: ConversationStore;
  readonly identities: TeamsIdentities;
  readonly helpdesk: Pick<Helpdesk, 'accept'>;
  readonly log: Logger;
}

/**
 * One authenticated activity: remember where it came from (conversation references, the sender's
 * Teams id), then record what the core cares about in its inbox before Teams gets its 200. The
 * inbox drops redeliveries (Teams resends an activity it got no answer to within 15 s) by the
 * activity id. A failure to record it is thrown, so the request fails and Teams delivers it again.
 */
export async function handleActivity(
  activity: TeamsActivity,
  deps: ActivityHandlerDeps,
): Promise<TurnResult> {
  deps.identities.learn(activity.from);
  await deps.store.remember(referencesOf(activity)).catch((err: unknown) => {
    deps.log.warn({ err }, 'could not store a Teams conversation reference');
  });
  const classified = classifyActivity(activity);
  if (classified.kind === 'ignored') {
    deps.log.debug(
      { type: activity.type, id: activity.id, reason: classified.reason },
      'Teams activity ignored',
    );
  } else {
    await deps.helpdesk.accept(classified.event);
  }
  if (activity.type !== 'invoke') return { status: 200 };
  if (activity.name === 'adaptiveCard/action') return { status: 200, body: INVOKE_OK };
  // A message action: recorded above, so answered at once (Teams waits 5 s); the person hears
  // what came of it privately, from the core.
  if (activity.name === MESSAGE_ACTION_INVOKE) return { status: 200, body: {} };
  // Other invokes (task modules, sign-in...) are not Lapis's: 501, as botbuilder answers them.
  return { status: 501 };
}
