import { kbDraftId, type KbDraft, type KbDrafts } from '../../src/core/ports/kb-drafts';
import { at } from '../support/ticket-factory';
import type { StoreUnderTest } from './ticket-store.contract';

type NewDraft = Omit<KbDraft, 'exportedAt' | 'exportedTo'>;

function draft(overrides: Partial<NewDraft> = {}): NewDraft {
  return {
    id: kbDraftId('t1'),
    ticketId: 't1',
    ticketKey: 'IT-1001',
    articleId: 'printer-jam-floor-3',
    lang: 'en',
    title: 'Clear a paper jam',
    category: 'hardware',
    tags: ['printer'],
    questions: ['printer says E-42'],
    summary: 'Open the side door.',
    steps: ['Open the side door.', 'Pull the sheet out.'],
    by: { platform: 'slack', id: 'U-AYU', name: 'Ayu' },
    createdAt: at(),
    updatedAt: at(),
    ...overrides,
  };
}

/** The KB drafts contract; `factory` gives a fresh, empty store. */
export function describeKbDraftsContract(
  name: string,
  factory: () => Promise<StoreUnderTest<KbDrafts>>,
): void {
  describe(`KbDrafts contract: ${name}`, () => {
    let subject: StoreUnderTest<KbDrafts>;
    let store: KbDrafts;
    beforeEach(async () => {
      subject = await factory();
      store = subject.store;
    });
    afterEach(() => subject.dispose());

    it('stores a draft and lists drafts oldest first', async () => {
      expect(await store.list()).toEqual([]);
      expect(await store.save(draft())).toBe('saved');
      const second = draft({
        id: kbDraftId('t0'),
        ticketId: 't0',
        createdAt: at(5),
        updatedAt: at(5),
      });
      expect(await store.save(second)).toBe('saved');
      expect(await store.list()).toEqual([draft(), second]);
    });

    it('keeps one draft per id: the latest edit wins, the first save time stays', async () => {
      await store.save(draft());
      await store.save(draft({ title: 'Edited', tags: [], createdAt: at(9), updatedAt: at(9) }));
      expect(await store.list()).toEqual([
        draft({ title: 'Edited', tags: [], createdAt: at(), updatedAt: at(9) }),
      ]);
    });

    it('marks a draft exported once; an exported draft no longer changes', async () => {
      await store.save(draft());
      expect(await store.markExported(draft().id, 'hardware/x.en.md', at(10))).toBe(true);
      expect(await store.markExported(draft().id, 'hardware/y.en.md', at(11))).toBe(false);
      expect(await store.markExported('draft:unknown', 'a.md', at(11))).toBe(false);
      expect(await store.save(draft({ title: 'Too late' }))).toBe('exported');
      expect(await store.list()).toEqual([
        { ...draft(), exportedAt: at(10), exportedTo: 'hardware/x.en.md' },
      ]);
    });
  });
}
