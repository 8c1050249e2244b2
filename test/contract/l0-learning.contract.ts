import {
  learnedPhrasingId,
  type L0Outcome,
  type PhrasingConfirmation,
} from '../../src/core/ports/l0-learning';
import type { L0LearningAdmin } from '../../src/core/ports/l0-learning';
import { at } from '../support/ticket-factory';
import type { StoreUnderTest } from './ticket-store.contract';

const USER = { platform: 'slack', id: 'U-L0-1', name: 'Dewi' } as const;

function outcome(overrides: Partial<L0Outcome> = {}): L0Outcome {
  return {
    id: 'work-1:answered',
    at: at(),
    kind: 'answered',
    user: { ...USER },
    locale: 'id',
    question: 'lupa password',
    articleId: 'password-reset',
    score: 0.91,
    ...overrides,
  };
}

function confirmation(overrides: Partial<PhrasingConfirmation> = {}): PhrasingConfirmation {
  return {
    articleId: 'password-reset',
    text: 'lupa sandi email',
    lang: 'id',
    source: 'requester',
    key: 'work-1',
    user: { ...USER },
    at: at(),
    ...overrides,
  };
}

const ID = learnedPhrasingId('password-reset', 'lupa sandi email');

/** The L0 learning contract (the port plus admin operations); `factory` gives a fresh, empty store. */
export function describeL0LearningContract(
  name: string,
  factory: () => Promise<StoreUnderTest<L0LearningAdmin>>,
): void {
  describe(`L0Learning contract: ${name}`, () => {
    let subject: StoreUnderTest<L0LearningAdmin>;
    let store: L0LearningAdmin;
    beforeEach(async () => {
      subject = await factory();
      store = subject.store;
    });
    afterEach(() => subject.dispose());

    it('records an outcome once per id and reads them back by time range and kind', async () => {
      await store.record(outcome());
      await store.record(outcome({ question: 'redone' })); // same id: ignored
      await store.record(outcome({ id: 'work-2:no_answer', kind: 'no_answer', at: at(5) }));
      await store.record(
        outcome({ id: 'work-3:suggested', kind: 'suggested', at: at(2), suggestions: ['a', 'b'] }),
      );
      const all = await store.outcomes({ from: at(), to: at(10) });
      expect(all.map((o) => o.id)).toEqual([
        'work-1:answered',
        'work-3:suggested',
        'work-2:no_answer',
      ]);
      expect(all[0]).toEqual(outcome());
      expect(all[0]).not.toHaveProperty('ticketId');
      expect(all[1]?.suggestions).toEqual(['a', 'b']);
      expect((await store.outcomes({ from: at(1), to: at(5) })).map((o) => o.id)).toEqual([
        'work-3:suggested',
      ]);
      expect(
        (await store.outcomes({ from: at(), to: at(10), kinds: ['no_answer', 'answered'] })).map(
          (o) => o.id,
        ),
      ).toEqual(['work-1:answered', 'work-2:no_answer']);
    });

    it('has no learned phrasings at first', async () => {
      expect(await store.learned()).toEqual([]);
    });

    it('counts one confirmation per key, however often it is redone', async () => {
      await store.confirm(confirmation({ text: '  lupa   sandi email ', at: at(1) }));
      await store.confirm(confirmation({ at: at(9) })); // same key
      await store.confirm(confirmation({ key: 'work-2', text: 'Lupa Sandi EMAIL', at: at(3) }));
      expect(await store.learned()).toEqual([
        {
          id: ID,
          articleId: 'password-reset',
          text: 'lupa sandi email',
          lang: 'id',
          confirmations: 2,
          approved: false,
          firstAt: at(1),
          lastAt: at(3),
        },
      ]);
    });

    it('keeps phrasings of different articles or words apart, sorted by article then text', async () => {
      await store.confirm(
        confirmation({ articleId: 'vpn-setup', text: 'vpn putus', lang: undefined }),
      );
      await store.confirm(confirmation({ text: 'b lupa' }));
      await store.confirm(confirmation({ text: 'a lupa' }));
      const learned = await store.learned();
      expect(learned.map((p) => [p.articleId, p.text])).toEqual([
        ['password-reset', 'a lupa'],
        ['password-reset', 'b lupa'],
        ['vpn-setup', 'vpn putus'],
      ]);
      expect(learned[2]?.lang).toBeUndefined();
      expect(learned[2]?.id).toBe(learnedPhrasingId('vpn-setup', 'vpn putus'));
    });

    it('ignores a confirmation with no words', async () => {
      await store.confirm(confirmation({ text: '   ' }));
      expect(await store.learned()).toEqual([]);
    });

    it("approves a phrasing on an agent's confirmation, or an admin's approval", async () => {
      await store.confirm(confirmation({ source: 'agent' }));
      expect((await store.learned())[0]).toMatchObject({ approved: true, confirmations: 1 });
      expect(await store.approve(ID)).toBe('unchanged');

      await store.confirm(confirmation({ text: 'other words' }));
      const other = learnedPhrasingId('password-reset', 'other words');
      expect(await store.approve(other)).toBe('changed');
      expect(await store.approve(other)).toBe('unchanged');
      expect((await store.learned()).every((p) => p.approved)).toBe(true);
      expect(await store.approve('password-reset~nothing')).toBe('unknown');
    });

    it('removes a phrasing for good: later confirmations are ignored', async () => {
      await store.confirm(confirmation());
      await store.confirm(confirmation({ text: 'keep me', key: 'work-2' }));
      expect(await store.remove(ID)).toBe('changed');
      expect(await store.remove(ID)).toBe('unchanged');
      expect(await store.remove('password-reset~nothing')).toBe('unknown');
      await store.confirm(confirmation({ key: 'work-3', source: 'agent' }));
      await store.confirm(confirmation({ key: 'work-4', text: 'LUPA sandi email' }));
      expect((await store.learned()).map((p) => p.text)).toEqual(['keep me']);
      expect(await store.approve(ID)).toBe('unknown');
      expect(await store.markExported([ID], at(5))).toBe(0);
    });

    it('marks phrasings exported once, ignoring unknown ids', async () => {
      await store.confirm(confirmation());
      expect(await store.markExported([ID, ID, 'password-reset~nothing'], at(7))).toBe(1);
      expect(await store.markExported([ID], at(8))).toBe(0);
      expect((await store.learned())[0]?.exportedAt).toEqual(at(7));
    });

    it('counts 10 concurrent confirmations of one phrasing with different keys as 10', async () => {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          store.confirm(confirmation({ key: `work-${i}`, at: at(i) })),
        ),
      );
      expect(await store.learned()).toEqual([
        expect.objectContaining({ id: ID, confirmations: 10, firstAt: at(0), lastAt: at(9) }),
      ]);
    });

    it('counts 10 concurrent redeliveries of one confirmation as 1', async () => {
      await Promise.all(Array.from({ length: 10 }, () => store.confirm(confirmation())));
      expect((await store.learned())[0]?.confirmations).toBe(1);
    });

    it('is not affected by changes to objects passed in or returned', async () => {
      const input = outcome();
      await store.record(input);
      input.at.setTime(0);
      const [got] = await store.outcomes({ from: at(), to: at(1) });
      expect(got).toEqual(outcome());
      got!.at.setTime(0);
      expect((await store.outcomes({ from: at(), to: at(1) }))[0]).toEqual(outcome());

      await store.confirm(confirmation());
      const [phrasing] = await store.learned();
      phrasing!.firstAt.setTime(0);
      expect((await store.learned())[0]?.firstAt).toEqual(at());
    });
  });
}
