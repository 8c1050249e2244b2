import matter from 'gray-matter';
import type { Article } from './article';
import { frontMatterSchema, KNOWN_FIELDS } from './front-matter-schema';

export interface KbProblem {
  /** The file as the operator named it (KB folder + relative path). */
  readonly file: string;
  /** The front-matter field, or `front matter` / `body` for the file's structure. */
  readonly field: string;
  readonly message: string;
  /** Warnings are reported but do not fail validation. */
  readonly severity: 'error' | 'warning';
}

export type ParseOutcome =
  | { readonly ok: true; readonly article: Article; readonly warnings: readonly KbProblem[] }
  | { readonly ok: false; readonly problems: readonly KbProblem[] };

/** Parses one KB file; every problem names the file and the field. */
export function parseArticle(text: string, file: string, relativePath: string): ParseOutcome {
  const error = (field: string, message: string): KbProblem => ({
    file,
    field,
    message,
    severity: 'error',
  });
  if (!/^\uFEFF?---\r?\n/.test(text)) {
    return {
      ok: false,
      problems: [error('front matter', 'missing: the file must start with a --- line')],
    };
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    // An empty options object bypasses gray-matter's cache, which would hide edits in watch mode.
    parsed = matter(text, {});
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { ok: false, problems: [error('front matter', `invalid YAML: ${reason}`)] };
  }
  const data: unknown = parsed.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, problems: [error('front matter', 'expected key: value pairs')] };
  }
  const problems: KbProblem[] = [];
  const result = frontMatterSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path.length ? issue.path.map(String).join('.') : 'front matter';
      problems.push(error(field.replace(/\.(\d+)$/, '[$1]'), issue.message));
    }
  }
  const { summary, details } = splitBody(parsed.content);
  if (!summary)
    problems.push(error('body', 'empty: the first paragraph is the summary shown in chat'));
  if (!result.success || problems.length) return { ok: false, problems };

  const warnings = Object.keys(data)
    .filter((key) => !KNOWN_FIELDS.has(key))
    .map((key): KbProblem => ({
      file,
      field: key,
      message: 'unknown field (ignored)',
      severity: 'warning',
    }));
  const fm = result.data;
  return {
    ok: true,
    warnings,
    article: {
      id: fm.id,
      lang: fm.lang,
      title: fm.title,
      category: fm.category,
      tags: fm.tags ?? [],
      questions: fm.questions ?? [],
      summary,
      details,
      file: relativePath,
    },
  };
}

/** The first paragraph that is not a heading is the summary; the rest are the details. */
export function splitBody(content: string): { summary: string; details: string } {
  const blocks = content.replace(/\r\n/g, '\n').split(/\n\s*\n/);
  const index = blocks.findIndex((b) => b.trim() !== '' && !b.trim().startsWith('#'));
  if (index < 0) return { summary: '', details: '' };
  const summary = (blocks[index] ?? '').trim().replace(/\s*\n\s*/g, ' ');
  const details = blocks
    .slice(index + 1)
    .join('\n\n')
    .trim();
  return { summary, details };
}
