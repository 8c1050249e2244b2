import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for the Bot Framework's token issuer: it publishes OpenID metadata and a
 * signing key (endorsed for `msteams`) as login.botframework.com does, and signs tokens as the Bot
 * Framework signs the requests it sends to a bot. botbuilder, pointed at `metadataUrl`, validates
 * them for real (signature, issuer, audience, expiry, service URL, endorsement).
 */
export interface BotTokenIssuer {
  readonly metadataUrl: string;
  /** A token for a request to bot `appId` carrying an activity from `serviceUrl`. */
  token(appId: string, serviceUrl: string, claims?: Record<string, unknown>): string;
  /** The same token signed with another key: a forgery. */
  forged(appId: string, serviceUrl: string): string;
  readonly requests: string[];
  close(): Promise<void>;
}

const ISSUER = 'https://api.botframework.com';
const KEY_ID = 'lapis-test-key';

export async function startBotTokenIssuer(): Promise<BotTokenIssuer> {
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
      res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${base()}/v1/.well-known/keys` }));
    } else if (req.url === '/v1/.well-known/keys') {
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

  const make = (
    key: KeyObject,
    appId: string,
    serviceUrl: string,
    claims: Record<string, unknown>,
  ) => {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: KEY_ID };
    const payload = {
      iss: ISSUER,
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
    metadataUrl: `${base()}/v1/.well-known/openidconfiguration`,
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
