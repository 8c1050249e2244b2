import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { L0LearningAdmin } from '../core/ports/l0-learning';
import { addQuestions } from './add-questions';
import type { ExportIo } from './export-io';
import { formatProblem, readKnowledgeBase } from './load-kb';
import { planLearnedExport, type ExportStep } from './plan-learned-export';

/**
 * `kb learned export`: writes each used, unexported phrasing into its article's questions, then
 * marks it exported. Files are written before the marks, so a run cut short is redone safely (a
 * text already in the file is only marked). Returns the exit code: 1 when the KB has errors or a
 * file could not be edited; an article that no longer exists is reported and skipped.
 */
export async function exportLearned(
  learning: Pick<L0LearningAdmin, 'learned' | 'markExported'>,
  kbDir: string,
  min: number,
  io: ExportIo,
): Promise<number> {
  const kb = readKnowledgeBase(kbDir);
  const errors = kb.problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    for (const p of errors) io.err(formatProblem(p));
    return 1;
  }
  const steps = planLearnedExport(kb.articles, await learning.learned(), min);
  const done: string[] = [];
  let failed = 0;
  const shown = (file: string) => path.join(kbDir, file);
  const describe = (s: ExportStep) => `${JSON.stringify(s.phrasing.text)} (${s.phrasing.id})`;

  for (const [file, adds] of groupAdds(steps)) {
    try {
      const text = readFileSync(shown(file), 'utf8');
      writeFileSync(
        shown(file),
        addQuestions(
          text,
          adds.map((s) => s.phrasing.text),
        ),
      );
    } catch (error) {
      failed += 1;
      io.err(
        `not exported: ${shown(file)}: ${error instanceof Error ? error.message : String(error)}`,
      );
      continue;
    }
    for (const s of adds) io.out(`added ${describe(s)} to ${shown(file)}`);
    done.push(...adds.map((s) => s.phrasing.id));
  }
  for (const s of steps) {
    if (s.kind === 'present') {
      io.out(`already there: ${describe(s)} in ${shown(s.file)}`);
      done.push(s.phrasing.id);
    } else if (s.kind === 'missing') {
      io.err(`skipped ${describe(s)}: no article "${s.phrasing.articleId}" in ${kbDir}`);
    }
  }
  await learning.markExported(done, new Date());
  const skipped = steps.length - done.length;
  io.out(`exported ${done.length} phrasing(s)${skipped ? `, ${skipped} skipped` : ''}`);
  return failed ? 1 : 0;
}

function groupAdds(steps: readonly ExportStep[]): Map<string, (ExportStep & { file: string })[]> {
  const byFile = new Map<string, (ExportStep & { file: string })[]>();
  for (const s of steps) {
    if (s.kind !== 'add') continue;
    byFile.set(s.file, [...(byFile.get(s.file) ?? []), s]);
  }
  return byFile;
}
