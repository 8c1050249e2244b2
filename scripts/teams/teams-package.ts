import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { z } from 'zod';
import { decodeRgbaPng, readPngHeader } from './png';

/**
 * The Teams app package: manifest.json (schema 1.17+) and its two icons, checked and zipped with
 * fflate for upload to Teams. The ids in manifest.json are placeholder GUIDs; packaging puts in the
 * Azure Bot's app id (TEAMS_APP_ID) and, when given, a separate Teams app id (TEAMS_MANIFEST_ID).
 */
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;
export const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';

const guid = z.string().regex(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i, 'a GUID');
const https = z.url({ protocol: /^https$/, error: 'an https:// URL' }).max(2048);
const command = z.looseObject({
  title: z.string().min(1).max(32),
  description: z.string().min(1).max(128),
});

export const manifestSchema = z.looseObject({
  $schema: z
    .string()
    .regex(
      /teams\/v1\.(1[7-9]|2\d)\/MicrosoftTeams\.schema\.json$/,
      'the Teams schema URL, v1.17 or later',
    ),
  manifestVersion: z.string().regex(/^1\.(1[7-9]|2\d)$/, 'manifest schema 1.17 or later'),
  version: z.string().regex(/^\d{1,3}\.\d{1,3}\.\d{1,3}$/, 'a version like 1.0.0'),
  id: guid,
  developer: z.looseObject({
    name: z.string().min(1).max(32),
    websiteUrl: https,
    privacyUrl: https,
    termsOfUseUrl: https,
  }),
  name: z.looseObject({ short: z.string().min(1).max(30), full: z.string().min(1).max(100) }),
  description: z.looseObject({
    short: z.string().min(1).max(80),
    full: z.string().min(1).max(4000),
  }),
  icons: z.looseObject({ color: z.literal('color.png'), outline: z.literal('outline.png') }),
  accentColor: z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'a colour like #1F4E9E'),
  bots: z
    .array(
      z.looseObject({
        botId: guid,
        scopes: z
          .array(z.enum(['personal', 'team', 'groupChat']))
          .refine((s) => s.includes('personal') && s.includes('team'), 'personal and team scopes'),
        isNotificationOnly: z.literal(false),
        commandLists: z
          .array(
            z.looseObject({
              scopes: z.array(z.enum(['personal', 'team', 'groupChat'])).min(1),
              commands: z.array(command).min(1).max(10),
            }),
          )
          .max(3)
          .optional(),
      }),
    )
    .length(1, 'exactly one bot'),
  /** The message action "Create IT ticket" (a ticket for a message's author). */
  composeExtensions: z
    .array(
      z.looseObject({
        botId: guid,
        commands: z
          .array(
            z.looseObject({
              id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
              type: z.enum(['action', 'query']),
              title: z.string().min(1).max(32),
              context: z
                .array(z.enum(['compose', 'commandBox', 'message']))
                .min(1)
                .optional(),
              fetchTask: z.boolean().optional(),
            }),
          )
          .min(1)
          .max(10),
      }),
    )
    .max(1)
    .optional(),
  webApplicationInfo: z.looseObject({ id: guid, resource: z.string().optional() }),
  authorization: z.looseObject({
    permissions: z.looseObject({
      resourceSpecific: z
        .array(z.looseObject({ name: z.string(), type: z.enum(['Application', 'Delegated']) }))
        .refine(
          (p) => p.some((x) => x.name === 'ChannelMessage.Read.Group' && x.type === 'Application'),
          'ChannelMessage.Read.Group (so agents can reply in ticket threads without @mentioning the bot)',
        ),
    }),
  }),
});

export type TeamsManifest = z.output<typeof manifestSchema>;

export class TeamsPackageError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The Teams app package is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'TeamsPackageError';
  }
}

/** Problems with the manifest, one line each ("bots.0.botId: a GUID"). */
export function manifestProblems(manifest: unknown): string[] {
  const parsed = manifestSchema.safeParse(manifest);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => `manifest.json ${i.path.join('.') || '(root)'}: ${i.message}`);
  if (parsed.success) {
    const bot = parsed.data.bots[0];
    if (bot && parsed.data.webApplicationInfo.id.toLowerCase() !== bot.botId.toLowerCase())
      problems.push('manifest.json webApplicationInfo.id: must be the bot id (bots.0.botId)');
    for (const [i, extension] of (parsed.data.composeExtensions ?? []).entries())
      if (bot && extension.botId.toLowerCase() !== bot.botId.toLowerCase())
        problems.push(
          `manifest.json composeExtensions.${i}.botId: must be the bot id (bots.0.botId)`,
        );
  }
  return problems;
}

