import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { loadKnowledgeBase } from '../../../src/kb/load-kb';
import { botKnowledgeBase } from '../../support/bot-search';

const root = path.resolve(__dirname, '../../..');
const mini = path.join(root, 'test/fixtures/kb-mini');

/** Runs the KB CLI exactly as other tools call it: `npm run -s kb -- ...`. */
function kb(args: string[], input = '') {
  const result = spawnSync('npm', ['run', '-s', 'kb', '--', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 120_000,
    // Beside other tests on two cores a query's vector may be slow; the answer must not change.
    env: { ...process.env, L0_QUERY_DEADLINE_MS: '10000' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const match = z.strictObject({
  id: z.string(),
  title: z.string(),
  score: z.number().min(0).max(1),
});
const searchLine = z.strictObject({
  query: z.string(),
  answer: z.strictObject({ id: z.string(), score: z.number().min(0).max(1) }).nullable(),
  results: z.array(match),
  suggestions: z.array(match).max(3),
  mode: z.enum(['semantic', 'lexical']),
  ms: z.number().nonnegative(),
});

describe('kb CLI (the contract in docs/kb-cli.md)', () => {
  it('validate: exits 0 with a summary on a good KB', () => {
    const out = kb(['validate', '--kb', mini]);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe('ok: 5 files, 4 articles (3 en, 2 id)\n');
  });

  it('validate: defaults to the project kb/, which is valid', () => {
    const out = kb(['validate']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^ok: \d+ files, \d+ articles/);
  });

  it('validate: exits non-zero with one line per problem naming file and field', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lapis-cli-'));
    try {
      cpSync(mini, dir, { recursive: true });
      writeFileSync(
        path.join(dir, 'printer-jam.en.md'),
        '---\nid: printer-jam\nlang: en\n---\nBody.\n',
      );
      writeFileSync(
        path.join(dir, 'broken.md'),
        '---\nid: Not Valid\nlang: de\ntitle: x\n---\nBody.\n',
      );
      const out = kb(['validate', '--kb', dir]);
      expect(out.code).not.toBe(0);
      const lines = out.stderr.trim().split('\n');
      expect(lines).toEqual([
        `${path.join(dir, 'broken.md')}: id: must match [a-z0-9-]+ (lowercase letters, digits and -)`,
        `${path.join(dir, 'broken.md')}: lang: required: en or id`,
        `${path.join(dir, 'printer-jam.en.md')}: title: required: a non-empty string`,
        '3 problem(s) in 6 file(s)',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('search --json: one JSON line per stdin line, in order, in the contract shape', () => {
    const queries = [
      'I forgot my password',
      'halo',
      '',
      'printer kertas macet',
      'gaji belum masuk',
    ];
    const out = kb(['search', '--kb', mini, '--json'], `${queries.join('\n')}\n`);
    expect(out.code).toBe(0);
    const lines = out.stdout
      .trim()
      .split('\n')
      .map((l) => searchLine.parse(JSON.parse(l)));
    expect(lines.map((l) => l.query)).toEqual(queries);
    expect(lines[0]?.answer?.id).toBe('password-reset');
    expect(lines[0]?.results[0]).toMatchObject({
      id: 'password-reset',
      title: 'Reset your password',
    });
    expect(lines[1]?.answer).toBeNull();
    expect(lines[2]).toMatchObject({ answer: null, results: [] });
    expect(lines[3]?.answer?.id).toBe('printer-jam');
    expect(lines[4]?.answer).toBeNull();
    expect(lines[4]?.suggestions).toEqual([]); // out of scope: nothing offered
  });

  it('search: suggestions are exactly what the bot offers, and empty when it answers', async () => {
    const articles = loadKnowledgeBase(path.join(root, 'kb'));
    const bot = await botKnowledgeBase(articles);
    const queries = readFileSync(path.join(root, 'test/fixtures/kb-devset.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { query: string }).query);
    const expectedAll = await Promise.all(queries.map((q) => bot.search(q)));
    const offering = expectedAll.filter((r) => r.suggestions.length > 0);
    expect(offering.length).toBeGreaterThan(3);
    const out = kb(['search', '--json'], `${queries.join('\n')}\n`);
    const lines = out.stdout
      .trim()
      .split('\n')
      .map((l) => searchLine.parse(JSON.parse(l)));
    lines.forEach((line, i) => {
      const expected = expectedAll[i]!;
      expect(line.suggestions).toEqual(expected.suggestions);
      if (line.answer) expect(line.suggestions).toEqual([]);
      expect(line.mode).toBe(expected.mode);
      if (expected.intent === 'question') expect(line.mode).toBe('semantic');
    });
    bot.close();
  }, 120_000);

  it('search: refuses a broken KB, naming file and field', () => {
    const out = kb(['search', '--kb', path.join(root, 'does-not-exist'), '--json'], 'x\n');
    expect(out.code).not.toBe(0);
    expect(out.stderr).toMatch(/does-not-exist: folder: not found/);
  });
});
