import { isDeepStrictEqual } from 'node:util';
import matter from 'gray-matter';

/**
 * Adds questions to a KB file's front matter and returns the new file text. Everything but the
 * `questions` entry is kept byte for byte: a block list gets the new items appended in its own
 * indentation; a flow list (`[a, b]`) is rewritten as a block list; a missing entry is added at the
 * end of the front matter. The result is parsed again and must have the same fields and body with
 * the questions added, else this throws (the file is then left alone).
 */
export function addQuestions(fileText: string, added: readonly string[]): string {
  const before = readFrontMatter(fileText);
  const eol = fileText.includes('\r\n') ? '\r\n' : '\n';
  // Each line with its own line end, so a file with mixed ends keeps them.
  const raw = fileText.split(/(?<=\n)/);
  const lines = raw.map((line) => line.replace(/\r?\n$/, ''));
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---');
  if (close < 0) throw new Error('no end of the front matter (a --- line)');
  const existing = Array.isArray(before.data.questions)
    ? (before.data.questions as unknown[]).map(String)
    : [];

  const keyAt = lines.findIndex((line, i) => i > 0 && i < close && /^questions\s*:/.test(line));
  const edit = (at: number, remove: number, insert: string[]) =>
    [...raw.slice(0, at), ...insert.map((l) => l + eol), ...raw.slice(at + remove)].join('');
  let result: string;
  if (keyAt < 0) {
    result = edit(close, 0, ['questions:', ...added.map((q) => `  - ${yamlScalar(q)}`)]);
  } else {
    const end = entryEnd(lines, keyAt, close);
    const value = (lines[keyAt] ?? '').replace(/^questions\s*:/, '').trim();
    const items = lines.slice(keyAt + 1, end);
    const first = items.map((l) => /^(\s*)-(\s+)/.exec(l)).find(Boolean);
    const last = lastContentLine(lines, keyAt, end);
    if ((value === '' || value.startsWith('#')) && first && last > keyAt) {
      const prefix = `${first[1]}-${first[2]}`;
      result = edit(
        last + 1,
        0,
        added.map((q) => `${prefix}${yamlScalar(q)}`),
      );
    } else {
      const all = [...existing, ...added].map((q) => `  - ${yamlScalar(q)}`);
      result = edit(keyAt, last + 1 - keyAt, ['questions:', ...all]);
    }
  }
  const after = readFrontMatter(result);
  const expected = { ...before.data, questions: [...existing, ...added] };
  if (!isDeepStrictEqual(after.data, expected) || after.content !== before.content)
    throw new Error('its front matter could not be edited safely (rewrite its questions by hand)');
  return result;
}

function readFrontMatter(text: string): { data: Record<string, unknown>; content: string } {
  // An empty options object bypasses gray-matter's cache (see parse-article.ts).
  const parsed = matter(text, {});
  return { data: parsed.data, content: parsed.content };
}

/** The line after the entry that starts at `keyAt`: the next top-level key, or the closing ---. */
function entryEnd(lines: readonly string[], keyAt: number, close: number): number {
  for (let i = keyAt + 1; i < close; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || /^[\s#-]/.test(line)) continue;
    return i;
  }
  return close;
}

/** The entry's last line that is not blank or a comment (a comment may belong to the next key). */
function lastContentLine(lines: readonly string[], keyAt: number, end: number): number {
  for (let i = end - 1; i > keyAt; i--) {
    const line = (lines[i] ?? '').trim();
    if (line !== '' && !line.startsWith('#')) return i;
  }
  return keyAt;
}

const KEYWORDS = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'null', 'y', 'n']);

/** A YAML scalar for a question: plain when unambiguous, else double-quoted (JSON is valid YAML). */
export function yamlScalar(text: string): string {
  const plain =
    /^\p{L}[\p{L}\p{M}\p{N} ,.?!'()/+-]*$/u.test(text) &&
    !text.endsWith(' ') &&
    !KEYWORDS.has(text.toLowerCase());
  return plain ? text : JSON.stringify(text);
}