/** Teams' icon rules: color 192x192; outline 32x32, white on a transparent background. */
export function iconProblems(color: Uint8Array, outline: Uint8Array): string[] {
  const problems: string[] = [];
  const size = (name: string, png: Uint8Array, want: number) => {
    try {
      const { width, height } = readPngHeader(png);
      if (width !== want || height !== want)
        problems.push(`${name}: ${width}x${height}, expected ${want}x${want}`);
    } catch (error) {
      problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  size('color.png', color, 192);
  size('outline.png', outline, 32);
  if (!problems.some((p) => p.startsWith('outline.png'))) problems.push(...outlineColours(outline));
  return problems;
}

function outlineColours(outline: Uint8Array): string[] {
  let rgba: Uint8Array;
  try {
    rgba = decodeRgbaPng(outline).rgba;
  } catch {
    return ['outline.png: must be an RGBA PNG (white on transparent)'];
  }
  let transparent = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    const alpha = rgba[i + 3] ?? 0;
    if (alpha === 0) transparent++;
    else if (rgba[i] !== 255 || rgba[i + 1] !== 255 || rgba[i + 2] !== 255)
      return ['outline.png: every visible pixel must be white (#FFFFFF)'];
  }
  return transparent > 0 ? [] : ['outline.png: needs a transparent background'];
}

/** Puts the configured ids in place of the placeholders; warns when none is configured. */
export function withIds(
  manifest: TeamsManifest,
  env: NodeJS.ProcessEnv,
): { manifest: TeamsManifest; warnings: string[] } {
  const botId = env.TEAMS_APP_ID?.trim() || undefined;
  const appId = env.TEAMS_MANIFEST_ID?.trim() || botId;
  const warnings: string[] = [];
  if (!botId)
    warnings.push(
      'TEAMS_APP_ID is not set: the package keeps the placeholder bot id; set it to the Azure Bot app id before uploading',
    );
  const bots = manifest.bots.map((b) => ({ ...b, botId: botId ?? b.botId }));
  const composeExtensions = manifest.composeExtensions?.map((x) => ({
    ...x,
    botId: botId ?? x.botId,
  }));
  const webApplicationInfo = {
    ...manifest.webApplicationInfo,
    id: botId ?? manifest.webApplicationInfo.id,
  };
  return {
    manifest: {
      ...manifest,
      id: appId ?? manifest.id,
      bots,
      ...(composeExtensions && { composeExtensions }),
      webApplicationInfo,
    },
    warnings,
  };
}

/** Validates manifest/teams/ and writes the zip; throws a TeamsPackageError listing every problem. */
export function buildTeamsPackage(options: {
  dir: string;
  outFile: string;
  env: NodeJS.ProcessEnv;
}) {
  const read = (name: string) => readFileSync(path.join(options.dir, name));
  let raw: unknown;
  try {
    raw = JSON.parse(read('manifest.json').toString('utf8'));
  } catch (error) {
    throw new TeamsPackageError([
      `manifest.json: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  const color = read('color.png');
  const outline = read('outline.png');
  const found = [...manifestProblems(raw), ...iconProblems(color, outline)];
  if (found.length) throw new TeamsPackageError(found);
  const { manifest, warnings } = withIds(manifestSchema.parse(raw), options.env);
  const final = manifest;
  const after = manifestProblems(final);
  if (after.length)
    throw new TeamsPackageError(after.map((p) => `${p} (from TEAMS_APP_ID / TEAMS_MANIFEST_ID)`));
  const zip = zipSync({
    'manifest.json': strToU8(`${JSON.stringify(final, null, 2)}\n`),
    'color.png': color,
    'outline.png': outline,
  });
  mkdirSync(path.dirname(options.outFile), { recursive: true });
  writeFileSync(options.outFile, zip);
  return { outFile: options.outFile, manifest: final, warnings, bytes: zip.length };
}
