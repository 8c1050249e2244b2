import { z } from 'zod';
import { emptyToUndefined, intSetting, optionalString, splitList } from './fields';
import { TEAMS_SDK_NAMES } from '../channels/teams/bot-host';
import { normalizeHostEntry } from '../channels/teams/service-url-policy';
import type { TeamsPingTarget } from '../channels/teams/teams-settings';
import { isLoopbackAddress } from '../util/loopback';

/**
 * The Microsoft Teams part of the environment schema (src/config/config.ts spreads it in), with the checks
 * that tie its variables together. Kept apart so the Teams channel's settings live in one place.
 */

const CHANNEL_ID = /^19:[^\s;/?#]+@thread\.(tacv2|skype)$/;

/**
 * A Teams channel id (`19:...@thread.tacv2`), or the channel's link as Teams copies it ("Get link to
 * channel"), from which the id is taken.
 */
const teamsChannelId = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .trim()
    .transform((value) => {
      const fromLink = /\/l\/channel\/([^/?#]+)/.exec(value)?.[1];
      if (!fromLink) return value;
      try {
        return decodeURIComponent(fromLink);
      } catch {
        return value;
      }
    })
    .pipe(
      z
        .string()
        .regex(CHANNEL_ID, 'a Teams channel id such as 19:abc...@thread.tacv2 (or its link)'),
    )
    .optional(),
);

const PERSON_ID =
  /^([0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|[^\s|,@<>]+@[^\s|,@<>]+|29:[\w-]+)$/i;
const TAG_ID = /^tag:[A-Za-z0-9+/=_-]{1,400}$/;

/** `id|Name,id|Name`: who is @mentioned when a ticket reaches a level (or breaches its SLA there). */
const pingList = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .optional()
    .transform((text, ctx): TeamsPingTarget[] => {
      const entries = splitList(text);
      const targets: TeamsPingTarget[] = [];
      for (const entry of entries) {
        const [rawId = '', ...rest] = entry.split('|');
        const id = rawId.trim();
        const name = rest.join('|').trim();
        if (!(PERSON_ID.test(id) || TAG_ID.test(id)) || /[<>&]/.test(name)) {
          ctx.addIssue({
            code: 'custom',
            message: `expected entries like "<AAD object id or UPN>|Display Name" (or "tag:<tag id>|Tag name"), got "${entry}"`,
          });
          return [];
        }
        const isTag = id.toLowerCase().startsWith('tag:');
        const plainId = isTag ? id.slice(4) : id;
        targets.push({ id: plainId, name: name || plainId, kind: isTag ? 'tag' : 'person' });
      }
      return targets;
    }),
);

/**
 * Where the Bot Framework sends Teams activities from (and so where Lapis may post): the public
 * cloud (smba.trafficmanager.net), Azure Bot Service, GCC (*.gcc.teams.microsoft.com) and GCC High
 * or DoD (*.teams.microsoft.us).
 */
export const DEFAULT_SERVICE_URL_HOSTS = [
  'smba.trafficmanager.net',
  '*.botframework.com',
  '*.teams.microsoft.com',
  '*.teams.microsoft.us',
] as const;

const LABEL = '[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?';
const HOST_NAME = new RegExp(`^(\\*\\.)?${LABEL}(\\.${LABEL})*$`);
const IPV6 = /^[0-9a-f.]*(:[0-9a-f.]*){2,}$/;

function hostEntryProblem(entry: string): string | undefined {
  const host = normalizeHostEntry(entry);
  if (IPV6.test(host)) return undefined;
  if (!HOST_NAME.test(host))
    return `"${entry}" is not a host name: write it like smba.trafficmanager.net or *.example.com (no scheme, port or path)`;
  // `*.com` would let any .com site receive the bot's messages and token.
  if (host.startsWith('*.') && !host.slice(2).includes('.'))
    return `"${entry}" is too broad: a wildcard needs a domain of two labels or more (*.example.com)`;
  return undefined;
}

const GUID = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i;

function tenantEntryProblem(entry: string): string | undefined {
  return GUID.test(entry)
    ? undefined
    : `"${entry}" is not a tenant id (a GUID such as 9a8b7c6d-0000-4000-8000-000000000001)`;
}

/** A comma-separated list, each entry checked; every bad entry is reported, by itself. */
const checkedList = (
  problemOf: (entry: string) => string | undefined,
  normalize: (entry: string) => string,
  fallback = '',
) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default(fallback)
      .transform((text, ctx) => {
        const entries = splitList(text);
        for (const entry of entries) {
          const message = problemOf(entry);
          if (message) ctx.addIssue({ code: 'custom', message });
        }
        return [...new Set(entries.map(normalize))];
      }),
  );

export const teamsEnvShape = {
  TEAMS_SDK: z.preprocess(emptyToUndefined, z.enum(TEAMS_SDK_NAMES).default('botbuilder')),
  TEAMS_APP_ID: z.preprocess(emptyToUndefined, z.uuid('a GUID (the Azure Bot app id)').optional()),
  TEAMS_APP_PASSWORD: optionalString,
  TEAMS_APP_TENANT_ID: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
  TEAMS_APP_TYPE: z.preprocess(
    emptyToUndefined,
    z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  ),
  /** Certificate credentials instead of a secret: the thumbprint and a PEM file with the private key. */
  TEAMS_APP_CERT_THUMBPRINT: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .regex(/^[0-9A-Fa-f]{40}$/, 'a certificate thumbprint (40 hex digits)')
      .optional(),
  ),
  TEAMS_APP_CERT_KEY_FILE: optionalString,
  /** Runs the Teams endpoint without authentication, for the Bot Framework Emulator (loopback only). */
  TEAMS_EMULATOR: z.preprocess(
    emptyToUndefined,
    z
      .stringbool({ truthy: ['1', 'true', 'yes', 'on'], falsy: ['0', 'false', 'no', 'off'] })
      .default(false),
  ),
  TEAMS_L1_CHANNEL_ID: teamsChannelId,
  TEAMS_L2_CHANNEL_ID: teamsChannelId,
  TEAMS_L3_CHANNEL_ID: teamsChannelId,
  /** The service-desk lead's channel: the weekly digest (DIGEST_SCHEDULE) starts a thread there. */
  TEAMS_LEAD_CHANNEL_ID: teamsChannelId,
  TEAMS_L1_PING: pingList,
  TEAMS_L2_PING: pingList,
  TEAMS_L3_PING: pingList,
  /** Hosts an activity's serviceUrl may name (https only; loopback only listed or in Emulator mode). */
  TEAMS_SERVICE_URL_HOSTS: checkedList(
    hostEntryProblem,
    normalizeHostEntry,
    DEFAULT_SERVICE_URL_HOSTS.join(','),
  ),
  /** Tenants a MultiTenant bot serves; empty: any (a warning at start). */
  TEAMS_ALLOWED_TENANTS: checkedList(tenantEntryProblem, (entry) => entry.toLowerCase()),
  TEAMS_CONNECTOR_TIMEOUT_MS: intSetting(100, 120_000, 10_000),
  TEAMS_CONNECTOR_CONCURRENCY: intSetting(1, 64, 8),
  /** Deadline of one file's download (a pasted image, a file sent in a personal chat). */
  TEAMS_FILE_TIMEOUT_MS: intSetting(1000, 600_000, 60_000),
};

