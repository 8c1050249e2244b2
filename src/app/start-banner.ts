/** What is served where, once Lapis listens: the first lines an operator reads after the start. */
export interface BannerInput {
  /** The HTTP server's address, ending in `/` (e.g. http://127.0.0.1:3000/). */
  readonly http: string;
  /** How /dashboard and /metrics are guarded (src/lead/lead-access-for.ts). */
  readonly lead: 'open' | 'token' | 'off';
  /** The METRICS_PORT listener's address, when there is one. */
  readonly metricsListener: string | undefined;
  /** Each channel's own line (Channel.describe), in the order they were built. */
  readonly channels: readonly string[];
}

/**
 * One line each, the address in the words (a reader at a terminal needs no field to find it): the
 * channels (the console, the chat platforms' endpoints), the dashboard and the metrics.
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
    ...b.channels,
    `Dashboard: ${dashboard}`,
    `Metrics: ${metrics.join(', ') || 'off (set DASHBOARD_TOKEN or METRICS_PORT)'}`,
  ];
}
