import matter from 'gray-matter';
import type { KbDraft } from '../core/ports/kb-drafts';
import type { FrontMatter } from './front-matter-schema';

const STEPS_HEADING = { en: 'Steps', id: 'Langkah-langkah' } as const;

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Where the draft goes under the KB folder, by the KB's naming convention. */
export function draftFilePath(draft: Pick<KbDraft, 'category' | 'articleId' | 'lang'>): string {
  return `${draft.category}/${draft.articleId}.${draft.lang}.md`;
}

/**
 * A draft as a KB file (docs/kb-format.md): front matter written by gray-matter, the library the KB
 * is read with, and only the contract's fields; the summary as the first paragraph, then the steps
 * as a numbered list under a heading in the article's language.
 */
export function renderDraft(draft: KbDraft): string {
  const data: FrontMatter = {
    id: draft.articleId,
    lang: draft.lang,
    title: oneLine(draft.title),
    category: draft.category,
    ...(draft.tags.length ? { tags: draft.tags.map(oneLine).filter(Boolean) } : {}),
    ...(draft.questions.length ? { questions: draft.questions.map(oneLine).filter(Boolean) } : {}),
  };
  // A summary starting with "#" would read as a heading, and the file would have no summary.
  const summary = oneLine(draft.summary).replace(/^#+\s*/, '');
  const steps = draft.steps.map(oneLine).filter(Boolean);
  const body = steps.length
    ? `${summary}\n\n## ${STEPS_HEADING[draft.lang]}\n\n${steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}\n`
    : `${summary}\n`;
  return matter.stringify(body, data);
}
