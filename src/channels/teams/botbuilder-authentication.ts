import {
  CallerIdConstants,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import {
  AuthenticationConstants,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type ConnectorFactory,
} from 'botframework-connector';
import { z } from 'zod';
import type { AuthEndpoints, BotCredentials } from './bot-host';

/**
 * Bot Framework authentication from the configuration (botbuilder's
 * ConfigurationBotFrameworkAuthentication): app id with a client secret, a certificate or a
 * user-assigned managed identity, single- or multi-tenant. With no app id it is off, as the Bot
 * Framework Emulator expects. Connector clients it creates have the SDK's own retry policy removed:
 * that policy resends a POST after a 500, a timeout or a reset connection, which can post a
 * message twice; Lapis retries only what Teams turned away (see retry-transient.ts).
 */
function optionsOf(
  credentials: BotCredentials,
  endpoints: AuthEndpoints,
): ConfigurationBotFrameworkAuthenticationOptions {
  // No app id: authentication off (the Emulator's mode); an app type would demand credentials.
  if (!credentials.appId) return {};
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.password ?? '',
    MicrosoftAppType:
      credentials.appType === 'UserAssignedMSI' ? 'UserAssignedMsi' : credentials.appType,
    MicrosoftAppTenantId: credentials.tenantId ?? '',
    ...(credentials.certificate
      ? {
          [AuthenticationConstants.CertificateThumbprint]: credentials.certificate.thumbprint,
          [AuthenticationConstants.CertificatePrivateKey]: credentials.certificate.privateKey,
        }
      : {}),
  };
  if (!endpoints.openIdMetadataUrl && !endpoints.emulatorOpenIdMetadataUrl) return options;
  // Setting any endpoint makes botbuilder take all of them as given: the rest are the public cloud's.
  return {
    ...options,
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl:
      endpoints.openIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl:
      endpoints.emulatorOpenIdMetadataUrl ??
      AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

export class LapisBotAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(credentials: BotCredentials, endpoints: AuthEndpoints = {}) {
    super(optionsOf(credentials, endpoints));
  }

  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    return { ...result, connectorFactory: this.createConnectorFactory(result.claimsIdentity) };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const inner = super.createConnectorFactory(claimsIdentity);
    return {
      create: async (serviceUrl: string, audience?: string) =>
        withoutSdkRetries(await inner.create(serviceUrl, audience)),
    };
  }
}

/** Policy name of @azure/core-rest-pipeline's default retry (exponential + throttling). */
const SDK_RETRY_POLICY = 'defaultRetryPolicy';

const pipelineHolder = z.object({
  client: z.object({
    pipeline: z.object({ removePolicy: z.custom((value) => typeof value === 'function') }),
  }),
});
interface PipelineHolder {
  readonly client: { readonly pipeline: { removePolicy(policy: { name: string }): unknown } };
}
const hasPipeline = (value: unknown): value is PipelineHolder =>
  pipelineHolder.safeParse(value).success;

/** Removes the SDK's retry policy from a connector client (its pipeline is not public API). */
export function withoutSdkRetries(client: ConnectorClient): ConnectorClient {
  const holder: unknown = client;
  if (!hasPipeline(holder))
    throw new Error(
      'botbuilder changed: its connector client has no request pipeline to remove the retry policy from',
    );
  holder.client.pipeline.removePolicy({ name: SDK_RETRY_POLICY });
  return client;
}
