import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { learnedPhrasingId, type PhrasingConfirmation } from '../../../src/core/ports/l0-learning';
import { ensureIndexes } from '../../../src/store/ensure-indexes';
import type { L0LearningAdmin } from '../../../src/core/ports/l0-learning';
import { createMongoL0Learning } from '../../../src/store/mongo-l0-learning';
import { openTestDatabase } from '../../support/test-database';

const root = path.resolve(__dirname, '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const cli = path.join(root, 'src/cli/kb-cli.ts');
const mini = path.join(root, 'test/fixtures/kb-mini');

/** The `kb learned` commands against the real test database, on a temporary copy of kb-mini. */
describe('kb learned (CLI, real database)', () => {
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  let learning: L0LearningAdmin;
  let kbDir: string;

  /** Runs the KB CLI as other tools do, with only the database configured (and a broken Slack one). */
  function kb(args: string[], env: Record<string, string> = {}) {
    const result = spawnSync(tsx, [cli, ...args], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60000,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        MONGODB_URI: process.env.LAPIS_TEST_MONGODB_URI,
        MONGODB_DB: conn.db.databaseName,
        // Half a Slack setup would stop the bot; it must not stop a database command.
        SLACK_BOT_TOKEN: 'xoxb-only-a-token',
        ...env,
      },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  const confirm = (articleId: string, text: string, lang: 'en' | 'id' | undefined, n: number) =>
    Promise.all(
      Array.from({ length: n }, (_, i) =>
        learning.confirm({
          articleId,
          text,
          lang,
          source: 'requester',
          key: `${articleId}:${text}:${i}`,
          user: { platform: 'slack', id: `U${i}` },
          at: new Date(Date.UTC(2025, 2, 3, 9, i)),
        } satisfies PhrasingConfirmation),
      ),
    );
  const id = learnedPhrasingId;

  beforeAll(async () => {
    conn = await openTestDatabase();
    await ensureIndexes(conn.db);
    learning = createMongoL0Learning(conn.db);
    kbDir = mkdtempSync(path.join(os.tmpdir(), 'lapis-learned-'));
    cpSync(mini, kbDir, { recursive: true });
    await confirm('password-reset', 'lupa sandi email', 'id', 2);
    await confirm('password-reset', 'wrong phrasing', 'id', 3);
    await confirm('password-reset', 'only once', 'en', 1);
    await confirm('printer-jam', 'printer: bunyi klik terus', 'en', 1);
    await confirm('mailbox-full', 'Outlook says my mailbox is almost FULL', 'en', 2);
    await confirm('old-article', 'gone', 'en', 2);
    await learning.confirm({
      articleId: 'vpn-setup',
      text: 'VPN keeps dropping',
      lang: 'en',
      source: 'agent',
      key: 'ticket-1',
      user: undefined,
      at: new Date(Date.UTC(2025, 2, 4)),
    });
  });
  afterAll(async () => {
    rmSync(kbDir, { recursive: true, force: true });
    await conn.dispose();
  });

  it('lists the phrasings as JSON, used by the confirmations threshold or approval', () => {
    const out = kb(['learned', 'list', '--json']);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const rows = out.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows.map((r) => [r.articleId, r.text, r.confirmations, r.approved, r.used])).toEqual([
      ['mailbox-full', 'Outlook says my mailbox is almost FULL', 2, false, true],
      ['old-article', 'gone', 2, false, true],
      ['password-reset', 'lupa sandi email', 2, false, true],
      ['password-reset', 'only once', 1, false, false],
      ['password-reset', 'wrong phrasing', 3, false, true],
      ['printer-jam', 'printer: bunyi klik terus', 1, false, false],
      ['vpn-setup', 'VPN keeps dropping', 1, true, true],
    ]);
    expect(rows[2]).toEqual({
      id: id('password-reset', 'lupa sandi email'),
      articleId: 'password-reset',
      lang: 'id',
      text: 'lupa sandi email',
      confirmations: 2,
      approved: false,
      used: true,
      exportedAt: null,
      firstAt: '2025-03-03T09:00:00.000Z',
      lastAt: '2025-03-03T09:01:00.000Z',
    });
    const strict = kb(['learned', 'list', '--json'], { LEARN_MIN_CONFIRMATIONS: '3' });
    expect(strict.stdout.match(/"used":true/g)).toHaveLength(2);
    expect(kb(['learned', 'list', '--json', '--min', '1']).stdout).not.toContain('"used":false');
  });

  it('lists them as a table for people', () => {
    const out = kb(['learned', 'list']);
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^ID\s+ARTICLE\s+LANG\s+CONFIRMED\s+APPROVED\s+USED\s+EXPORTED\s+TEXT$/,
    );
    expect(lines).toHaveLength(8);
    expect(lines.find((l) => l.includes('VPN keeps'))).toMatch(
      /vpn-setup\s+en\s+1\s+yes\s+yes\s+no\s+VPN keeps dropping$/,
    );
  });

  it('refuses unknown ids and bad options clearly, with a non-zero exit', () => {
    for (const command of ['remove', 'approve']) {
      const out = kb(['learned', command, 'password-reset~nope']);
      expect(out.code).toBe(1);
      expect(out.stderr).toContain('no learned phrasing with id password-reset~nope');
      expect(out.stdout).toBe('');
    }
    expect(kb(['learned', 'list', '--min', '0']).code).not.toBe(0);
    const badEnv = kb(['learned', 'list'], { LEARN_MIN_CONFIRMATIONS: 'two' });
    expect(badEnv.code).not.toBe(0);
    expect(badEnv.stderr).toContain('LEARN_MIN_CONFIRMATIONS');
  });

  it('removes a phrasing for good and approves another', async () => {
    const wrong = id('password-reset', 'wrong phrasing');
    expect(kb(['learned', 'remove', wrong])).toMatchObject({
      code: 0,
      stdout: `removed ${wrong}\n`,
    });
    expect(kb(['learned', 'remove', wrong])).toMatchObject({
      code: 0,
      stdout: `${wrong} was already removed\n`,
    });
    await confirm('password-reset', 'WRONG phrasing', 'id', 5);
    expect((await learning.learned()).map((p) => p.id)).not.toContain(wrong);

    const printer = id('printer-jam', 'printer: bunyi klik terus');
    expect(kb(['learned', 'approve', printer])).toMatchObject({
      code: 0,
      stdout: `approved ${printer}\n`,
    });
    expect(kb(['learned', 'approve', printer]).stdout).toBe(`${printer} was already approved\n`);
  });

  it('exports used phrasings into their articles, keeping the files valid', async () => {
    const before = (file: string) => readFileSync(path.join(mini, file), 'utf8');
    const after = (file: string) => readFileSync(path.join(kbDir, file), 'utf8');
    const out = kb(['learned', 'export', '--kb', kbDir]);
    expect(out.code).toBe(0);
    const shown = (file: string) => path.join(kbDir, file);
    expect(out.stdout.trim().split('\n')).toEqual([
      `added "lupa sandi email" (${id('password-reset', 'lupa sandi email')}) to ${shown('password-reset.id.md')}`,
      `added "printer: bunyi klik terus" (${id('printer-jam', 'printer: bunyi klik terus')}) to ${shown('printer-jam.en.md')}`,
      `added "VPN keeps dropping" (${id('vpn-setup', 'VPN keeps dropping')}) to ${shown('vpn-setup.id.md')}`,
      `already there: "Outlook says my mailbox is almost FULL" (${id('mailbox-full', 'Outlook says my mailbox is almost FULL')}) in ${shown('mailbox-full.en.md')}`,
      'exported 4 phrasing(s), 1 skipped',
    ]);
    expect(out.stderr).toBe(
      `skipped "gone" (${id('old-article', 'gone')}): no article "old-article" in ${kbDir}\n`,
    );

    expect(after('password-reset.id.md')).toBe(
      before('password-reset.id.md').replace(
        '  - Saya lupa password\n',
        '  - Saya lupa password\n  - lupa sandi email\n',
      ),
    );
    expect(after('printer-jam.en.md')).toBe(
      before('printer-jam.en.md').replace(
        '  - Paper is stuck in the printer\n',
        '  - Paper is stuck in the printer\n  - "printer: bunyi klik terus"\n',
      ),
    );
    for (const untouched of ['password-reset.en.md', 'mailbox-full.en.md'])
      expect(after(untouched)).toBe(before(untouched));

    const validate = kb(['validate', '--kb', kbDir]);
    expect(validate).toMatchObject({ code: 0, stdout: 'ok: 5 files, 4 articles (3 en, 2 id)\n' });

    const exported = (await learning.learned()).filter((p) => p.exportedAt);
    expect(exported.map((p) => p.articleId).sort()).toEqual([
      'mailbox-full',
      'password-reset',
      'printer-jam',
      'vpn-setup',
    ]);
    const again = kb(['learned', 'export', '--kb', kbDir]);
    expect(again).toMatchObject({ code: 0, stdout: 'exported 0 phrasing(s), 1 skipped\n' });
    expect(kb(['learned', 'list', '--json']).stdout).toContain('"exportedAt":"20');
  });

  it('refuses to export into a KB with errors', () => {
    const broken = mkdtempSync(path.join(os.tmpdir(), 'lapis-learned-bad-'));
    try {
      const out = kb(['learned', 'export', '--kb', broken]);
      expect(out.code).toBe(1);
      expect(out.stderr).toContain('no .md articles found');
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
