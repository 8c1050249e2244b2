import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Article } from './article';
import { parseArticle, type KbProblem } from './parse-article';

export interface KbLoadResult {
  readonly articles: readonly Article[];
  readonly problems: readonly KbProblem[];
  readonly files: number;
}

export class KbValidationError extends Error {
  readonly code = 'invalid_kb';
  constructor(readonly problems: readonly KbProblem[]) {
    super(
      `The knowledge base has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`,
    );
    this.name = 'KbValidationError';
  }
}

export function formatProblem(p: KbProblem): string {
  return `${p.file}: ${p.field}: ${p.message}${p.severity === 'warning' ? ' (warning)' : ''}`;
}

/**
 * Reads every `.md` file under `dir` (README.md files excepted: they document the folder) and validates
 * each. Nothing is skipped silently: a bad file is a problem naming the file and the field.
 */
export function readKnowledgeBase(dir: string): KbLoadResult {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    return { articles: [], files: 0, problems: [problem(dir, 'folder', 'not found')] };
  }
  if (!stat.isDirectory())
    return { articles: [], files: 0, problems: [problem(dir, 'folder', 'not a folder')] };

  const files = listMarkdown(dir);
  const articles: Article[] = [];
  const problems: KbProblem[] = [];
  const seen = new Map<string, string>();
  for (const relative of files) {
    const shown = path.join(dir, relative);
    const outcome = parseArticle(readFileSync(path.join(dir, relative), 'utf8'), shown, relative);
    if (!outcome.ok) {
      problems.push(...outcome.problems);
      continue;
    }
    problems.push(...outcome.warnings);
    const key = `${outcome.article.id}/${outcome.article.lang}`;
    const first = seen.get(key);
    if (first) {
      problems.push(
        problem(
          shown,
          'id',
          `"${outcome.article.id}" in lang ${outcome.article.lang} is also in ${first}`,
        ),
      );
      continue;
    }
    seen.set(key, shown);
    articles.push(outcome.article);
  }
  if (files.length === 0) problems.push(problem(dir, 'folder', 'no .md articles found'));
  return { articles, problems, files: files.length };
}

/** Like readKnowledgeBase, but any error (not a warning) throws, listing them all. */
export function loadKnowledgeBase(dir: string): readonly Article[] {
  const result = readKnowledgeBase(dir);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new KbValidationError(errors);
  return result.articles;
}

function problem(file: string, field: string, message: string): KbProblem {
  return { file, field, message, severity: 'error' };
}

function listMarkdown(root: string): string[] {
  const out: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (
        entry.isFile() &&
        entry.name.toLowerCase().endsWith('.md') &&
        entry.name.toLowerCase() !== 'readme.md'
      )
        out.push(child);
    }
  };
  walk('');
  return out.sort();
}
