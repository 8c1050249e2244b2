/**
 * Every Slack Web API method Lapis calls, and the bot scopes it needs (any one of a list will do
 * for a conversation of that kind; Lapis asks for all of them). The manifest test checks the code
 * calls nothing outside this table and the manifest asks for exactly these scopes; the end-to-end
 * tests check the loopback Web API saw nothing outside it.
 */
export const METHOD_SCOPES: Readonly<Record<string, readonly string[]>> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'conversations.open': ['im:write'],
  // L1/L2/L3 channels may be public (channels:read) or private (groups:read).
  'conversations.members': ['channels:read', 'groups:read'],
  'users.info': ['users:read'],
  // The message a ticket reaction is on, in a public or a private channel, and its link.
  'conversations.history': ['channels:history', 'groups:history'],
  'conversations.replies': ['channels:history', 'groups:history'],
  'chat.getPermalink': [],
  // Files people share (Slack Connect files are described by files.info), and files the bot uploads.
  'files.info': ['files:read'],
  'files.getUploadURLExternal': ['files:write'],
  'files.completeUploadExternal': ['files:write'],
  'views.open': [],
  'views.publish': [],
};

/** Scopes the subscribed events and features need. */
export const EVENT_SCOPES: Readonly<Record<string, readonly string[]>> = {
  'message.im': ['im:history'],
  'message.channels': ['channels:history'],
  'message.groups': ['groups:history'],
  app_mention: ['app_mentions:read'],
  app_home_opened: [],
  reaction_added: ['reactions:read'],
};

/** Slash commands and shortcuts need `commands`. */
export const FEATURE_SCOPES = ['commands'] as const;
