import { CloudAdapter, type Activity } from 'botbuilder';
import {
  LapisBotAuthentication,
  type AuthEndpoints,
  type BotCredentials,
} from './bot-authentication';
import { createBotConnector, type ConnectorOptions, type TeamsConnector } from './bot-connector';

/**
 * botbuilder's CloudAdapter behind a small interface: authenticate an inbound activity, run a turn
 * for it through the adapter, and the outbound connector. The request guard and the rest of the
 * channel only know this interface, so the Microsoft 365 Agents SDK can take the adapter's place
 * here (and in bot-authentication.ts and bot-connector.ts) without touching them.
 */
export interface BotHost {
  readonly authEnabled: boolean;
  /** Validates the request's token for `activity`; rejects when it is not a valid Bot Framework call. */
  authenticate(
    activity: Readonly<Record<string, unknown>>,
    authHeader: string,
  ): Promise<AuthenticatedTurn>;
  readonly connector: TeamsConnector;
}

export interface AuthenticatedTurn {
  /** Runs `turn` as the adapter's turn for the activity; its result or error is passed through. */
  run<T>(turn: () => Promise<T>): Promise<T>;
}

export function createBotHost(options: {
  credentials: BotCredentials;
  endpoints?: AuthEndpoints;
  connector: ConnectorOptions;
}): BotHost {
  const authentication = new LapisBotAuthentication(options.credentials, options.endpoints);
  const adapter = new CloudAdapter(authentication);
  const appId = options.credentials.appId ?? '';
  return {
    authEnabled: Boolean(options.credentials.appId),
    connector: createBotConnector(adapter, appId, options.connector),
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
