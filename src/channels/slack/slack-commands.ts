import type { App } from '@slack/bolt';
import { SLASH_COMMAND, TICKET_SHORTCUT } from './slack-command-names';
import { takenInput } from './slack-input-context';
import { label } from './slack-labels';
import type { SlackRuntime } from './slack-runtime';

/**
 * The slash command and the "Create IT ticket" message shortcut both start a DM conversation with
 * the core: it answers in the person's DM with the bot (conversations.open). Each is recorded before
 * it is acknowledged (a failure is an error Slack shows the person); the trigger id is its delivery id.
 * `/helpdesk ...` reaches the core as read once, with the core's grammar (slack-inbound): a command
 * (`/helpdesk`, `/helpdesk status`, `/helpdesk ticket IT-123`) as the command, anything else as the
 * employee's question. A command typed in a channel is acknowledged with a private pointer to the
 * DM.
 */
export function registerCommands(app: App, rt: SlackRuntime): void {
  app.command(SLASH_COMMAND, async ({ ack, context }) => {
    const input = takenInput(context, 'command')?.command;
    if (!input) return void (await ack());
    await rt.accept({
      kind: 'direct_message',
      deliveryId: `command:${input.triggerId}`,
      user: { platform: 'slack', id: input.userId },
      dm: { platform: 'slack', id: input.userId },
      text: input.text,
      ...(input.command && { command: input.command }),
    });
    const hint = label(rt.config.DEFAULT_LOCALE, 'command_in_dm');
    await ack(input.inDirectMessage ? undefined : { response_type: 'ephemeral', text: hint });
  });

  app.shortcut(TICKET_SHORTCUT, async ({ ack, context }) => {
    const input = takenInput(context, 'shortcut')?.shortcut;
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
