import { X509Certificate } from 'node:crypto';
import { AuthType, type AuthConfiguration } from '@microsoft/agents-hosting';
import type { AuthEndpoints, BotCredentials } from './bot-host';
import { TeamsSetupError } from './teams-settings';

/**
 * The Microsoft 365 Agents SDK's AuthConfiguration from Lapis's own TEAMS_APP_* variables (the SDK
 * would read Connections__*__Settings__* or MicrosoftApp* from the environment; Lapis gives it the
 * configuration itself, so both stacks take the same variables and the SDK reads none):
 * - a client secret, a certificate or a user-assigned managed identity, as with botbuilder;
 * - SingleTenant and UserAssignedMSI get their tokens from their tenant, MultiTenant from
 *   botframework.com (the SDK's default without a tenant id, as botbuilder does);
 * - `validateIssuer`: the SDK checks a token's issuer only when asked to; without it a token that
 *   Entra issued for the bot's app id in any tenant would pass (agents-host.ts also requires the Bot
 *   Framework's `serviceurl` claim, which only the Bot Framework's tokens carry).
 * The one connection is given as the connection map's `*`, so a Connections__ variable in the
 * environment cannot take its place.
 */
const CONNECTION = 'serviceConnection';

export function agentsAuthConfiguration(
  credentials: BotCredentials,
  endpoints: AuthEndpoints = {},
): AuthConfiguration {
  const connection: AuthConfiguration = credentials.appId
    ? {
        clientId: credentials.appId,
        ...(credentials.appType !== 'MultiTenant' && credentials.tenantId
          ? { tenantId: credentials.tenantId }
          : {}),
        ...secretOf(credentials),
        validateIssuer: true,
        ...(endpoints.authority ? { authorityEndpoint: endpoints.authority } : {}),
      }
    : {}; // No app id: authentication off, the Emulator's mode (the SDK's anonymous identity).
  return {
    ...connection,
    connections: new Map([[CONNECTION, connection]]),
    connectionsMap: [{ serviceUrl: '*', connection: CONNECTION }],
  };
}

function secretOf(credentials: BotCredentials): AuthConfiguration {
  if (credentials.appType === 'UserAssignedMSI') return { authType: AuthType.UserManagedIdentity };
  const { certificate } = credentials;
  if (certificate) {
    checkCertificate(certificate);
    // The SDK reads the certificate (for its thumbprint and x5c) and the key from files: one file
    // holding both serves as each.
    return {
      authType: AuthType.Certificate,
      certPemFile: certificate.keyFile,
      certKeyFile: certificate.keyFile,
    };
  }
  return { authType: AuthType.ClientSecret, clientSecret: credentials.password ?? '' };
}

/**
 * botbuilder signs with the private key and the thumbprint alone; the Agents SDK takes the
 * thumbprint from the certificate itself, so TEAMS_APP_CERT_KEY_FILE must hold the certificate too
 * (the PEM of the key followed by the certificate's), and it must be the one of the thumbprint.
 */
function checkCertificate(certificate: NonNullable<BotCredentials['certificate']>): void {
  const { keyFile, thumbprint } = certificate;
  if (!/-----BEGIN CERTIFICATE-----/.test(certificate.privateKey))
    throw new TeamsSetupError(
      `TEAMS_APP_CERT_KEY_FILE: with TEAMS_SDK=agents, ${keyFile} must hold the certificate as well as its ` +
        'private key (append the certificate\'s "-----BEGIN CERTIFICATE-----" block to the file)',
    );
  let fingerprint: string;
  try {
    fingerprint = new X509Certificate(certificate.privateKey).fingerprint.replaceAll(':', '');
  } catch (error) {
    throw new TeamsSetupError(
      `TEAMS_APP_CERT_KEY_FILE: the certificate in ${keyFile} cannot be read (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (fingerprint.toUpperCase() !== thumbprint.toUpperCase())
    throw new TeamsSetupError(
      `TEAMS_APP_CERT_THUMBPRINT is ${thumbprint}, but the certificate in ${keyFile} has the thumbprint ${fingerprint}`,
    );
}
