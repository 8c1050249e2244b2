import { isLoopbackAddress } from '../../util/loopback';

/**
 * Which service URLs Lapis takes from an activity and posts to. The connector client sends the
 * bot's own access token with every call, so a serviceUrl that is not the Bot Framework's would
 * receive that token and turn the bot into a proxy to anywhere (before this, in Emulator mode, to
 * any host at all). Accepted: https to a listed host (TEAMS_SERVICE_URL_HOSTS); http only to a
 * loopback host, and loopback only when listed or with authentication off (the Bot Framework
 * Emulator, which runs on the same machine).
 */
export interface ServiceUrlPolicy {
  /** Lower-case host names; `*.example.com` stands for any name under example.com. */
  readonly hosts: readonly string[];
  /** Loopback hosts without listing them: only with authentication off. */
  readonly loopbackAllowed: boolean;
}

/** Why `serviceUrl` is refused, or undefined when it is allowed. */
export function serviceUrlRefusal(
  serviceUrl: string,
  policy: ServiceUrlPolicy,
): string | undefined {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return 'the service URL is not a URL';
  }
  if (url.username || url.password) return 'the service URL carries credentials';
  const host = normalizeHostEntry(url.hostname);
  const loopback = isLoopbackAddress(host);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    return `the service URL of ${host} is ${url.protocol.replace(':', '')}, not https`;
  const listed = policy.hosts.some((pattern) => hostMatches(host, pattern));
  if (listed || (loopback && policy.loopbackAllowed)) return undefined;
  return `${host} is not in TEAMS_SERVICE_URL_HOSTS`;
}

/** `pattern` is a host name, or `*.` and a domain for any name under it (not the domain itself). */
export function hostMatches(host: string, pattern: string): boolean {
  if (!pattern.startsWith('*.')) return host === pattern;
  const suffix = pattern.slice(1);
  return host.length > suffix.length && host.endsWith(suffix) && !host.startsWith('.');
}

/** A connector call to a target whose service URL is not allowed: refused before any request. */
export class ServiceUrlRefused extends Error {
  readonly code = 'teams_service_url_refused';
  constructor(reason: string) {
    super(`Teams connector call refused: ${reason}`);
    this.name = 'ServiceUrlRefused';
  }
}

/** A host entry as the service-URL policy compares it: lower case, an IPv6 address without brackets. */
export function normalizeHostEntry(entry: string): string {
  return entry
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
}
