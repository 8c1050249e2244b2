import { z } from 'zod';
import { parseBusinessHours, parseHolidays, parseSlaTargets, type Parsed } from './parsers';
import { checkTeamsEnv, teamsEnvShape } from './teams';
import { checkLeadEnv, leadEnvShape } from './lead';
import { reportEnvShape } from './report';
import { filesEnvShape } from './files';
import { commaList, emptyToUndefined, intSetting, optionalString, splitList } from './fields';
import type { Level } from '../core/ticket';
import { fileLinksEnvShape } from './file-links';

/**
 * The whole environment, validated once at start-up. Every problem is reported together, by variable
 * name, so an operator fixes a bad deployment in one go instead of one restart per variable.
 */

const flag = (fallback: boolean) =>
  z.preprocess(
    emptyToUndefined,
    z
      .stringbool({ truthy: ['1', 'true', 'yes', 'on'], falsy: ['0', 'false', 'no', 'off'] })
      .default(fallback),
  );
const port = (fallback: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(fallback));
const idList = commaList;
const slackChannelId = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .regex(/^[CGD][A-Z0-9]{6,}$/, 'a Slack channel id such as C0123456789')
    .optional(),
);

/** Who a level's escalation pings in Slack: user group ids (S...) and user ids (U.../W...), comma-separated. */
const slackPing = commaList.pipe(
  z.array(
    z
      .string()
      .regex(/^[SUW][A-Z0-9]{2,}$/, 'user group ids (S...) or user ids (U...), comma-separated'),
  ),
);

/** A string setting parsed by one of config-parsers, its message becoming the variable's error. */
const parsed = <T>(parse: (text: string) => Parsed<T>, fallback: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default(fallback)
      .transform((text, ctx) => {
        const result = parse(text);
        if (!result.ok) {
          ctx.addIssue({ code: 'custom', message: result.message });
          return z.NEVER;
        }
        return result.value;
      }),
  );

