import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuthEndpoints, TeamsSdk } from '../../src/channels/teams/bot-host';

/**
 * A loopback stand-in for the Bot Framework's token issuer: it publishes OpenID metadata and a
 * signing key (endorsed for `msteams`) as login.botframework.com does, and signs tokens as the Bot
 * Framework signs the requests it sends to a bot. Each SDK, pointed at it by `endpoints`, validates
 * them for real: botbuilder (signature, issuer, audience, expiry, service URL, endorsement) through
 * the OpenID metadata; the Agents SDK (signature, issuer, audience, expiry; Lapis the service URL)
 * through the keys of an authority. The Agents SDK takes the keys of tokens issued by
 * api.botframework.com from login.botframework.com whatever it is told, so the tokens for it are
 * issued by the loopback authority instead, as Entra ID issues them (`<authority>/v2.0`).
 */
export interface BotTokenIssuer {
  readonly metadataUrl: string;
  /** Where `sdk`'s host finds the keys (AuthEndpoints: each SDK reads its own). */
  readonly endpoints: AuthEndpoints;
  /** A token for a request to bot `appId` carrying an activity from `serviceUrl`. */
  token(appId: string, serviceUrl: string, claims?: Record<string, unknown>): string;
  /** The same token signed with another key: a forgery. */
  forged(appId: string, serviceUrl: string): string;
  readonly requests: string[];
  close(): Promise<void>;
}

const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
const KEY_ID = 'lapis-test-key';
const AUTHORITY_PATH = '/lapis-test-tenant';

/** An issuer whose tokens `sdk` takes (botbuilder's and the Agents SDK's differ: see above). */
export async function startBotTokenIssuer(sdk: TeamsSdk = 'botbuilder'): Promise<BotTokenIssuer> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forger = createPrivateKey(
    generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }),
  );
  const jwk = publicKey.export({ format: 'jwk' });
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.end(
        JSON.stringify({ issuer: BOT_FRAMEWORK_ISSUER, jwks_uri: `${base()}/v1/.well-known/keys` }),
      );
    } else if (
      req.url === '/v1/.well-known/keys' ||
      req.url === `${AUTHORITY_PATH}/discovery/v2.0/keys`
    ) {
      res.end(
        JSON.stringify({ keys: [{ ...jwk, kid: KEY_ID, use: 'sig', endorsements: ['msteams'] }] }),
      );
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const metadataUrl = `${base()}/v1/.well-known/openidconfiguration`;
  const authority = `${base()}${AUTHORITY_PATH}`;
  const issuer = sdk === 'botbuilder' ? BOT_FRAMEWORK_ISSUER : `${authority}/v2.0`;

  const make = (
    key: KeyObject,
    appId: string,
    serviceUrl: string,
    claims: Record<string, unknown>,
  ) => {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: KEY_ID };
    const payload = {
      iss: issuer,
      aud: appId,
      serviceurl: serviceUrl,
      nbf: now - 60,
      exp: now + 600,
      ...claims,
    };
    const unsigned = `${encode(header)}.${encode(payload)}`;
    return `${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), key).toString('base64url')}`;
  };
  return {
    metadataUrl,
    endpoints: {
      openIdMetadataUrl: metadataUrl,
      emulatorOpenIdMetadataUrl: metadataUrl,
      authority,
    },
    token: (appId, serviceUrl, claims = {}) => make(privateKey, appId, serviceUrl, claims),
    forged: (appId, serviceUrl) => make(forger, appId, serviceUrl, {}),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
