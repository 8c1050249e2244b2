import { z } from 'zod';
import { callWithTimeout } from './call-with-timeout';
import type { CardActivity } from './card-types';
import { createConcurrencyLimit } from './concurrency-limit';
import { retryTransient, type RetryOptions } from './retry-transient';
import { serviceUrlRefusal, ServiceUrlRefused, type ServiceUrlPolicy } from './service-url-policy';
import { splitConversationId, threadConversationId } from './teams-ids';

/**
 * Outbound calls to the Bot Connector of a conversation's service URL, made proactively (the SDK's
 * continueConversation with the stored reference) through the SDK's connector client: POST
 * /v3/conversations/{id}/activities to send, PUT .../activities/{activityId} to update, POST
 * /v3/conversations to start a new thread in a channel. Each call is retried only when Teams
 * turned it away (retry-transient.ts). A target whose service URL the policy refuses gets no request
 * at all (a stored reference may predate the policy); every request has a deadline, and at most
 * `concurrency` are in flight at once, so a slow or silent connector holds neither the outbox's
 * workers nor sockets for long. All of that is here, once; each SDK only provides its
 * ConnectorTransport (botbuilder-host.ts, agents-host.ts).
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
  /**
   * The Authorization header the bot's calls to the connector at `serviceUrl` carry (its own token;
   * none without an app id), to fetch what that connector holds for it (a pasted image). Refused,
   * as every call is, for a service URL outside the policy.
   */
  authorization(serviceUrl: string): Promise<string | undefined>;
}

export interface ConnectorOptions {
  readonly serviceUrls: ServiceUrlPolicy;
  /** Deadline of each request, in ms (TEAMS_CONNECTOR_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** Requests in flight at most (TEAMS_CONNECTOR_CONCURRENCY). */
  readonly concurrency: number;
  readonly retry?: RetryOptions;
}

/** What each request is given: the signal aborts it at its deadline. */
export interface CallOptions {
  readonly abortSignal: AbortSignal;
  readonly timeout: number;
}

/** A message as the Bot Connector takes it (both SDKs send these fields as they are). */
export interface OutgoingActivity extends CardActivity {
  readonly id?: string;
  readonly channelId: 'msteams';
  readonly serviceUrl: string;
  readonly conversation: { readonly id: string; readonly tenantId?: string };
  readonly from?: { readonly id: string };
}

/** The body of POST /v3/conversations that starts a thread in a channel. */
export interface ThreadParameters {
  readonly isGroup: true;
  readonly channelData: {
    readonly channel: { readonly id: string };
    readonly tenant?: { readonly id: string };
  };
  readonly activity: OutgoingActivity;
  readonly tenantId?: string;
}

/** The three Bot Connector calls, as one SDK's connector client makes them. */
export interface ConnectorCalls {
  sendToConversation(
    conversationId: string,
    activity: OutgoingActivity,
    options: CallOptions,
  ): Promise<unknown>;
  updateActivity(
    conversationId: string,
    activityId: string,
    activity: OutgoingActivity,
    options: CallOptions,
  ): Promise<unknown>;
  createConversation(parameters: ThreadParameters, options: CallOptions): Promise<unknown>;
}

/**
 * One SDK's way to the connector: runs `use` in a proactive turn for `target`, with a connector
 * client for the target's service URL that carries the bot's token. A failed call throws an error
 * with the HTTP `statusCode` (and `response.headers`) that retry-transient.ts reads.
 */
export interface ConnectorTransport {
  proactive<T>(target: ConversationTarget, use: (calls: ConnectorCalls) => Promise<T>): Promise<T>;
  /** The Authorization header of the connector client for `target` (undefined: none). */
  authorization(target: ConversationTarget): Promise<string | undefined>;
}

/** The conversation of a proactive turn that only asks for the bot's token: no request names it. */
export const TOKEN_ONLY_CONVERSATION = 'lapis:token-only';

const resourceResponse = z.object({ id: z.string().min(1) });
const conversationResponse = z.object({
  id: z.string().min(1),
  activityId: z.string().min(1).nullish(),
});

export function createTeamsConnector(
  transport: ConnectorTransport,
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
    call: (calls: ConnectorCalls, callOptions: CallOptions) => Promise<T>,
  ): Promise<T> {
    const refusal = serviceUrlRefusal(target.serviceUrl, options.serviceUrls);
    if (refusal) throw new ServiceUrlRefused(refusal);
    return transport.proactive(target, (calls) => {
      // A timeout is thrown at once, not retried here: the POST may have been posted. The outbox
      // tries the whole effect again later (at-least-once), as after any other failure.
      const attempt = () => request((callOptions) => call(calls, callOptions));
      return retryTransient(attempt, options.retry);
    });
  }

  return {
    async send(target, activity) {
      return withConnector(target, async (calls, callOptions) => {
        const response = await calls.sendToConversation(
          target.conversationId,
          outgoingActivity(target, activity),
          callOptions,
        );
        return resourceResponse.parse(response).id;
      });
    },

    async update(target, activityId, activity) {
      await withConnector(target, (calls, callOptions) =>
        calls.updateActivity(
          target.conversationId,
          activityId,
          { ...outgoingActivity(target, activity), id: activityId },
          callOptions,
        ),
      );
    },

    async createThread(target, activity) {
      const response = await withConnector(target, async (calls, callOptions) =>
        conversationResponse.parse(
          await calls.createConversation(threadParameters(target, activity), callOptions),
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

    async authorization(serviceUrl) {
      const refusal = serviceUrlRefusal(serviceUrl, options.serviceUrls);
      if (refusal) throw new ServiceUrlRefused(refusal);
      // The token may have to be fetched from Entra ID, within the same deadline as any call.
      return callWithTimeout(timeoutMs, () =>
        transport.authorization({ serviceUrl, conversationId: TOKEN_ONLY_CONVERSATION }),
      );
    },
  };
}

/** The card as a Bot Framework Activity: of a whole Activity, an outgoing message needs these. */
function outgoingActivity(target: ConversationTarget, activity: CardActivity): OutgoingActivity {
  return {
    ...activity,
    channelId: 'msteams',
    serviceUrl: target.serviceUrl,
    conversation: {
      id: target.conversationId,
      ...(target.tenantId ? { tenantId: target.tenantId } : {}),
    },
    ...(target.botId ? { from: { id: target.botId } } : {}),
  };
}

function threadParameters(target: ConversationTarget, activity: CardActivity): ThreadParameters {
  return {
    isGroup: true,
    channelData: {
      channel: { id: target.conversationId },
      ...(target.tenantId ? { tenant: { id: target.tenantId } } : {}),
    },
    activity: outgoingActivity(target, activity),
    ...(target.tenantId ? { tenantId: target.tenantId } : {}),
  };
}