const envSchema = z
  .object({
    NODE_ENV: z.preprocess(
      emptyToUndefined,
      z.enum(['development', 'production', 'test']).default('development'),
    ),
    LOG_LEVEL: z.preprocess(
      emptyToUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    // auto: one readable line per event on a terminal, JSON lines otherwise (files, collectors).
    LOG_FORMAT: z.preprocess(emptyToUndefined, z.enum(['auto', 'pretty', 'json']).default('auto')),
    HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
    PORT: port(3000),
    ...fileLinksEnvShape,
    DEFAULT_LOCALE: z.preprocess(emptyToUndefined, z.enum(['id', 'en']).default('id')),
    AGENT_LOCALE: z.preprocess(emptyToUndefined, z.enum(['id', 'en']).optional()),

    MONGODB_URI: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(
          /^mongodb(\+srv)?:\/\/.+/,
          'a connection string starting with mongodb:// or mongodb+srv://',
        )
        .optional(),
    ),
    MONGODB_DB: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,63}$/, 'a database name of letters, digits, _ or -')
        .default('lapis'),
    ),
    MONGODB_TIMEOUT_MS: z.preprocess(
      emptyToUndefined,
      z.coerce.number().int().min(100).max(60000).default(5000),
    ),
    LAPIS_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('.data')),
    LAPIS_EMBEDDED_DB: flag(false),

    // The durable pipeline (see README "What Lapis guarantees").
    WORKER_CONCURRENCY: intSetting(1, 64, 8),
    MAX_BACKLOG: intSetting(1, 1_000_000, 2000),
    INTAKE_TIMEOUT_MS: intSetting(100, 2500, 1500),
    LEASE_SECONDS: intSetting(2, 300, 10),
    SHUTDOWN_SECONDS: intSetting(1, 120, 10),

    KB_DIR: z.preprocess(emptyToUndefined, z.string().default('kb')),
    KB_ARTICLE_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(
          /^https?:\/\/\S*\{id\}\S*$/,
          'a URL template containing {id} (and optionally {lang})',
        )
        .optional(),
    ),
    KB_ANSWER_THRESHOLD: z.preprocess(emptyToUndefined, z.coerce.number().min(0).max(1).optional()),
    // The semantic opinion (an embedding model beside the lexical search): auto, on or off.
    L0_SEMANTIC: z.preprocess(emptyToUndefined, z.enum(['auto', 'on', 'off']).default('auto')),
    L0_QUERY_DEADLINE_MS: intSetting(10, 10_000, 250),
    L0_MODEL_URL: z.preprocess(emptyToUndefined, z.url().optional()),
    LAPIS_CACHE_DIR: z.preprocess(emptyToUndefined, z.string().default('.cache')),
    // Learning from L0 outcomes: a confirmed phrasing is searched after this many confirmations.
    LEARN_MIN_CONFIRMATIONS: intSetting(1, 100, 2),
    LEARN_REFRESH_SECONDS: intSetting(5, 3600, 60),
    // Where off-topic questions are pointed (free text: a channel, an address, an extension).
    OFF_TOPIC_FACILITIES: optionalString,
    OFF_TOPIC_HR: optionalString,
    OFF_TOPIC_GENERAL: optionalString,

    SLACK_BOT_TOKEN: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^xoxb-/, 'a bot token starting with xoxb-')
        .optional(),
    ),
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^xapp-/, 'an app-level token starting with xapp-')
        .optional(),
    ),
    SLACK_SOCKET_MODE: flag(false),
    SLACK_API_URL: z.preprocess(emptyToUndefined, z.url().default('https://slack.com/api/')),
    SLACK_L1_CHANNEL_ID: slackChannelId,
    SLACK_L2_CHANNEL_ID: slackChannelId,
    SLACK_L3_CHANNEL_ID: slackChannelId,
    // The service-desk lead's channel: the weekly digest (DIGEST_SCHEDULE) is posted there.
    SLACK_LEAD_CHANNEL_ID: slackChannelId,
    SLACK_L1_PING: slackPing,
    SLACK_L2_PING: slackPing,
    SLACK_L3_PING: slackPing,
    SLACK_AGENTS_FROM_CHANNELS: flag(true),
    SLACK_CACHE_SECONDS: z.preprocess(
      emptyToUndefined,
      z.coerce.number().int().min(0).max(86400).default(300),
    ),
    // The Slack reaction that makes a ticket of a message for its author (`ticket` or `:ticket:`).
    TICKET_REACTION: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().replace(/^:|:$/g, '') || undefined : v),
      z
        .string()
        .regex(/^[a-z0-9_+'-]{1,100}$/, "a Slack reaction's name, such as ticket")
        .default('ticket'),
    ),

    ...teamsEnvShape,
    ...leadEnvShape,
    ...reportEnvShape,
    ...filesEnvShape,

    TIME_ZONE: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .default('Asia/Jakarta')
        .refine((tz) => {
          try {
            new Intl.DateTimeFormat('en', { timeZone: tz });
            return true;
          } catch {
            return false;
          }
        }, 'an IANA time zone such as Asia/Jakarta'),
    ),
    BUSINESS_HOURS: parsed(parseBusinessHours, 'Mon-Fri 08:00-17:00'),
    HOLIDAYS: parsed(parseHolidays, ''),
    SLA_TARGETS: parsed((text) => parseSlaTargets(text, 9 * 60), ''),
    SLA_AROUND_THE_CLOCK: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .default('P1')
        .transform(splitList)
        .pipe(
          z.array(z.enum(['P1', 'P2', 'P3', 'P4'], { error: 'priorities among P1, P2, P3, P4' })),
        ),
    ),
    SLA_AUTO_ESCALATE: flag(false),
    SLA_SWEEP_SECONDS: z.preprocess(
      emptyToUndefined,
      z.coerce.number().int().min(5).max(3600).default(60),
    ),
    REOPEN_WINDOW_HOURS: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number()
        .min(0)
        .max(24 * 90)
        .default(72),
    ),
    FOLLOW_UP_SECONDS: z.preprocess(
      emptyToUndefined,
      z.coerce.number().int().min(0).max(600).default(30),
    ),

    L1_AGENT_IDS: idList,
    L2_AGENT_IDS: idList,
    L3_AGENT_IDS: idList,
  })
  .superRefine((env, ctx) => {
    const need = (name: keyof typeof env, why: string) =>
      ctx.addIssue({ code: 'custom', path: [name], message: `required ${why}` });
    if (env.SLACK_BOT_TOKEN) {
      if (env.SLACK_SOCKET_MODE && !env.SLACK_APP_TOKEN)
        need('SLACK_APP_TOKEN', 'when SLACK_SOCKET_MODE is on');
      if (!env.SLACK_SOCKET_MODE && !env.SLACK_SIGNING_SECRET)
        need(
          'SLACK_SIGNING_SECRET',
          'when SLACK_BOT_TOKEN is set (HTTP mode verifies every request)',
        );
      if (!env.SLACK_L1_CHANNEL_ID)
        need('SLACK_L1_CHANNEL_ID', 'when SLACK_BOT_TOKEN is set (where L1 tickets go)');
    } else {
      for (const name of [
        'SLACK_SIGNING_SECRET',
        'SLACK_APP_TOKEN',
        'SLACK_L1_CHANNEL_ID',
        'SLACK_LEAD_CHANNEL_ID',
      ] as const) {
        if (env[name]) need('SLACK_BOT_TOKEN', `because ${name} is set`);
      }
    }
    checkTeamsEnv(env, (name, message) => ctx.addIssue({ code: 'custom', path: [name], message }));
    checkLeadEnv(env, (name, message) => ctx.addIssue({ code: 'custom', path: [name], message }));
    // A company's tickets should not end up in a single SQLite file by accident.
    const platform = Boolean(env.SLACK_BOT_TOKEN) || Boolean(env.TEAMS_APP_ID);
    if (env.NODE_ENV === 'production' && platform && !env.MONGODB_URI && !env.LAPIS_EMBEDDED_DB)
      need(
        'MONGODB_URI',
        'in production with Slack or Teams (or set LAPIS_EMBEDDED_DB=true to keep the data in the embedded database on this machine)',
      );
  });

