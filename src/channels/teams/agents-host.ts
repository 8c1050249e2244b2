import { Activity, type ConversationReference } from '@microsoft/agents-activity';
import {
  CloudAdapter,
  ConnectorClient,
  HttpClient,
  HttpError,
  type HttpRequestConfig,
  type HttpResponse,
  type OutboundUrlPolicy,
  type Request,
  type TurnContext,
  type WebResponse,
} from '@microsoft/agents-hosting';
import { agentsAuthConfiguration } from './agents-auth-config';
import type { BotHostOptions, TeamsBotHost } from './bot-host';
import { callWithTimeout } from './call-with-timeout';
import { serviceUrlRefusal } from './service-url-policy';
import {
  createTeamsConnector,
  type CallOptions,
  type ConnectorCalls,
  type ConnectorTransport,
  type ConversationTarget,
  type OutgoingActivity,
} from './teams-connector';
import { TeamsSetupError } from './teams-settings';

/**
 * The Teams bot host on the Microsoft 365 Agents SDK (TEAMS_SDK=agents), with botbuilder-host.ts's
 * guarantees:
 * - inbound tokens are checked by the SDK's own JWT validation (CloudAdapter.authorizeRequest:
 *   signature against the published keys, audience, expiry, issuer), and then, as botbuilder does,
 *   that the token was issued for the activity's service URL (the `serviceurl` claim), which the SDK
 *   alone only compares by host, and only inside `process`;
 * - the turn itself is Lapis's (record the activity, answer): the SDK's `process` would fetch the
 *   bot's outbound token before every turn, making intake depend on Entra ID, and writes the
 *   response itself, where the request guard answers;
 * - outbound calls run in continueConversation with the stored reference (the SDK's `agent` is
 *   botbuilder's `bot`), through the SDK's ConnectorClient, whose calls take no abort signal: a
 *   client around the same HTTP client adds one, so a deadline drops the request; the bot's token
 *   (MSAL, before the turn's logic starts) is fetched within the deadline too;
 * - the SDK's own outbound-host check is given Lapis's service-URL policy, a second lock on the same
 *   door, and a failed turn never reaches the SDK's default error handler, which would post "The
 *   agent encountered an error or bug." into the conversation.
 */
