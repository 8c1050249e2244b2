/** What is served where, once Lapis listens: the first lines an operator reads after the start. */
export interface BannerInput {
  /** The HTTP server's address, ending in `/` (e.g. http://127.0.0.1:3000/). */
  readonly http: string;
  /** The local console is served (no chat platform configured). */
  readonly console: boolean;
  /** How /dashboard and /metrics are guarded (src/lead/lead-access-for.ts). */
  readonly lead: 'open' | 'token' | 'off';
  /** The METRICS_PORT listener's address, when there is one. */
  readonly metricsListener: string | undefined;
  readonly slack: 'http' | 'socket' | undefined;
  readonly teams: boolean;
}

/**
 * One line each, the address in the words (a reader at a terminal needs no field to find it): the
 * console, the dashboard, the metrics, and the chat platforms' endpoints.
 */
export function startBanner(b: BannerInput): string[] {
  const dashboard =
    b.lead === 'off'
      ? 'off (set DASHBOARD_TOKEN to serve it)'
      : `${b.http}dashboard${b.lead === 'token' ? ' (log in with DASHBOARD_TOKEN)' : ''}`;
  const metrics = [
    ...(b.lead === 'off' ? [] : [`${b.http}metrics${b.lead === 'token' ? ' (bearer token)' : ''}`]),
    ...(b.metricsListener ? [`${b.metricsListener}metrics`] : []),
  ];
  return [
    ...(b.console ? [`Console: ${b.http} (open it in a browser)`] : []),
    `Dashboard: ${dashboard}`,
    `Metrics: ${metrics.join(', ') || 'off (set DASHBOARD_TOKEN or METRICS_PORT)'}`,
    ...(b.slack === 'http' ? [`Slack: events at ${b.http}slack/events`] : []),
    ...(b.slack === 'socket' ? ['Slack: Socket Mode'] : []),
    ...(b.teams ? [`Teams: messages at ${b.http}api/messages`] : []),
  ];
}
