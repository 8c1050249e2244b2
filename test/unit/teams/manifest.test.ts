import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { encodePng, readPngHeader } from '../../../scripts/teams/png';
import {
  buildTeamsPackage,
  iconProblems,
  manifestProblems,
  PACKAGE_FILES,
  PLACEHOLDER_ID,
  TeamsPackageError,
} from '../../../scripts/teams/teams-package';
import { TICKET_COMMAND_ID } from '../../../src/channels/teams/activity-schema';
import { projectRoot } from '../../../src/util/project-root';

const dir = path.join(projectRoot(), 'manifest', 'teams');
const read = (name: string) => readFileSync(path.join(dir, name));
const manifest = () =>
  JSON.parse(read('manifest.json').toString('utf8')) as Record<string, unknown>;
const BOT_ID = '6f1b2a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b';

describe('Teams app manifest (manifest/teams)', () => {
  it('is a valid schema 1.17+ manifest: bot with personal and team scopes, commands, RSC', () => {
    expect(manifestProblems(manifest())).toEqual([]);
    const m = manifest() as {
      manifestVersion: string;
      id: string;
      bots: {
        botId: string;
        scopes: string[];
        supportsFiles: boolean;
        commandLists: { commands: { title: string }[] }[];
      }[];
    };
    expect(Number(m.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(17);
    // Ids are placeholders in the file: packaging puts in TEAMS_APP_ID.
    expect(m.id).toBe(PLACEHOLDER_ID);
    expect(m.bots[0]!.botId).toBe(PLACEHOLDER_ID);
    expect(m.bots[0]!.scopes).toEqual(['personal', 'team']);
    // Files in personal chats (file.download.info) come only to a bot that supports them.
    expect(m.bots[0]!.supportsFiles).toBe(true);
    const titles = m.bots[0]!.commandLists.flatMap((l) => l.commands.map((c) => c.title));
    expect(titles).toEqual(expect.arrayContaining(['help', 'my tickets', 'status IT-123']));
  });

  it('has the "Create IT ticket" message action the Teams channel takes, answered by the bot', () => {
    const m = manifest() as {
      composeExtensions: { botId: string; commands: Record<string, unknown>[] }[];
    };
    expect(m.composeExtensions).toEqual([
      {
        botId: PLACEHOLDER_ID,
        commands: [
          expect.objectContaining({
            id: TICKET_COMMAND_ID,
            type: 'action',
            context: ['message'],
            fetchTask: false,
            title: 'Create IT ticket',
          }),
        ],
      },
    ]);
    const other = { ...m.composeExtensions[0], botId: '11111111-1111-4111-8111-111111111111' };
    expect(manifestProblems({ ...manifest(), composeExtensions: [other] })).toEqual([
      'manifest.json composeExtensions.0.botId: must be the bot id (bots.0.botId)',
    ]);
  });

  it('names each missing or bad field', () => {
    const broken = {
      ...manifest(),
      id: 'not-a-guid',
      name: { short: 'x'.repeat(31), full: 'Lapis' },
    };
    delete (broken as Record<string, unknown>).developer;
    const problems = manifestProblems(broken).join('\n');
    expect(problems).toMatch(/^manifest\.json id: a GUID$/m);
    expect(problems).toMatch(/^manifest\.json name\.short: /m);
    expect(problems).toMatch(/^manifest\.json developer: /m);
    const noRsc = { ...manifest(), authorization: { permissions: { resourceSpecific: [] } } };
    expect(manifestProblems(noRsc).join('\n')).toMatch(/ChannelMessage\.Read\.Group/);
  });

  it('has a 192x192 colour icon and a 32x32 white-on-transparent outline (read from the PNG headers)', () => {
    expect(readPngHeader(read('color.png'))).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(read('outline.png'))).toMatchObject({
      width: 32,
      height: 32,
      colorType: 6,
    });
    expect(iconProblems(read('color.png'), read('outline.png'))).toEqual([]);
  });

  it('refuses icons of the wrong size or an outline that is not white on transparent', () => {
    const red = new Uint8Array(32 * 32 * 4).map((_, i) => (i % 4 === 1 || i % 4 === 2 ? 0 : 255));
    expect(iconProblems(read('outline.png'), encodePng(32, 32, red))).toEqual([
      'color.png: 32x32, expected 192x192',
      'outline.png: every visible pixel must be white (#FFFFFF)',
    ]);
    const opaqueWhite = new Uint8Array(32 * 32 * 4).fill(255);
    expect(iconProblems(read('color.png'), encodePng(32, 32, opaqueWhite))).toEqual([
      'outline.png: needs a transparent background',
    ]);
    expect(iconProblems(read('color.png'), Buffer.from('GIF89a'))).toEqual([
      'outline.png: not a PNG file',
    ]);
  });

  describe('packaging', () => {
    let out: string;
    beforeEach(() => {
      out = mkdtempSync(path.join(os.tmpdir(), 'lapis-teams-package-'));
    });
    afterEach(() => rmSync(out, { recursive: true, force: true }));

    it('zips exactly the three files, at the root, with the bot id from the environment', () => {
      const outFile = path.join(out, 'lapis-teams.zip');
      const result = buildTeamsPackage({ dir, outFile, env: { TEAMS_APP_ID: BOT_ID } });
      expect(result.warnings).toEqual([]);
      const files = unzipSync(readFileSync(outFile));
      expect(Object.keys(files).sort()).toEqual([...PACKAGE_FILES].sort());
      const packaged = JSON.parse(strFromU8(files['manifest.json']!)) as {
        id: string;
        bots: { botId: string; supportsFiles: boolean }[];
        webApplicationInfo: { id: string };
        composeExtensions: { botId: string }[];
      };
      expect(packaged.id).toBe(BOT_ID);
      expect(packaged.bots[0]).toMatchObject({ botId: BOT_ID, supportsFiles: true });
      expect(packaged.webApplicationInfo.id).toBe(BOT_ID);
      expect(packaged.composeExtensions[0]?.botId).toBe(BOT_ID);
      expect(Buffer.from(files['color.png']!).equals(read('color.png'))).toBe(true);
      expect(Buffer.from(files['outline.png']!).equals(read('outline.png'))).toBe(true);
    });

    it('warns without TEAMS_APP_ID and refuses a bad one', () => {
      const outFile = path.join(out, 'lapis-teams.zip');
      expect(buildTeamsPackage({ dir, outFile, env: {} }).warnings[0]).toMatch(
        /TEAMS_APP_ID is not set/,
      );
      expect(() => buildTeamsPackage({ dir, outFile, env: { TEAMS_APP_ID: 'nope' } })).toThrow(
        TeamsPackageError,
      );
    });
  });
});
