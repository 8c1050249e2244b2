import { CloudAdapter, MsalTokenProvider, type AuthConfiguration } from '@microsoft/agents-hosting';
import { AuthenticationConstants, MicrosoftAppCredentials } from 'botframework-connector';
import { agentsAuthConfiguration } from '../../src/channels/teams/agents-auth-config';
import type { AuthEndpoints } from '../../src/channels/teams/bot-host';
import { teamsSettingsOf } from '../../src/config/channel-settings';
import type { Config } from '../../src/config/config';

/**
 * The bot's own token for its calls to the connector, as Entra ID would have issued it, put where
 * the SDK of `config` (TEAMS_SDK) keeps it. Both get it from Entra ID over HTTPS, which no loopback
 * stand-in can play (MSAL takes only an https authority), and both keep tokens in a process-wide
 * cache, so one put there in advance is the token every outbound call of that bot carries. The
 * inbound side is bot-token-issuer.ts; `endpoints` are the ones the channel was given.
 */
export async function trustOutboundToken(
  config: Config,
  endpoints: AuthEndpoints,
  token: string,
): Promise<void> {
  const { sdk, credentials } = teamsSettingsOf(config);
  const appId = credentials.appId;
  if (!appId) throw new Error('without TEAMS_APP_ID the bot sends no token');
  const expiresOn = new Date(Date.now() + 3600_000);
  if (sdk === 'botbuilder') {
    // By app id and audience (MicrosoftAppCredentials.getToken).
    const cache = Reflect.get(MicrosoftAppCredentials, 'cache') as Map<
      string,
      { accessToken: string; expiresOn: Date }
    >;
    cache.set(`${appId}${AuthenticationConstants.ToChannelFromBotOAuthScope}-cache`, {
      accessToken: token,
      expiresOn,
    });
    return;
  }
  // By connection settings and scope, keyed by the SDK itself: the provider is the one the
  // channel's adapter resolves for every conversation (the connection map's `*`), built from the
  // same configuration.
  const adapter = new CloudAdapter(agentsAuthConfiguration(credentials, endpoints));
  const provider = adapter.connectionManager.getDefaultConnection();
  if (!(provider instanceof MsalTokenProvider))
    throw new Error('the Agents SDK resolved a token provider other than MSAL');
  const cache = provider as unknown as MsalAccessTokenCache;
  const key = cache.getAccessTokenCacheKey(provider.connectionSettings!, BOT_FRAMEWORK_SCOPE);
  cache.cacheAccessToken(key, token, expiresOn);
  // What CloudAdapter.createConnectorClientWithIdentity asks for (a bot's own identity has no azp).
  const taken = await provider.getAccessToken(BOT_FRAMEWORK_SCOPE);
  if (taken !== token) throw new Error("the Agents SDK's token cache did not take the token");
}

const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com';

/** MsalTokenProvider's own keying and storing of its cache (private in its types; SDK 1.8.1). */
interface MsalAccessTokenCache {
  getAccessTokenCacheKey(settings: AuthConfiguration, scope: string): string;
  cacheAccessToken(key: string, token: string, expiresOn?: Date): void;
}