type TeamsEnv = z.output<z.ZodObject<typeof teamsEnvShape>>;

/** Cross-variable rules; `problem(name, message)` reports one on a variable. */
export function checkTeamsEnv(
  env: TeamsEnv & { HOST: string },
  problem: (name: keyof TeamsEnv | 'HOST', message: string) => void,
): void {
  const certificate = Boolean(env.TEAMS_APP_CERT_THUMBPRINT || env.TEAMS_APP_CERT_KEY_FILE);
  if (env.TEAMS_APP_CERT_THUMBPRINT && !env.TEAMS_APP_CERT_KEY_FILE)
    problem(
      'TEAMS_APP_CERT_KEY_FILE',
      'required with TEAMS_APP_CERT_THUMBPRINT (the PEM private key)',
    );
  if (env.TEAMS_APP_CERT_KEY_FILE && !env.TEAMS_APP_CERT_THUMBPRINT)
    problem('TEAMS_APP_CERT_THUMBPRINT', 'required with TEAMS_APP_CERT_KEY_FILE');
  if (env.TEAMS_APP_ID) {
    const msi = env.TEAMS_APP_TYPE === 'UserAssignedMSI';
    if (!msi && !env.TEAMS_APP_PASSWORD && !certificate)
      problem(
        'TEAMS_APP_PASSWORD',
        'required when TEAMS_APP_ID is set (unless TEAMS_APP_TYPE=UserAssignedMSI or a certificate is configured)',
      );
    if (msi && (env.TEAMS_APP_PASSWORD || certificate))
      problem(
        'TEAMS_APP_PASSWORD',
        'must be unset with TEAMS_APP_TYPE=UserAssignedMSI (and so must the certificate)',
      );
    if (env.TEAMS_APP_TYPE !== 'MultiTenant') checkSingleTenant(env, problem);
    if (!env.TEAMS_L1_CHANNEL_ID)
      problem('TEAMS_L1_CHANNEL_ID', 'required when TEAMS_APP_ID is set (where L1 tickets go)');
    if (env.TEAMS_EMULATOR)
      problem(
        'TEAMS_EMULATOR',
        'must be off when TEAMS_APP_ID is set (it turns authentication off)',
      );
  } else {
    if (env.TEAMS_APP_PASSWORD)
      problem('TEAMS_APP_ID', 'required because TEAMS_APP_PASSWORD is set');
    if (certificate) problem('TEAMS_APP_ID', 'required because a certificate is configured');
    if (env.TEAMS_EMULATOR && !isLoopbackAddress(env.HOST))
      problem(
        'HOST',
        `must be a loopback address with TEAMS_EMULATOR=true (no authentication: anyone could post as anyone); got ${env.HOST}`,
      );
  }
}

/**
 * A SingleTenant (or managed-identity) bot serves its own tenant only: activities are matched against
 * TEAMS_APP_TENANT_ID, so it must be the GUID Teams sends, and TEAMS_ALLOWED_TENANTS cannot widen it.
 */
function checkSingleTenant(
  env: TeamsEnv,
  problem: (name: keyof TeamsEnv, message: string) => void,
): void {
  const tenant = env.TEAMS_APP_TENANT_ID;
  if (!tenant) {
    problem('TEAMS_APP_TENANT_ID', `required when TEAMS_APP_TYPE=${env.TEAMS_APP_TYPE}`);
    return;
  }
  if (!GUID.test(tenant))
    problem(
      'TEAMS_APP_TENANT_ID',
      'a GUID (the App Tenant ID): activities from Teams are matched against it',
    );
  const others = env.TEAMS_ALLOWED_TENANTS.filter((id) => id !== tenant.toLowerCase());
  if (others.length)
    problem(
      'TEAMS_ALLOWED_TENANTS',
      `only for TEAMS_APP_TYPE=MultiTenant; a ${env.TEAMS_APP_TYPE} bot serves TEAMS_APP_TENANT_ID only (got ${others.join(', ')})`,
    );
}
