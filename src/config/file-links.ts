import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { emptyToUndefined, intSetting } from './fields';

/**
 * Links to kept files that Lapis serves (src/http/file-links.ts), for Teams, whose bots cannot
 * upload files into channels: where people reach Lapis, the links' secret and lifetime
 * (src/config/config.ts spreads these in).
 */
export const MIN_FILE_LINK_SECRET = 32;

export const fileLinksEnvShape = {
  /** Where people's browsers (and Teams) reach Lapis, e.g. https://lapis.example.com. */
  PUBLIC_URL: z.preprocess(
    emptyToUndefined,
    z
      .url({ protocol: /^https?$/, error: 'an http(s) URL such as https://lapis.example.com' })
      .optional(),
  ),
  FILE_LINK_SECRET: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .min(
        MIN_FILE_LINK_SECRET,
        `at least ${MIN_FILE_LINK_SECRET} characters (e.g. \`openssl rand -base64 32\`)`,
      )
      .optional(),
  ),
  FILE_LINK_TTL_HOURS: intSetting(1, 24 * 365, 24 * 7),
};

export interface FileLinkSettings {
  readonly baseUrl: string;
  readonly secret: string;
  readonly ttlSeconds: number;
  /** Where the secret came from; `random` lasts one process (links die with a restart). */
  readonly secretFrom: 'FILE_LINK_SECRET' | 'DASHBOARD_TOKEN' | 'TEAMS_APP_PASSWORD' | 'random';
  /** No PUBLIC_URL: links name HOST:PORT, which only this machine may reach. */
  readonly guessedBaseUrl: boolean;
}

interface FileLinkEnv {
  readonly PUBLIC_URL?: string | undefined;
  readonly FILE_LINK_SECRET?: string | undefined;
  readonly FILE_LINK_TTL_HOURS: number;
  readonly DASHBOARD_TOKEN?: string | undefined;
  readonly TEAMS_APP_PASSWORD?: string | undefined;
  readonly HOST: string;
  readonly PORT: number;
}

/**
 * The links' settings: FILE_LINK_SECRET, else a key derived from a secret the deployment already has
 * (the same on every instance, and never the secret itself), else a random one for this process.
 */
export function fileLinkSettingsOf(env: FileLinkEnv): FileLinkSettings {
  const derived = (secret: string) =>
    createHmac('sha256', secret).update('lapis file links').digest('base64url');
  const [secret, secretFrom]: [string, FileLinkSettings['secretFrom']] = env.FILE_LINK_SECRET
    ? [env.FILE_LINK_SECRET, 'FILE_LINK_SECRET']
    : env.DASHBOARD_TOKEN
      ? [derived(env.DASHBOARD_TOKEN), 'DASHBOARD_TOKEN']
      : env.TEAMS_APP_PASSWORD
        ? [derived(env.TEAMS_APP_PASSWORD), 'TEAMS_APP_PASSWORD']
        : [randomBytes(32).toString('base64url'), 'random'];
  const host = env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  return {
    baseUrl: (env.PUBLIC_URL ?? `http://${host}:${env.PORT}`).replace(/\/+$/, ''),
    secret,
    secretFrom,
    ttlSeconds: env.FILE_LINK_TTL_HOURS * 3600,
    guessedBaseUrl: !env.PUBLIC_URL,
  };
}