export type Env = z.output<typeof envSchema>;

export interface Config extends Env {
  /** Which chat platforms are configured (Teams also with TEAMS_EMULATOR); the local console serves when neither is. */
  readonly slackEnabled: boolean;
  readonly teamsEnabled: boolean;
  /** Neither platform: the local console serves (loopback only, everyone trusted). */
  readonly consoleMode: boolean;
  /** L1_AGENT_IDS..L3_AGENT_IDS by level: each channel's directory starts from these. */
  readonly agentIds: Readonly<Record<Level, readonly string[]>>;
  /** The agents' channels' language: AGENT_LOCALE, else DEFAULT_LOCALE. */
  readonly AGENT_LOCALE: Env['DEFAULT_LOCALE'];
}

export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

export class ConfigError extends Error {
  readonly code = 'invalid_config';
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      `Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n') +
        '\nSee .env.example for every variable and its meaning.',
    );
    this.name = 'ConfigError';
  }
}

/** Parses the environment, throwing a ConfigError that lists every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      // The variable itself: a list element's index would only confuse ("SLA_AROUND_THE_CLOCK.0").
      variable: issue.path.length ? String(issue.path[0]) : '(environment)',
      message: describeIssue(issue),
    }));
    throw new ConfigError(problems);
  }
  const data = parsed.data;
  const slackEnabled = Boolean(data.SLACK_BOT_TOKEN);
  const teamsEnabled = Boolean(data.TEAMS_APP_ID) || data.TEAMS_EMULATOR;
  return {
    ...data,
    AGENT_LOCALE: data.AGENT_LOCALE ?? data.DEFAULT_LOCALE,
    slackEnabled,
    teamsEnabled,
    consoleMode: !slackEnabled && !teamsEnabled,
    agentIds: { 1: data.L1_AGENT_IDS, 2: data.L2_AGENT_IDS, 3: data.L3_AGENT_IDS },
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value')
    return `expected one of ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'too_small' || issue.code === 'too_big')
    return `out of range: ${issue.message}`;
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  return issue.message;
}
