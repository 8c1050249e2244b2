import type { App } from '@slack/bolt';
import type { Inbound } from '../../core/inbound';
import { homeView } from './slack-home';
import type { SlackMessageInput, SlackReactionInput } from './slack-inbound';
import { takenInput } from './slack-input-context';
import type { SlackRuntime } from './slack-runtime';
import { stripMention } from './slack-text';

/**
 * Events API listeners: DMs to the bot, replies in ticket threads, mentions, the ticket reaction
 * (TICKET_REACTION) on a message, and the App Home tab,
 * each as the receiver read it. Slack gets its 200 only once the listener returned, that is once
 * the event is recorded in the inbox; a failure to record it is a 5xx and Slack retries. Names,
 * mentions and what files.info says of a file are filled in later, by the worker (see
 * slack-prepare.ts); a message's files are fetched by the worker too, never while Slack waits.
 */
export function registerEventListeners(app: App, rt: SlackRuntime): void {
  app.event('message', async ({ context }) => {
    const input = takenInput(context, 'message')?.message;
    if (input) await rt.accept(messageEvent(input));
  });

  app.event('app_mention', async ({ context }) => {
    const input = takenInput(context, 'mention')?.mention;
    if (!input) return;
    await rt.accept({
      kind: 'direct_message',
      deliveryId: input.deliveryId,
      user: { platform: 'slack', id: input.userId },
      dm: { platform: 'slack', id: input.userId },
      text: stripMention(input.text, rt.botUserId()).trim() || 'help',
    });
  });

  app.event('reaction_added', async ({ context }) => {
    const input = takenInput(context, 'reaction')?.reaction;
    if (!input || input.reaction !== rt.config.TICKET_REACTION) return;
    // The bot's own reactions, and reactions on its own messages, ask nothing of it.
    const bot = rt.botUserId();
    if (input.userId === bot || input.authorId === bot) return;
    await rt.accept(ticketRequest(input));
  });

  app.event('app_home_opened', async ({ context }) => {
    const input = takenInput(context, 'home_opened');
    if (!input) return;
    // A read-only view: nothing to record, and a failure only leaves the tab as it was.
    try {
      const view = await homeView({
        user: await rt.people.userRef(input.userId),
        tickets: rt.tickets(),
        agents: rt.agents,
        defaultLocale: rt.config.DEFAULT_LOCALE,
        agentLocale: rt.config.AGENT_LOCALE,
      });
      await rt.client.views.publish({ user_id: input.userId, view });
    } catch (err) {
      rt.log.warn({ err }, 'could not publish the App Home tab');
    }
  });
}

/** "Make a ticket of this message": the message is read when the event is worked (slack-prepare). */
function ticketRequest(input: SlackReactionInput): Inbound {
  return {
    kind: 'ticket_request',
    deliveryId: input.deliveryId,
    user: { platform: 'slack', id: input.userId },
    replyTo: { platform: 'slack', id: input.userId },
    message: { platform: 'slack', channelId: input.channelId, messageId: input.ts },
    author: { platform: 'slack', id: input.authorId },
    authorDm: { platform: 'slack', id: input.authorId },
  };
}

function messageEvent(input: SlackMessageInput): Inbound {
  const user = { platform: 'slack' as const, id: input.userId };
  const files = input.files && { files: input.files };
  return input.kind === 'dm'
    ? {
        kind: 'direct_message',
        deliveryId: input.deliveryId,
        user,
        dm: { platform: 'slack', id: input.channelId },
        text: input.text,
        ...files,
      }
    : {
        kind: 'thread_message',
        deliveryId: input.deliveryId,
        user,
        thread: { platform: 'slack', channelId: input.channelId, threadId: input.threadTs },
        text: input.text,
        ...files,
      };
}
