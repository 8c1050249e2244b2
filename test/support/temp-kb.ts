import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Writes files (relative path -> content) into a fresh temporary KB folder. */
export function writeTempKb(files: Record<string, string>): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lapis-kb-'));
  for (const [relative, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A valid article file, with front-matter lines replaceable for error cases. */
export function articleFile(
  fields: Record<string, string | undefined>,
  body = 'A summary.\n\n## Steps\n\n1. Do it.',
): string {
  const defaults: Record<string, string> = { id: 'sample', lang: 'en', title: 'Sample article' };
  const merged = { ...defaults, ...fields };
  const lines = Object.entries(merged)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n${body}\n`;
}
