/** The names the Slack app's manifest declares (manifest/slack/manifest.json): the one slash command and the message shortcut. */
export const SLASH_COMMAND = '/helpdesk';
export const TICKET_SHORTCUT = 'create_it_ticket';
