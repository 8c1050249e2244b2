import type { L0Attempt, Ticket } from '../../../src/core/ticket';
import {
  articleSlug,
  draftArticle,
  draftFormFields,
  readDraftForm,
  splitSteps,
  titleFromQuestion,
  uniqueArticleId,
} from '../../../src/core/workflow/draft-article';
import { at, buildNewTicket } from '../../support/ticket-factory';

function resolvedTicket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    ...buildNewTicket({
      status: 'resolved',
      resolution: {
        summary: 'Removed the old VPN profile. Installed GlobalProtect 6.2; signed in again.',
        at: at(30),
        by: undefined,
      },
    }),
    id: 't1',
    key: 'IT-1042',
    version: 3,
    ...overrides,
  };
}

describe('draftArticle: a KB draft from a resolved ticket', () => {
  it('takes the question as asked, the KB category, the resolution as steps, the ticket language', () => {
    const draft = draftArticle(resolvedTicket());
    expect(draft).toEqual({
      title: 'Vpn tidak bisa connect dari rumah',
      summary: 'Removed the old VPN profile.',
      questions: ['vpn tidak bisa connect dari rumah'],
      steps: ['Removed the old VPN profile.', 'Installed GlobalProtect 6.2.', 'Signed in again.'],
      tags: [],
      lang: 'id',
      category: 'network',
    });
  });

  it('leaves out what the employee asked L0 before, on other subjects, in the same conversation', () => {
    const attempt = (question: string, articleId?: string): L0Attempt => ({
      question,
      articleId,
      articleTitle: undefined,
      score: undefined,
      feedback: 'none',
    });
    const ticket = resolvedTicket({
      question: 'printer kantor tidak bisa mencetak',
      category: 'printing',
      l0: [
        attempt('wifi kantor putus-putus', 'wifi-drops'),
        attempt("it doesn't work"),
        attempt('printer kantor tidak bisa mencetak'),
      ],
    });
    const draft = draftArticle(ticket);
    expect(draft.questions).toEqual(['printer kantor tidak bisa mencetak']);
    expect(draft.title).toBe('Printer kantor tidak bisa mencetak');
    const form = draftFormFields(draft, 'en').find((f) => f.name === 'questions');
    expect(form?.initial).toBe('printer kantor tidak bisa mencetak');
  });

  it('maps every ticket category to a KB category', () => {
    expect(draftArticle(resolvedTicket({ category: 'account' })).category).toBe('accounts');
    expect(draftArticle(resolvedTicket({ category: 'printing' })).category).toBe('hardware');
    expect(draftArticle(resolvedTicket({ category: 'other' })).category).toBe('general');
  });

  it('splits a resolution written in lines, dropping its numbers and bullets', () => {
    expect(splitSteps('1. Restart the laptop\n2) Sign in\n- open Outlook\n\n')).toEqual([
      'Restart the laptop.',
      'Sign in.',
      'Open Outlook.',
    ]);
    expect(splitSteps('')).toEqual([]);
    expect(splitSteps('Fixed it!')).toEqual(['Fixed it!']);
  });

  it('makes a short title of a long or shouted question', () => {
    expect(titleFromQuestion('  my printer says E-42??  ')).toBe('My printer says E-42');
    const long = titleFromQuestion(`why ${'very '.repeat(40)}slow`);
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long.endsWith('very')).toBe(true);
  });

  it('pre-fills the form and reads the edit back', () => {
    const draft = draftArticle(resolvedTicket());
    const fields = draftFormFields(draft, 'id');
    expect(fields.map((f) => [f.name, f.required])).toEqual([
      ['title', true],
      ['article_summary', true],
      ['questions', false],
      ['steps', false],
      ['tags', false],
      ['lang', true],
    ]);
    expect(fields[0]?.label).toBe('Judul artikel');
    expect(fields.find((f) => f.name === 'steps')?.initial).toBe(
      '1. Removed the old VPN profile.\n2. Installed GlobalProtect 6.2.\n3. Signed in again.',
    );
    const form = Object.fromEntries(fields.map((f) => [f.name, f.initial ?? '']));
    expect(readDraftForm(form, draft)).toEqual(draft);
    expect(
      readDraftForm(
        { ...form, tags: 'vpn, GlobalProtect,, vpn', lang: 'fr', steps: '', questions: ' ' },
        draft,
      ),
    ).toMatchObject({ tags: ['vpn', 'GlobalProtect'], lang: 'id', steps: [], questions: [] });
  });
});

describe('article ids', () => {
  it('slugs a title into [a-z0-9-]+', () => {
    expect(articleSlug('Reset your password!')).toBe('reset-your-password');
    expect(articleSlug('Café Wi-Fi: ganti kata sandi')).toBe('cafe-wi-fi-ganti-kata-sandi');
    expect(articleSlug('???')).toBe('article');
    expect(articleSlug('a '.repeat(50) + 'b').length).toBeLessThanOrEqual(60);
  });

  it('adds a number until the id is free', () => {
    const taken = new Set(['vpn', 'vpn-2']);
    expect(uniqueArticleId('vpn', (id) => taken.has(id))).toBe('vpn-3');
    expect(uniqueArticleId('mail', (id) => taken.has(id))).toBe('mail');
  });
});
