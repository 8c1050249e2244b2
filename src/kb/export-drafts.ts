import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { KbDrafts } from '../core/ports/kb-drafts';
import type { ExportIo } from './export-io';
import { readKnowledgeBase } from './load-kb';
import { parseArticle } from './parse-article';
import { draftFilePath, renderDraft } from './render-draft';

/**
 * `kb drafts export DIR`: writes each approved draft not exported yet as `<DIR>/<category>/<id>.<lang>.md`
 * and marks it exported. An existing file is never overwritten: a different one is reported and the
 * draft left for later; the same text (a run cut short after writing) is only marked. A draft whose id
 * and language an article in DIR already has is skipped too, so DIR stays valid. Returns the exit code:
 * 1 when a draft does not render to a valid KB file, else 0.
 */
export async function exportDrafts(
  drafts: Pick<KbDrafts, 'list' | 'markExported'>,
  dir: string,
  io: ExportIo,
  now: () => Date = () => new Date(),
): Promise<number> {
  const pending = (await drafts.list()).filter((d) => !d.exportedAt);
  // Ids (with their language) already in DIR, and those this run writes: DIR must stay valid.
  const inDir = new Map(
    (existsSync(dir) ? readKnowledgeBase(dir).articles : []).map((a) => [
      `${a.id}/${a.lang}`,
      path.join(dir, a.file),
    ]),
  );
  let written = 0;
  let skipped = 0;
  let failed = 0;
  for (const draft of pending) {
    const relative = draftFilePath(draft);
    const file = path.join(dir, relative);
    const text = renderDraft(draft);
    const from = `draft ${draft.articleId} from ${draft.ticketKey}`;
    const parsed = parseArticle(text, file, relative);
    if (!parsed.ok) {
      io.err(
        `failed (${from}): ${parsed.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
      );
      failed += 1;
      continue;
    }
    if (existsSync(file)) {
      if (readFileSync(file, 'utf8') === text) {
        await drafts.markExported(draft.id, relative, now());
        io.out(`already there: ${file} (${from})`);
        written += 1;
      } else {
        io.err(`skipped (${from}): ${file} exists and is not overwritten`);
        skipped += 1;
      }
      continue;
    }
    const clash = inDir.get(`${draft.articleId}/${draft.lang}`);
    if (clash) {
      io.err(
        `skipped (${from}): id "${draft.articleId}" in lang ${draft.lang} is already in ${clash}`,
      );
      skipped += 1;
      continue;
    }
    if (!write(file, text)) {
      io.err(`skipped (${from}): ${file} exists and is not overwritten`);
      skipped += 1;
      continue;
    }
    inDir.set(`${draft.articleId}/${draft.lang}`, file);
    await drafts.markExported(draft.id, relative, now());
    io.out(`wrote ${file} (${from})`);
    written += 1;
  }
  io.out(`exported ${written} draft(s), ${skipped} skipped${failed ? `, ${failed} failed` : ''}`);
  return failed ? 1 : 0;
}

/** Creates the file, never replacing one (`wx`: exclusive, so two exports cannot both write it). */
function write(file: string, text: string): boolean {
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, text, { encoding: 'utf8', flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
