import { loadConfig } from '../../../src/config/config';
import {
  hostMatches,
  serviceUrlRefusal,
  type ServiceUrlPolicy,
} from '../../../src/channels/teams/service-url-policy';

/** The default list, as the configuration gives it. */
const defaults = loadConfig({}).TEAMS_SERVICE_URL_HOSTS;
const production: ServiceUrlPolicy = { hosts: defaults, loopbackAllowed: false };
const emulator: ServiceUrlPolicy = { hosts: defaults, loopbackAllowed: true };
const allowed = (url: string, policy = production) => serviceUrlRefusal(url, policy) === undefined;

describe('service URL policy', () => {
  it("takes the Bot Framework's service URLs of every cloud by default", () => {
    for (const url of [
      'https://smba.trafficmanager.net/amer/',
      'https://smba.trafficmanager.net/emea/',
      'https://SMBA.trafficmanager.net/apac/',
      'https://smba.infra.gcc.teams.microsoft.com/',
      'https://smba.infra.gov.teams.microsoft.us/',
      'https://smba.infra.dod.teams.microsoft.us/',
      'https://webchat.botframework.com/',
      'https://smba.trafficmanager.net:443/amer/',
    ])
      expect([url, serviceUrlRefusal(url, production)]).toEqual([url, undefined]);
  });

  it('refuses http, other schemes and any host not listed', () => {
    const refused = {
      'http://smba.trafficmanager.net/amer/': /is http, not https/,
      'http://evil.example': /is http, not https/,
      'https://attacker.example/': /attacker\.example is not in TEAMS_SERVICE_URL_HOSTS/,
      'https://botframework.com/': /not in TEAMS_SERVICE_URL_HOSTS/,
      'https://evilbotframework.com/': /not in TEAMS_SERVICE_URL_HOSTS/,
      'https://smba.trafficmanager.net.evil.example/': /not in TEAMS_SERVICE_URL_HOSTS/,
      'https://botframework.com.evil.example/': /not in TEAMS_SERVICE_URL_HOSTS/,
      'https://smba.trafficmanager.net./amer/': /not in TEAMS_SERVICE_URL_HOSTS/,
      'https://user:pw@smba.trafficmanager.net/': /carries credentials/,
      'ftp://smba.trafficmanager.net/': /is ftp, not https/,
      'file:///etc/passwd': /not https/,
      'not a url': /not a URL/,
    };
    for (const [url, reason] of Object.entries(refused))
      expect([url, serviceUrlRefusal(url, emulator)]).toEqual([url, expect.stringMatching(reason)]);
  });

  it('takes loopback only in Emulator mode, or when it is listed', () => {
    const loopback = [
      'http://127.0.0.1:3978/',
      'http://localhost:3978/',
      'http://[::1]:3978/',
      'https://127.0.0.1/',
    ];
    for (const url of loopback) {
      expect([url, allowed(url, production)]).toEqual([url, false]);
      expect([url, allowed(url, emulator)]).toEqual([url, true]);
    }
    const listed: ServiceUrlPolicy = { hosts: ['127.0.0.1', '::1'], loopbackAllowed: false };
    expect(allowed('http://127.0.0.1:41234/', listed)).toBe(true);
    expect(allowed('http://[::1]:41234/', listed)).toBe(true);
    expect(allowed('http://localhost:41234/', listed)).toBe(false); // not listed
    expect(allowed('https://smba.trafficmanager.net/amer/', listed)).toBe(false);
    // Not loopback, whatever it reaches: http stays refused even when listed.
    for (const url of ['http://0.0.0.0:3978/', 'http://10.0.0.5/', 'http://169.254.169.254/'])
      expect([
        url,
        allowed(url, { hosts: ['0.0.0.0', '10.0.0.5'], loopbackAllowed: true }),
      ]).toEqual([url, false]);
    // Other spellings of 127.0.0.1 are normalised by the URL parser, and still loopback.
    expect(allowed('http://2130706433:3978/', emulator)).toBe(true);
    expect(allowed('http://2130706433:3978/', production)).toBe(false);
  });

  it('matches a wildcard to any name under its domain, never to the domain itself', () => {
    expect(hostMatches('a.example.com', '*.example.com')).toBe(true);
    expect(hostMatches('a.b.example.com', '*.example.com')).toBe(true);
    expect(hostMatches('example.com', '*.example.com')).toBe(false);
    expect(hostMatches('badexample.com', '*.example.com')).toBe(false);
    expect(hostMatches('example.com.evil', '*.example.com')).toBe(false);
    expect(hostMatches('example.com', 'example.com')).toBe(true);
    expect(hostMatches('a.example.com', 'example.com')).toBe(false);
  });
});
