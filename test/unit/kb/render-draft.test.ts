import path from 'node:path';
import type { KbDraft } from '../../../src/core/ports/kb-drafts';
import { readKnowledgeBase } from '../../../src/kb/load-kb';
import { draftFilePath, renderDraft } from '../../../src/kb/render-draft';
import { writeTempKb } from '../../support/temp-kb';

function draft(overrides: Partial<KbDraft> = {}): KbDraft {
  return {
    id: 'draft:t1',
    ticketId: 't1',
    ticketKey: 'IT-1042',
    articleId: 'printer-jam-floor-3',
    lang: 'en',
    title: 'Clear a paper jam: floor 3 printer',
    category: 'hardware',
    tags: ['printer', 'paper jam'],
    questions: ['printer says E-42', 'yes', '- jammed? #again'],
    summary: 'Open the side door and pull the torn sheet out slowly.',
    steps: ['Open the side door.', 'Pull the sheet out: slowly.', 'Close the door.'],
    by: { platform: 'slack', id: 'U1', name: 'Ayu' },
    createdAt: new Date('2026-11-30T02:00:00Z'),
    updatedAt: new Date('2026-11-30T02:00:00Z'),
    ...overrides,
  };
}

describe('renderDraft: a draft as a KB file', () => {
  it('writes only the contract fields, the summary first, the steps numbered', () => {
    expect(renderDraft(draft())).toBe(
      [
        '---',
        'id: printer-jam-floor-3',
        'lang: en',
        "title: 'Clear a paper jam: floor 3 printer'",
        'category: hardware',
        'tags:',
        '  - printer',
        '  - paper jam',
        'questions:',
        '  - printer says E-42',
        "  - 'yes'",
        "  - '- jammed? #again'",
        '---',
        'Open the side door and pull the torn sheet out slowly.',
        '',
        '## Steps',
        '',
        '1. Open the side door.',
        '2. Pull the sheet out: slowly.',
        '3. Close the door.',
        '',
      ].join('\n'),
    );
    expect(draftFilePath(draft())).toBe('hardware/printer-jam-floor-3.en.md');
  });

  it('passes the KB validation with no problem, warnings included, and reads back as drafted', () => {
    const drafts = [
      draft(),
      draft({
        articleId: 'printer-jam-floor-3',
        lang: 'id',
        title: 'Kertas macet: printer lantai 3',
        summary: '# Buka pintu samping lalu tarik kertasnya.',
        steps: ['Buka pintu samping.', 'Tarik\nkertasnya.'],
        tags: [],
        questions: [],
      }),
      draft({ articleId: 'no-steps', category: 'general', steps: [], summary: 'Just restart.' }),
    ];
    const kb = writeTempKb(
      Object.fromEntries(drafts.map((d) => [draftFilePath(d), renderDraft(d)])),
    );
    try {
      const result = readKnowledgeBase(kb.dir);
      expect(result.problems).toEqual([]);
      const byFile = new Map(result.articles.map((a) => [a.file, a]));
      expect(byFile.get(path.normalize('hardware/printer-jam-floor-3.en.md'))).toMatchObject({
        id: 'printer-jam-floor-3',
        lang: 'en',
        title: 'Clear a paper jam: floor 3 printer',
        category: 'hardware',
        tags: ['printer', 'paper jam'],
        questions: ['printer says E-42', 'yes', '- jammed? #again'],
        summary: 'Open the side door and pull the torn sheet out slowly.',
      });
      expect(byFile.get(path.normalize('hardware/printer-jam-floor-3.id.md'))).toMatchObject({
        summary: 'Buka pintu samping lalu tarik kertasnya.',
        details: '## Langkah-langkah\n\n1. Buka pintu samping.\n2. Tarik kertasnya.',
        tags: [],
      });
      expect(byFile.get(path.normalize('general/no-steps.en.md'))?.details).toBe('');
    } finally {
      kb.cleanup();
    }
  });
});
