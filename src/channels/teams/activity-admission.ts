import type { TeamsActivity } from './activity-schema';
import { serviceUrlRefusal, type ServiceUrlPolicy } from './service-url-policy';

/**
 * Whether an authenticated activity may be taken: a valid Bot Framework token proves the Bot
 * Framework sent it, not that it comes from a tenant this bot serves or names a service URL Lapis
 * should ever post to. A refused activity is answered 403 and nothing of it is recorded.
 */
export interface AdmissionRules {
  readonly serviceUrls: ServiceUrlPolicy;
  /** Lower-case tenant ids; empty: any tenant. */
  readonly allowedTenants: readonly string[];
}

export interface Refusal {
  /** What the sender is told. */
  readonly error: 'service URL not allowed' | 'tenant not allowed';
  /** What the log says. */
  readonly reason: string;
}

/** The activity's tenant as Teams gives it (both places, which agree when Teams sends them). */
export function tenantOf(activity: TeamsActivity): string | undefined {
  return activity.conversation.tenantId ?? activity.channelData?.tenant?.id;
}

export function admissionRefusal(
  activity: TeamsActivity,
  rules: AdmissionRules,
): Refusal | undefined {
  const urlRefusal = serviceUrlRefusal(activity.serviceUrl, rules.serviceUrls);
  if (urlRefusal) return { error: 'service URL not allowed', reason: urlRefusal };
  if (rules.allowedTenants.length === 0) return undefined;
  // Both places are checked: a reference is stored with either, so neither may name another tenant.
  const claimed = [activity.conversation.tenantId, activity.channelData?.tenant?.id];
  const present = claimed.filter((id): id is string => id !== undefined);
  if (present.length === 0) return { error: 'tenant not allowed', reason: 'no tenant id' };
  const other = present.find((id) => !rules.allowedTenants.includes(id.toLowerCase()));
  if (other === undefined) return undefined;
  return { error: 'tenant not allowed', reason: `tenant ${other.slice(0, 64)} is not allowed` };
}
