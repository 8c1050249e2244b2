import { tenantOf } from './activity-admission';
import type { TeamsActivity } from './activity-schema';
import type { TeamsReference } from '../../core/ports/teams-references';
import { scopeOf, TEAMS_CHANNELS, userOf } from './parse-activity';
import { splitConversationId } from './teams-ids';

/**
 * The conversation references an (authenticated) activity teaches: its tenant's service URL, the
 * person's personal chat, or the channel it came from. Stored on every activity, including
 * conversationUpdate and installationUpdate, so the bot can post to a channel or a person later.
 */
export function referencesOf(activity: TeamsActivity): TeamsReference[] {
  if (!(TEAMS_CHANNELS as readonly string[]).includes(activity.channelId)) return [];
  if (activity.recipient && activity.from.id === activity.recipient.id) return [];
  const tenantId = tenantOf(activity);
  const common = {
    serviceUrl: activity.serviceUrl,
    ...(tenantId ? { tenantId } : {}),
    ...(activity.recipient ? { botId: activity.recipient.id } : {}),
  };
  const conversationId = activity.conversation.id;
  // The tenant's reference is only its service URL: it carries no conversation of its own (and so
  // stays the same, and is not written again, whatever conversation the activity came from).
  const tenantKey = tenantId ?? 'unknown';
  const refs: TeamsReference[] = [
    { kind: 'tenant', ownerId: tenantKey, conversationId: tenantKey, ...common },
  ];
  const scope = scopeOf(activity);
  if (scope === 'personal') {
    refs.push({
      kind: 'personal',
      ownerId: conversationId,
      conversationId,
      userId: userOf(activity).id,
      ...common,
    });
  } else if (scope === 'thread' || scope === 'channel') {
    const channelId =
      activity.channelData?.channel?.id ?? splitConversationId(conversationId).channelId;
    refs.push({ kind: 'channel', ownerId: channelId, conversationId: channelId, ...common });
  }
  return refs;
}
