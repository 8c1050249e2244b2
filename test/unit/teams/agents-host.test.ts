import { AuthType, CloudAdapter } from '@microsoft/agents-hosting';
import { agentsAuthConfiguration } from '../../../src/channels/teams/agents-auth-config';
import { createAgentsHost, turnStartingWithin } from '../../../src/channels/teams/agents-host';
import type { BotCredentials } from '../../../src/channels/teams/bot-host';
import { ConnectorTimeoutError } from '../../../src/channels/teams/call-with-timeout';
import { TeamsSetupError } from '../../../src/channels/teams/teams-settings';

const APP_ID = '6f1b2a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
const TENANT = '9a8b7c6d-0000-4000-8000-000000000001';

/** A throw-away self-signed certificate (EC P-256) after its key, as one PEM file holds them. */
const KEY_AND_CERTIFICATE = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgE3RaY3mgnd87rg8X
DOELwjXC5PUV56+xA1e12giRlxahRANCAARhsS/1bd47wYDMs2x/z4r/O6zvfmLS
GPfHn8fEf+kMec6JnplYpBpZMVJkkLoFkN2cdf4tl4Uv2cA+O9fxNw6k
-----END PRIVATE KEY-----
-----BEGIN CERTIFICATE-----
MIIBgTCCASegAwIBAgIUV5H/6wleWs1wIWhmuZU7Fubqw0EwCgYIKoZIzj0EAwIw
FTETMBEGA1UEAwwKbGFwaXMtdGVzdDAgFw0yNjEyMDgwMTA0MzhaGA8yMTI2MTEx
NDAxMDQzOFowFTETMBEGA1UEAwwKbGFwaXMtdGVzdDBZMBMGByqGSM49AgEGCCqG
SM49AwEHA0IABGGxL/Vt3jvBgMyzbH/Piv87rO9+YtIY98efx8R/6Qx5zomemVik
GlkxUmSQugWQ3Zx1/i2XhS/ZwD471/E3DqSjUzBRMB0GA1UdDgQWBBSACUwIiH3C
JBFcJQRInROcFGXZATAfBgNVHSMEGDAWgBSACUwIiH3CJBFcJQRInROcFGXZATAP
BgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0gAMEUCIQCAsc1DcaRp1IOtunTe
SX4fm4mYmtNHqyC5qlNraCRCBAIgE6DQ0I+9B7btKG+0PX06DEtw0+Fbz60sukSK
lAk1AY8=
-----END CERTIFICATE-----
`;
const THUMBPRINT = '478A2CFE66772DFB7993FACC412CB29FFA6E90F1';

const connectionOf = (credentials: BotCredentials) => {
  const config = agentsAuthConfiguration(credentials);
  expect(config.connectionsMap).toEqual([{ serviceUrl: '*', connection: 'serviceConnection' }]);
  return config.connections?.get('serviceConnection');
};

describe('the Agents SDK configuration from TEAMS_APP_*', () => {
  it('maps a client secret, single- and multi-tenant, with issuer validation on', () => {
    const single = { appId: APP_ID, appType: 'SingleTenant', password: 's3', tenantId: TENANT };
    expect(connectionOf(single as BotCredentials)).toEqual({
      clientId: APP_ID,
      tenantId: TENANT,
      authType: AuthType.ClientSecret,
      clientSecret: 's3',
      validateIssuer: true,
    });
    // MultiTenant: its tokens come from botframework.com, the SDK's default without a tenant.
    const multi = { ...single, appType: 'MultiTenant' } as BotCredentials;
    expect(connectionOf(multi)).not.toHaveProperty('tenantId');
  });

  it('maps a user-assigned managed identity, and an authority for the keys and tokens', () => {
    const msi: BotCredentials = { appId: APP_ID, appType: 'UserAssignedMSI', tenantId: TENANT };
    expect(connectionOf(msi)).toMatchObject({ clientId: APP_ID, authType: 'UserManagedIdentity' });
    const authority = 'https://login.microsoftonline.us/contoso';
    expect(agentsAuthConfiguration(msi, { authority })).toMatchObject({
      authorityEndpoint: authority,
    });
  });

  it('takes a certificate from the key file when it holds the certificate of the thumbprint', () => {
    const certificate = {
      thumbprint: THUMBPRINT,
      privateKey: KEY_AND_CERTIFICATE,
      keyFile: '/keys/bot.pem',
    };
    const credentials: BotCredentials = { appId: APP_ID, appType: 'SingleTenant', certificate };
    expect(connectionOf(credentials)).toMatchObject({
      authType: AuthType.Certificate,
      certPemFile: '/keys/bot.pem',
      certKeyFile: '/keys/bot.pem',
    });
    const keyOnly = KEY_AND_CERTIFICATE.slice(0, KEY_AND_CERTIFICATE.indexOf('-----BEGIN CERT'));
    const withCertificate = (changes: Partial<typeof certificate>) => () =>
      agentsAuthConfiguration({ ...credentials, certificate: { ...certificate, ...changes } });
    expect(withCertificate({ privateKey: keyOnly })).toThrow(TeamsSetupError);
    expect(withCertificate({ privateKey: keyOnly })).toThrow(/must hold the certificate as well/);
    expect(withCertificate({ thumbprint: 'AB'.repeat(20) })).toThrow(
      `TEAMS_APP_CERT_THUMBPRINT is ${'AB'.repeat(20)}, but the certificate in /keys/bot.pem has the thumbprint ${THUMBPRINT}`,
    );
  });

  it('is what the SDK runs on: its audience is the app id, its token from the same secret', () => {
    const credentials: BotCredentials = {
      appId: APP_ID,
      appType: 'SingleTenant',
      password: 's3',
      tenantId: TENANT,
    };
    const adapter = new CloudAdapter(agentsAuthConfiguration(credentials));
    expect(adapter.getClientId()).toBe(APP_ID);
    expect(adapter.connectionManager.getDefaultConnection().connectionSettings).toMatchObject({
      clientId: APP_ID,
      clientSecret: 's3',
      tenantId: TENANT,
    });
  });

  it('refuses the Emulator mode (no app id) as a setup error where the SDK does', () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      expect(() =>
        createAgentsHost({
          credentials: { appType: 'SingleTenant' },
          connector: {
            serviceUrls: { hosts: [], loopbackAllowed: true },
            timeoutMs: 1000,
            concurrency: 1,
          },
        }),
      ).toThrow(TeamsSetupError);
    } finally {
      process.env.NODE_ENV = before;
    }
  });
});

describe('a proactive turn on the Agents SDK', () => {
  /** Errors that reached the SDK's turn (where its error handler would post about them). */
  const escaped: unknown[] = [];
  const turnOf =
    (delayMs: number) =>
    (logic: (context: never) => Promise<void>): Promise<void> =>
      new Promise((resolve) => {
        setTimeout(() => {
          logic(undefined as never).then(resolve, (error: unknown) => {
            escaped.push(error);
            resolve();
          });
        }, delayMs);
      });

  it("passes the logic's result and error through, never into the SDK's turn", async () => {
    await expect(turnStartingWithin(1000, turnOf(0), () => Promise.resolve('sent'))).resolves.toBe(
      'sent',
    );
    const failing = turnStartingWithin(1000, turnOf(0), () =>
      Promise.reject(Object.assign(new Error('throttled'), { statusCode: 429 })),
    );
    await expect(failing).rejects.toMatchObject({ message: 'throttled', statusCode: 429 });
    expect(escaped).toEqual([]);
  });

  it('fails within the deadline when the turn does not start (the token fetch hangs)', async () => {
    const started = Date.now();
    let ran = false;
    const hanging = turnStartingWithin(
      50,
      () => new Promise<never>(() => undefined),
      () => {
        ran = true;
        return Promise.resolve('sent');
      },
    );
    await expect(hanging).rejects.toBeInstanceOf(ConnectorTimeoutError);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(ran).toBe(false);
    // A turn that starts in time may take longer: each request has its own deadline.
    await expect(
      turnStartingWithin(50, turnOf(0), async () => {
        await new Promise((resolve) => setTimeout(resolve, 120));
        return 'sent';
      }),
    ).resolves.toBe('sent');
  });
});
