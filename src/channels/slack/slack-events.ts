import type { App } from '@slack/bolt';
import type { Inbound } from '../../core/inbound';
import { homeView } from './slack-home';
import {
  parseHomeOpened,
  parseMentionEvent,
  parseMessageEvent,
  type SlackMessageInput,
} from './slack-inbound';
import type { SlackRuntime } from './slack-runtime';
import { decodeSlackText, stripMention } from './slack-text';

/**
 * Events API listeners: DMs to the bot, replies in ticket threads, mentions, and the App Home tab.
 * Bolt acknowledges events itself; over HTTP the reply waits for the work up to the ack budget, so a
 * failure (the database is down) becomes a 500 and Slack's retry is processed later, while a
 * redelivery of something already handled is dropped by the core on its `event_id`.
 */
export function registerEventListeners(app: App, rt: SlackRuntime): void {
  app.event('message', async ({ body }) => {
    const input = parseMessageEvent(body, rt.levelChannels);
    if (input) await rt.runner.within(() => handleMessage(rt, input));
  });

  app.event('app_mention', async ({ body }) => {
    const input = parseMentionEvent(body, rt.levelChannels);
    if (!input) return;
    await rt.runner.within(async () => {
      const text = await decodeSlackText(
        stripMention(input.text, rt.botUserId()),
        rt.people.nameOf,
      );
      await rt.helpdesk().handle({
        kind: 'direct_message',
        deliveryId: input.deliveryId,
        user: await rt.people.userRef(input.userId),
        dm: { platform: 'slack', id: input.userId },
        text: text || 'help',
      });
    });
  });

  app.event('app_home_opened', async ({ body }) => {
    const input = parseHomeOpened(body);
    if (!input) return;
    await rt.runner.within(async () => {
      const view = await homeView({
        user: await rt.people.userRef(input.userId),
        tickets: rt.tickets,
        agents: rt.agents,
        defaultLocale: rt.config.DEFAULT_LOCALE,
      });
      await rt.client.views.publish({ user_id: input.userId, view });
    });
  });
}

async function handleMessage(rt: SlackRuntime, input: SlackMessageInput): Promise<void> {
  const user = await rt.people.userRef(input.userId);
  const text = await decodeSlackText(input.text, rt.people.nameOf);
  const event: Inbound =
    input.kind === 'dm'
      ? {
          kind: 'direct_message',
          deliveryId: input.deliveryId,
          user,
          dm: { platform: 'slack', id: input.channelId },
          text,
        }
      : {
          kind: 'thread_message',
          deliveryId: input.deliveryId,
          user,
          thread: { platform: 'slack', channelId: input.channelId, threadId: input.threadTs },
          text,
        };
  await rt.helpdesk().handle(event);
}
