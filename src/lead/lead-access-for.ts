import type { Config } from '../config/config';
import type { LeadAccess } from './lead-access';
import { createSessionSigner } from './session-cookie';

/**
 * The local console's mode (no Slack, no Teams; loopback only) is open; with a chat platform the
 * lead's view needs DASHBOARD_TOKEN, and without one it does not exist.
 */
export function leadAccessFor(
  config: Pick<Config, 'consoleMode' | 'DASHBOARD_TOKEN' | 'DASHBOARD_COOKIE_SECURE'>,
): LeadAccess {
  if (config.consoleMode) return { mode: 'open' };
  if (!config.DASHBOARD_TOKEN) return { mode: 'off' };
  return {
    mode: 'token',
    token: config.DASHBOARD_TOKEN,
    signer: createSessionSigner(config.DASHBOARD_TOKEN),
    secureCookie: config.DASHBOARD_COOKIE_SECURE,
  };
}
