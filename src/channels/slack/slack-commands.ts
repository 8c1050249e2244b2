import type { App } from '@slack/bolt';
import { commandText, parseEmployeeCommand } from '../../core/employee-commands';
import { parseCommand, parseMessageShortcut } from './slack-inbound';
import { label } from './slack-labels';
import type { SlackRuntime } from './slack-runtime';

export const SLASH_COMMAND = '/helpdesk';
export const TICKET_SHORTCUT = 'create_it_ticket';

/**
 * `/helpdesk ...` as the text the core understands in a DM: a command of the core's grammar
 * (employee-commands.ts, with the short forms a command line allows: `/helpdesk`, `/helpdesk status`,
 * `/helpdesk ticket IT-123`) in its canonical words, and anything else as the employee's question.
 */
export function commandToText(raw: string): string {
  const command = parseEmployeeCommand(raw, 'command_line');
  return command ? commandText(command) : raw.trim();
}

/**
 * The slash command and the "Create IT ticket" message shortcut both start a DM conversation with
 * the core: it answers in the person's DM with the bot (conversations.open). Each is recorded before
 * it is acknowledged (a failure is an error Slack shows the person); the trigger id is its delivery id.
 * A command typed in a channel is acknowledged with a private pointer to that DM.
 */
export function registerCommands(app: App, rt: SlackRuntime): void {
  app.command(SLASH_COMMAND, async ({ ack, body }) => {
    const input = parseCommand(body);
    if (!input) return void (await ack());
    await rt.accept({
      kind: 'direct_message',
      deliveryId: `command:${input.triggerId}`,
      user: { platform: 'slack', id: input.userId },
      dm: { platform: 'slack', id: input.userId },
      text: commandToText(input.text),
    });
    const hint = label(rt.config.DEFAULT_LOCALE, 'command_in_dm');
    await ack(input.inDirectMessage ? undefined : { response_type: 'ephemeral', text: hint });
  });

  app.shortcut(TICKET_SHORTCUT, async ({ ack, body }) => {
    const input = parseMessageShortcut(body);
    if (!input) return void (await ack());
    const dm = { platform: 'slack' as const, id: input.userId };
    // An empty message (an image, a file) has nothing to ask about: the core answers with help.
    await rt.accept({
      kind: 'direct_message',
      deliveryId: `shortcut:${input.triggerId}`,
      user: { platform: 'slack', id: input.userId },
      dm,
      text: input.text.trim() || 'help',
    });
    await ack();
  });
}