export function createAgentsHost(options: BotHostOptions): TeamsBotHost {
  const { credentials, connector } = options;
  const hostPolicy: OutboundUrlPolicy = {
    enabled: true,
    isAllowed: (url) =>
      url !== null && url !== undefined && !serviceUrlRefusal(String(url), connector.serviceUrls),
  };
  let adapter: CloudAdapter;
  try {
    const config = agentsAuthConfiguration(credentials, options.endpoints);
    adapter = new CloudAdapter(config, undefined, undefined, undefined, hostPolicy);
  } catch (error) {
    if (error instanceof TeamsSetupError) throw error;
    // E.g. no app id under NODE_ENV=production: the SDK refuses its anonymous (Emulator) mode.
    throw new TeamsSetupError(
      `the Microsoft 365 Agents SDK refused its configuration: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const authEnabled = Boolean(credentials.appId);
  return {
    authEnabled,
    connector: createTeamsConnector(
      agentsTransport(adapter, credentials.appId, connector.timeoutMs),
      connector,
    ),
    async authenticate(activity, authHeader) {
      if (authEnabled) {
        const claims = await verifiedClaims(adapter, authHeader);
        if (claims.serviceurl !== activity.serviceUrl)
          throw new Error("the token was not issued for the activity's service URL");
      }
      return { run: (turn) => turn() };
    },
  };
}

type Claims = NonNullable<Request['user']>;

/** The token's claims once the SDK's JWT middleware has validated it; rejects with its reason. */
async function verifiedClaims(adapter: CloudAdapter, authHeader: string): Promise<Claims> {
  const request: Request = { method: 'POST', headers: { authorization: authHeader } };
  const refusal = refusalRecorder();
  let passed = false;
  await adapter.authorizeRequest(request, refusal.response, () => {
    passed = true;
  });
  if (!passed || !request.user) throw new Error(refusal.reason());
  return request.user;
}

/** A stand-in response for the middleware: what it would have answered becomes the reason. */
function refusalRecorder(): { response: WebResponse; reason(): string } {
  let status: number | undefined;
  let body: unknown;
  const response: WebResponse = {
    status(code) {
      status = code;
      return this;
    },
    setHeader() {
      return this;
    },
    send(content) {
      body = content;
      return this;
    },
    end() {
      return this;
    },
    headersSent: false,
    writableEnded: false,
  };
  return {
    response,
    reason: () => `${status ?? 'no'} answer from the JWT check: ${JSON.stringify(body) ?? ''}`,
  };
}

/** A stored target as the Agents SDK's ConversationReference (botbuilder's `bot` is its `agent`). */
export function agentsReference(target: ConversationTarget): ConversationReference {
  return {
    channelId: 'msteams',
    serviceUrl: target.serviceUrl,
    conversation: { id: target.conversationId },
    ...(target.botId ? { agent: { id: target.botId } } : {}),
  };
}

type Identity = Parameters<CloudAdapter['continueConversation']>[0];

function agentsTransport(
  adapter: CloudAdapter,
  appId: string | undefined,
  timeoutMs: number,
): ConnectorTransport {
  // Without an app id, the SDK's anonymous identity: no token, as the Emulator expects.
  const identity: Identity = appId ?? {};
  const withClient = <T>(
    target: ConversationTarget,
    use: (client: ConnectorClient) => Promise<T>,
  ) =>
    turnStartingWithin(
      timeoutMs,
      (logic) => adapter.continueConversation(identity, agentsReference(target), logic),
      (context) => {
        const client: unknown = context.turnState.get(adapter.ConnectorClientKey);
        if (!(client instanceof ConnectorClient))
          throw new Error('the proactive turn has no connector client');
        return use(client);
      },
    );
  return {
    proactive: (target, use) => withClient(target, (client) => use(agentsCalls(client))),
    // The SDK puts the bot's token into the client's default headers (none when anonymous).
    authorization: (target) =>
      withClient(target, (client) => Promise.resolve(authorizationHeaderOf(client))),
  };
}

function authorizationHeaderOf(client: ConnectorClient): string | undefined {
  const headers = client.httpClient.defaultHeaders;
  const name = Object.keys(headers).find((key) => key.toLowerCase() === 'authorization');
  return name ? headers[name] : undefined;
}

/**
 * Runs `logic` in the turn `start` begins, which must reach it within `timeoutMs`: before it, the
 * SDK gets the bot's token, a call that takes no abort signal. `logic`'s result or error is passed
 * through; it never escapes into the turn, where the SDK's error handler would post about it.
 */
export async function turnStartingWithin<T>(
  timeoutMs: number,
  start: (logic: (context: TurnContext) => Promise<void>) => Promise<void>,
  logic: (context: TurnContext) => Promise<T>,
): Promise<T> {
  let began!: () => void;
  const begins = new Promise<void>((resolve) => (began = resolve));
  let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
  const turn = start(async (context) => {
    began();
    try {
      outcome = { ok: true, value: await logic(context) };
    } catch (error) {
      outcome = { ok: false, error };
    }
  });
  turn.catch(() => undefined); // past the deadline, nobody awaits it
  await callWithTimeout(timeoutMs, () => Promise.race([begins, turn]));
  await turn;
  if (!outcome) throw new Error('the proactive turn did not run');
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/**
 * The SDK's connector calls, each through a client whose requests carry the call's abort signal.
 * The SDK puts conversation and activity ids into the path as they are; they are encoded here, as
 * botbuilder encodes them (a Teams thread id has `;` and `:`; no id may add a path segment).
 */
function agentsCalls(client: ConnectorClient): ConnectorCalls {
  const within = (callOptions: CallOptions) =>
    DeadlineConnectorClient.around(client, callOptions.abortSignal);
  const id = encodeURIComponent;
  return {
    sendToConversation: (conversationId, activity, callOptions) =>
      withStatusCode(() =>
        within(callOptions).sendToConversation(id(conversationId), asActivity(activity)),
      ),
    updateActivity: (conversationId, activityId, activity, callOptions) =>
      withStatusCode(() =>
        within(callOptions).updateActivity(
          id(conversationId),
          id(activityId),
          asActivity(activity),
        ),
      ),
    createConversation: (parameters, callOptions) =>
      withStatusCode(() =>
        within(callOptions).createConversation({
          ...parameters,
          activity: asActivity(parameters.activity),
        }),
      ),
  };
}

/** An Activity instance (the connector client calls its methods), without re-parsing the card. */
function asActivity(activity: OutgoingActivity): Activity {
  return Object.assign(new Activity(activity.type), structuredClone(activity));
}

/** The SDK's HttpError has `status`; retry-transient.ts reads `statusCode`, as botbuilder has it. */
async function withStatusCode<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof HttpError) throw Object.assign(error, { statusCode: error.status });
    throw error;
  }
}

/** The SDK's ConnectorClient over an HTTP client that gives every request one abort signal. */
class DeadlineConnectorClient extends ConnectorClient {
  private constructor(http: HttpClient) {
    super(http);
  }

  static around(client: ConnectorClient, signal: AbortSignal): ConnectorClient {
    return new DeadlineConnectorClient(new SignalledHttpClient(client.httpClient, signal));
  }
}

class SignalledHttpClient extends HttpClient {
  private readonly inner: HttpClient;
  private readonly signal: AbortSignal;

  constructor(inner: HttpClient, signal: AbortSignal) {
    super({ baseURL: inner.baseURL });
    this.inner = inner;
    this.signal = signal;
  }

  override request<T = unknown>(config: HttpRequestConfig): Promise<HttpResponse<T>> {
    return this.inner.request<T>({ ...config, signal: this.signal });
  }
}
