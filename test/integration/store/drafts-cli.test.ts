import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kbDraftId, type KbDraft, type KbDrafts } from '../../../src/core/ports/kb-drafts';
import { ensureIndexes } from '../../../src/store/ensure-indexes';
import { createMongoKbDrafts } from '../../../src/store/mongo-kb-drafts';
import { openTestDatabase } from '../../support/test-database';

const root = path.resolve(__dirname, '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const cli = path.join(root, 'src/cli/kb-cli.ts');
const mini = path.join(root, 'test/fixtures/kb-mini');

function draft(ticket: string, overrides: Partial<KbDraft> = {}): Omit<KbDraft, 'exportedAt'> {
  return {
    id: kbDraftId(ticket),
    ticketId: ticket,
    ticketKey: `IT-${ticket}`,
    articleId: `draft-${ticket}`,
    lang: 'en',
    title: `Drafted from ${ticket}`,
    category: 'hardware',
    tags: ['printer'],
    questions: ['printer says E-42'],
    summary: 'Open the side door and pull the sheet out.',
    steps: ['Open the side door.', 'Pull the sheet out.'],
    by: { platform: 'slack', id: 'U-AYU', name: 'Ayu' },
    createdAt: new Date(Date.UTC(2025, 2, 3, 9, Number(ticket))),
    updatedAt: new Date(Date.UTC(2025, 2, 3, 10, Number(ticket))),
    ...overrides,
  };
}

/** The `kb drafts` commands against the real test database, as other tools run them. */
describe('kb drafts (CLI, real database)', () => {
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  let drafts: KbDrafts;
  let tmp: string;

  function kb(args: string[]) {
    const result = spawnSync(tsx, [cli, ...args], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60000,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        MONGODB_URI: process.env.LAPIS_TEST_MONGODB_URI,
        MONGODB_DB: conn.db.databaseName,
        SLACK_BOT_TOKEN: 'xoxb-only-a-token',
      },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  beforeAll(async () => {
    conn = await openTestDatabase();
    await ensureIndexes(conn.db);
    drafts = createMongoKbDrafts(conn.db);
    tmp = mkdtempSync(path.join(os.tmpdir(), 'lapis-drafts-'));
    await drafts.save(draft('1'));
    await drafts.save(draft('2', { lang: 'id', title: 'Printer macet', category: 'general' }));
    // Its id and language are already an article of kb-mini.
    await drafts.save(draft('3', { articleId: 'printer-jam' }));
  });
  afterAll(async () => {
    rmSync(tmp, { recursive: true, force: true });
    await conn.dispose();
  });

  it('lists the drafts, as JSON and as a table', () => {
    const json = kb(['drafts', 'list', '--json']);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const rows = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => [r.id, r.status, r.ticketKey, r.file, r.exportedAt])).toEqual([
      ['draft-1', 'approved', 'IT-1', 'hardware/draft-1.en.md', null],
      ['draft-2', 'approved', 'IT-2', 'general/draft-2.id.md', null],
      ['printer-jam', 'approved', 'IT-3', 'hardware/printer-jam.en.md', null],
    ]);
    // One id for a draft everywhere: the article id (the store's own key is not shown).
    expect(json.stdout).not.toContain('draft:');
    expect(rows[0]).toMatchObject({
      title: 'Drafted from 1',
      by: 'Ayu',
      steps: ['Open the side door.', 'Pull the sheet out.'],
      updatedAt: '2025-03-03T10:01:00.000Z',
    });
    const table = kb(['drafts', 'list']).stdout.trim().split('\n');
    expect(table[0]).toMatch(/^ID\s+STATUS\s+TICKET\s+FILE\s+BY\s+UPDATED\s+TITLE$/);
    expect(table[2]).toMatch(
      /^draft-2\s+approved\s+IT-2\s+general\/draft-2\.id\.md\s+Ayu\s+2025-03-03\s+Printer macet$/,
    );
  });

  it('exports into a KB folder without overwriting, and the folder stays valid', async () => {
    const kbDir = path.join(tmp, 'kb');
    cpSync(mini, kbDir, { recursive: true });
    // Someone already wrote a different file where draft 2 would go.
    mkdirSync(path.join(kbDir, 'general'));
    const theirs = path.join(kbDir, 'general/draft-2.id.md');
    writeFileSync(
      theirs,
      readFileSync(path.join(mini, 'vpn-setup.id.md'), 'utf8').replace(
        'id: vpn-setup',
        'id: other',
      ),
    );

    const out = kb(['drafts', 'export', kbDir]);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(
      `wrote ${path.join(kbDir, 'hardware/draft-1.en.md')} (draft draft-1 from IT-1)\n` +
        'exported 1 draft(s), 2 skipped\n',
    );
    expect(out.stderr).toContain(
      `skipped (draft draft-2 from IT-2): ${theirs} exists and is not overwritten`,
    );
    expect(out.stderr).toContain(
      'skipped (draft printer-jam from IT-3): id "printer-jam" in lang en is already in',
    );
    expect(readFileSync(theirs, 'utf8')).toContain('id: other');
    expect(readFileSync(path.join(kbDir, 'hardware/draft-1.en.md'), 'utf8')).toMatch(
      /^---\nid: draft-1\nlang: en\ntitle: Drafted from 1\ncategory: hardware\n/,
    );
    const validate = kb(['validate', '--kb', kbDir]);
    expect(validate.stderr).toBe('');
    expect(validate.code).toBe(0);

    const [first] = await drafts.list();
    expect(first).toMatchObject({ exportedTo: 'hardware/draft-1.en.md' });
    expect(first?.exportedAt).toBeInstanceOf(Date);
    // Exported drafts are not written again.
    expect(kb(['drafts', 'export', kbDir]).stdout).toBe('exported 0 draft(s), 2 skipped\n');
  });

  it('exports into an empty folder, which then passes validate', () => {
    const fresh = path.join(tmp, 'review');
    const out = kb(['drafts', 'export', fresh]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(
      /wrote .*general\/draft-2\.id\.md[\s\S]*wrote .*hardware\/printer-jam\.en\.md/,
    );
    const validate = kb(['validate', '--kb', fresh]);
    expect(validate.stderr).toBe('');
    expect(validate.stdout).toBe('ok: 2 files, 2 articles (1 en, 1 id)\n');
    const listed = kb(['drafts', 'list', '--json']).stdout;
    expect(listed).not.toContain('"exportedAt":null');
    expect(listed).not.toContain('"status":"approved"');
  });
});
