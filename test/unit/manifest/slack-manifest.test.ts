import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SLACK_EVENTS_PATH } from '../../../src/channels/slack/slack-app';
import { SLASH_COMMAND, TICKET_SHORTCUT } from '../../../src/channels/slack/slack-command-names';
import { EVENT_SCOPES, FEATURE_SCOPES, METHOD_SCOPES } from '../../support/slack-method-scopes';

/**
 * manifest/slack/manifest.json is a valid Slack app manifest (the shape Slack's "Create app from
 * manifest" accepts) and asks for exactly what the code uses: the Web API methods the Slack channel
 * calls (read from its source), the events it listens to, its slash command and shortcut.
 */
const root = path.join(__dirname, '../../..');
const manifest: unknown = JSON.parse(
  readFileSync(path.join(root, 'manifest/slack/manifest.json'), 'utf8'),
);
const slackSource = readdirSync(path.join(root, 'src/channels/slack'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(path.join(root, 'src/channels/slack', f), 'utf8'))
  .join('\n');

const https = z.url().regex(/^https:\/\//);
const text = (max: number) => z.string().min(1).max(max);
const manifestSchema = z.strictObject({
  _metadata: z.strictObject({ major_version: z.literal(1), minor_version: z.number().int() }),
  display_information: z.strictObject({
    name: text(35),
    description: text(140).optional(),
    long_description: z.string().min(174).max(4000).optional(),
    background_color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/)
      .optional(),
  }),
  features: z.strictObject({
    app_home: z.strictObject({
      home_tab_enabled: z.boolean(),
      messages_tab_enabled: z.boolean(),
      messages_tab_read_only_enabled: z.boolean(),
    }),
    bot_user: z.strictObject({ display_name: text(80), always_online: z.boolean() }),
    slash_commands: z.array(
      z.strictObject({
        command: z.string().regex(/^\/[a-z0-9_-]{1,31}$/),
        url: https,
        description: text(2000),
        usage_hint: text(1000).optional(),
        should_escape: z.boolean(),
      }),
    ),
    shortcuts: z.array(
      z.strictObject({
        name: text(24),
        type: z.enum(['message', 'global']),
        callback_id: text(255),
        description: text(150),
      }),
    ),
  }),
  oauth_config: z.strictObject({ scopes: z.strictObject({ bot: z.array(z.string()).min(1) }) }),
  settings: z.strictObject({
    event_subscriptions: z.strictObject({ request_url: https, bot_events: z.array(z.string()) }),
    interactivity: z.strictObject({ is_enabled: z.literal(true), request_url: https }),
    org_deploy_enabled: z.boolean(),
    socket_mode_enabled: z.boolean(),
    token_rotation_enabled: z.boolean(),
  }),
});

const parsed = manifestSchema.parse(manifest);

/** `client.chat.postMessage(` and the like, as the Slack channel's source calls them. */
function methodsCalled(): string[] {
  const found = [...slackSource.matchAll(/\bclient\.(\w+)\.(\w+)\(/g)].map(
    (m) => `${m[1]}.${m[2]}`,
  );
  return [...new Set(found)].sort();
}

describe('Slack app manifest', () => {
  it('has the shape Slack accepts', () => {
    expect(parsed.display_information.name).toBe('Lapis');
    expect(parsed.features.app_home.home_tab_enabled).toBe(true);
    expect(parsed.features.app_home.messages_tab_enabled).toBe(true);
    expect(parsed.features.app_home.messages_tab_read_only_enabled).toBe(false);
  });

  it('sends events, the command and interactions to the endpoint Bolt listens on', () => {
    const urls = [
      parsed.settings.event_subscriptions.request_url,
      parsed.settings.interactivity.request_url,
      ...parsed.features.slash_commands.map((c) => c.url),
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(new Set(urls.map((u) => new URL(u).host)).size).toBe(1);
  });

  it('declares the slash command and the message shortcut the code registers', () => {
    expect(parsed.features.slash_commands.map((c) => c.command)).toEqual([SLASH_COMMAND]);
    expect(parsed.features.shortcuts).toEqual([
      expect.objectContaining({
        type: 'message',
        callback_id: TICKET_SHORTCUT,
        name: 'Create IT ticket',
      }),
    ]);
    expect(slackSource).toContain("'/helpdesk'");
    expect(slackSource).toContain("'create_it_ticket'");
  });

  it('subscribes to exactly the events the code listens to', () => {
    const listened = [...slackSource.matchAll(/app\.event\('(\w+)'/g)].map((m) => m[1]).sort();
    expect(listened).toEqual(['app_home_opened', 'app_mention', 'message', 'reaction_added']);
    const expected = [
      'app_home_opened',
      'app_mention',
      'message.channels',
      'message.groups',
      'message.im',
      'reaction_added',
    ];
    expect([...parsed.settings.event_subscriptions.bot_events].sort()).toEqual(expected);
    expect(Object.keys(EVENT_SCOPES).sort()).toEqual(expected);
  });

  it('has a scope for every Web API method the code calls, and no scope it does not use', () => {
    const called = methodsCalled();
    expect(called).toEqual(
      expect.arrayContaining(['chat.postMessage', 'conversations.members', 'views.open']),
    );
    expect(called.filter((m) => !(m in METHOD_SCOPES))).toEqual([]);
    expect(Object.keys(METHOD_SCOPES).filter((m) => !called.includes(m))).toEqual([]);
    const needed = new Set([
      ...called.flatMap((m) => METHOD_SCOPES[m] ?? []),
      ...parsed.settings.event_subscriptions.bot_events.flatMap((e) => EVENT_SCOPES[e] ?? []),
      ...FEATURE_SCOPES,
    ]);
    expect([...parsed.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it('is in HTTP mode by default (Socket Mode is switched on in Slack and by SLACK_SOCKET_MODE)', () => {
    expect(parsed.settings.socket_mode_enabled).toBe(false);
  });
});
