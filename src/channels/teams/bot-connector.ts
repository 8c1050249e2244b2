import type { Activity, CloudAdapter, ConversationParameters } from 'botbuilder';
import { ConnectorClient } from 'botframework-connector';
import { z } from 'zod';
import { callWithTimeout } from './call-with-timeout';
import type { CardActivity } from './card-types';
import { createConcurrencyLimit } from './concurrency-limit';
import { retryTransient, type RetryOptions } from './retry-transient';
import { serviceUrlRefusal, ServiceUrlRefused, type ServiceUrlPolicy } from './service-url-policy';
import { splitConversationId, threadConversationId } from './teams-ids';

/**
 * Outbound calls to the Bot Connector of a conversation's service URL, made proactively through the
 * CloudAdapter (continueConversationAsync with the stored reference) and its connector client:
 * POST /v3/conversations/{id}/activities to send, PUT .../activities/{activityId} to update, POST
 * /v3/conversations to start a new thread in a channel. Each call is retried only when Teams
 * turned it away (retry-transient.ts). A target whose service URL the policy refuses gets no request
 * at all (a stored reference may predate the policy); every request has a deadline, and at most
 * `concurrency` are in flight at once, so a slow or silent connector holds neither the outbox's
 * workers nor sockets for long. This interface is what the rest of the channel uses, so moving to
 * the Microsoft 365 Agents SDK replaces this file, not its callers.
 */
export interface ConversationTarget {
  readonly serviceUrl: string;
  readonly conversationId: string;
  readonly tenantId?: string;
  readonly botId?: string;
}

export interface TeamsConnector {
  /** Posts a message into a conversation (a personal chat or a thread); resolves to its activity id. */
  send(target: ConversationTarget, activity: CardActivity): Promise<string>;
  update(target: ConversationTarget, activityId: string, activity: CardActivity): Promise<void>;
  /** Starts a new conversation (a thread) in the channel `target.conversationId`. */
  createThread(
    target: ConversationTarget,
    activity: CardActivity,
  ): Promise<{ conversationId: string; activityId: string }>;
}

const resourceResponse = z.object({ id: z.string().min(1) });
const conversationResponse = z.object({
  id: z.string().min(1),
  activityId: z.string().min(1).nullish(),
});

export interface ConnectorOptions {
  readonly serviceUrls: ServiceUrlPolicy;
  /** Deadline of each request, in ms (TEAMS_CONNECTOR_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** Requests in flight at most (TEAMS_CONNECTOR_CONCURRENCY). */
  readonly concurrency: number;
  readonly retry?: RetryOptions;
}

/** What each connector operation is given: botbuilder passes both to the HTTP client. */
interface CallOptions {
  readonly abortSignal: AbortSignal;
  readonly timeout: number;
}

export function createBotConnector(
  adapter: CloudAdapter,
  appId: string,
  options: ConnectorOptions,
): TeamsConnector {
  const limit = createConcurrencyLimit(options.concurrency);
  const { timeoutMs } = options;
  /** One request: a slot, then the call with its deadline (each retry takes a slot of its own). */
  const request = <T>(call: (callOptions: CallOptions) => Promise<T>) =>
    limit(() =>
      callWithTimeout(timeoutMs, (abortSignal) => call({ abortSignal, timeout: timeoutMs })),
    );

  async function withConnector<T>(
    target: ConversationTarget,
    call: (client: ConnectorClient, callOptions: CallOptions) => Promise<T>,
  ): Promise<T> {
    const refusal = serviceUrlRefusal(target.serviceUrl, options.serviceUrls);
    if (refusal) throw new ServiceUrlRefused(refusal);
    let result: { value: T } | undefined;
    const reference = {
      channelId: 'msteams',
      serviceUrl: target.serviceUrl,
      conversation: { id: target.conversationId, isGroup: false, conversationType: '', name: '' },
      ...(target.botId ? { bot: { id: target.botId, name: '' } } : {}),
    };
    await adapter.continueConversationAsync(appId, reference, async (context) => {
      const client: unknown = context.turnState.get(adapter.ConnectorClientKey);
      if (!(client instanceof ConnectorClient))
        throw new Error('the proactive turn has no connector client');
      // A timeout is thrown at once, not retried here: the POST may have been posted. The outbox
      // tries the whole effect again later (at-least-once), as after any other failure.
      const attempt = () => request((callOptions) => call(client, callOptions));
      result = { value: await retryTransient(attempt, options.retry) };
    });
    if (!result) throw new Error('the proactive turn did not run');
    return result.value;
  }

  return {
    async send(target, activity) {
      return withConnector(target, async (client, callOptions) => {
        const response = await client.conversations.sendToConversation(
          target.conversationId,
          botActivity(target, activity),
          callOptions,
        );
        return resourceResponse.parse(response).id;
      });
    },

    async update(target, activityId, activity) {
      await withConnector(target, (client, callOptions) =>
        client.conversations.updateActivity(
          target.conversationId,
          activityId,
          { ...botActivity(target, activity), id: activityId },
          callOptions,
        ),
      );
    },

    async createThread(target, activity) {
      const response = await withConnector(target, async (client, callOptions) =>
        conversationResponse.parse(
          await client.conversations.createConversation(
            threadParameters(target, activity),
            callOptions,
          ),
        ),
      );
      const rootId = response.activityId ?? splitConversationId(response.id).rootId;
      if (!rootId)
        throw new Error(`Teams started a conversation without a message id: ${response.id}`);
      const conversationId = splitConversationId(response.id).rootId
        ? response.id
        : threadConversationId(target.conversationId, rootId);
      return { conversationId, activityId: rootId };
    },
  };
}

/**
 * The card as a Bot Framework Activity. The connector's types want a complete Activity (timestamps,
 * accounts...), of which an outgoing message needs only these fields.
 */
function botActivity(target: ConversationTarget, activity: CardActivity): Activity {
  const outgoing: Partial<Activity> = {
    ...activity,
    attachments: [...activity.attachments],
    channelId: 'msteams',
    serviceUrl: target.serviceUrl,
    conversation: {
      id: target.conversationId,
      isGroup: false,
      conversationType: '',
      name: '',
      ...(target.tenantId ? { tenantId: target.tenantId } : {}),
    },
    ...(target.botId ? { from: { id: target.botId, name: '' } } : {}),
  };
  return outgoing as Activity;
}

function threadParameters(
  target: ConversationTarget,
  activity: CardActivity,
): ConversationParameters {
  const parameters: Partial<ConversationParameters> = {
    isGroup: true,
    channelData: {
      channel: { id: target.conversationId },
      ...(target.tenantId ? { tenant: { id: target.tenantId } } : {}),
    },
    activity: botActivity(target, activity),
    ...(target.tenantId ? { tenantId: target.tenantId } : {}),
  };
  return parameters as ConversationParameters;
}
