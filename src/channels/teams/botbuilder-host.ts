import {
  CloudAdapter,
  type Activity,
  type ConversationParameters,
  type ConversationReference,
} from 'botbuilder';
import { AppCredentials, ConnectorClient } from 'botframework-connector';
import type { BotHostOptions, TeamsBotHost } from './bot-host';
import { LapisBotAuthentication } from './botbuilder-authentication';
import {
  createTeamsConnector,
  type ConnectorCalls,
  type ConnectorTransport,
  type ConversationTarget,
} from './teams-connector';

/**
 * The Teams bot host on botbuilder 4.23.3 (TEAMS_SDK=botbuilder, the default): its CloudAdapter runs
 * each authenticated turn, and proactive sends go through continueConversationAsync and the turn's
 * connector client (its own retry policy removed: botbuilder-authentication.ts).
 */
export function createBotbuilderHost(options: BotHostOptions): TeamsBotHost {
  const authentication = new LapisBotAuthentication(options.credentials, options.endpoints);
  const adapter = new CloudAdapter(authentication);
  const appId = options.credentials.appId ?? '';
  return {
    authEnabled: Boolean(options.credentials.appId),
    connector: createTeamsConnector(botbuilderTransport(adapter, appId), options.connector),
    async authenticate(body, authHeader) {
      // The body passed zod's Activity schema (request-guard.ts); botbuilder reads it as an Activity.
      const activity = body as unknown as Activity;
      const auth = await authentication.authenticateRequest(activity, authHeader);
      return {
        async run<T>(turn: () => Promise<T>): Promise<T> {
          let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
          await adapter.processActivityDirect(auth, activity, async () => {
            try {
              outcome = { ok: true, value: await turn() };
            } catch (error) {
              outcome = { ok: false, error };
            }
          });
          if (!outcome) throw new Error('the adapter did not run the turn');
          if (!outcome.ok) throw outcome.error;
          return outcome.value;
        },
      };
    },
  };
}

/** A stored target as botbuilder's ConversationReference (its `bot` is the Agents SDK's `agent`). */
export function botbuilderReference(target: ConversationTarget): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl: target.serviceUrl,
    conversation: { id: target.conversationId, isGroup: false, conversationType: '', name: '' },
    ...(target.botId ? { bot: { id: target.botId, name: '' } } : {}),
  };
}

function botbuilderTransport(adapter: CloudAdapter, appId: string): ConnectorTransport {
  /** Runs `use` with the connector client of a proactive turn for `target`. */
  async function withClient<T>(
    target: ConversationTarget,
    use: (client: ConnectorClient) => Promise<T>,
  ): Promise<T> {
    let result: { value: T } | undefined;
    await adapter.continueConversationAsync(appId, botbuilderReference(target), async (context) => {
      const client: unknown = context.turnState.get(adapter.ConnectorClientKey);
      if (!(client instanceof ConnectorClient))
        throw new Error('the proactive turn has no connector client');
      result = { value: await use(client) };
    });
    if (!result) throw new Error('the proactive turn did not run');
    return result.value;
  }
  return {
    proactive: (target, use) => withClient(target, (client) => use(botbuilderCalls(client))),
    // The client's credentials are the bot's (none without an app id: MicrosoftAppCredentials.Empty).
    authorization: (target) =>
      withClient(target, async ({ credentials }) =>
        credentials instanceof AppCredentials && credentials.appId
          ? `Bearer ${await credentials.getToken()}`
          : undefined,
      ),
  };
}

/**
 * botbuilder's connector operations take the abort signal and timeout as they are. Its types want
 * complete Activities (timestamps, accounts...), of which an outgoing message needs only the fields
 * it has.
 */
function botbuilderCalls(client: ConnectorClient): ConnectorCalls {
  return {
    sendToConversation: (conversationId, activity, callOptions) =>
      client.conversations.sendToConversation(
        conversationId,
        activity as unknown as Activity,
        callOptions,
      ),
    updateActivity: (conversationId, activityId, activity, callOptions) =>
      client.conversations.updateActivity(
        conversationId,
        activityId,
        activity as unknown as Activity,
        callOptions,
      ),
    createConversation: (parameters, callOptions) =>
      client.conversations.createConversation(
        parameters as unknown as ConversationParameters,
        callOptions,
      ),
  };
}
