import type { UserRef } from '../../src/core/people';
import type { L0Session, SessionStore } from '../../src/core/ports/session-store';
import type { L0Attempt } from '../../src/core/ticket';
import { at } from '../support/ticket-factory';
import type { StoreUnderTest } from './ticket-store.contract';

const USER: UserRef = { platform: 'slack', id: 'U-SESSION-1', name: 'Dewi' };

function buildSession(overrides: Partial<L0Session> = {}): L0Session {
  return {
    user: { ...USER },
    dm: { platform: 'slack', id: 'D-SESSION-1' },
    state: 'idle',
    question: '',
    attempts: [],
    updatedAt: at(),
    version: 0,
    ...overrides,
  };
}

/** The SessionStore contract, for every implementation; `factory` gives a fresh, empty store. */
export function describeSessionStoreContract(
  name: string,
  factory: () => Promise<StoreUnderTest<SessionStore>>,
): void {
  describe(`SessionStore contract: ${name}`, () => {
    let subject: StoreUnderTest<SessionStore>;
    let store: SessionStore;
    beforeEach(async () => {
      subject = await factory();
      store = subject.store;
    });
    afterEach(() => subject.dispose());

    it('has no session for a new user', async () => {
      expect(await store.get(USER)).toBeUndefined();
    });

    it('creates a session at version 0 and returns it exactly, as version 1', async () => {
      const session = buildSession({
        state: 'collecting_details',
        question: 'printer lantai 3 macet',
        attempts: [
          {
            question: 'printer macet',
            articleId: 'printer-jam',
            articleTitle: 'Printer jam',
            score: 0.42,
            feedback: 'not_solved',
          },
          {
            question: 'masih',
            articleId: undefined,
            articleTitle: undefined,
            score: undefined,
            feedback: 'none',
          },
        ],
        updatedAt: at(3),
        version: 17, // ignored: the store sets the version
      });
      expect(await store.save(session, 0)).toBe(true);
      const got = await store.get(USER);
      expect(got).toEqual({ ...session, version: 1 });
      expect(got?.updatedAt).toBeInstanceOf(Date);
      expect(got?.attempts[1]?.articleId).toBeUndefined();
      expect(await store.get({ platform: 'teams', id: USER.id })).toBeUndefined();
    });

    it('keeps a clarifying question with its offered areas, and the area of an attempt', async () => {
      const clarifying = buildSession({
        state: 'clarifying',
        question: 'ada masalah nih',
        areas: ['hardware', 'remote access', 'email'],
        attempts: [
          {
            question: 'ada masalah nih',
            articleId: undefined,
            articleTitle: undefined,
            score: undefined,
            feedback: 'none',
          },
        ],
      });
      expect(await store.save(clarifying, 0)).toBe(true);
      expect(await store.get(USER)).toEqual({ ...clarifying, version: 1 });
      const picked = buildSession({
        state: 'collecting_details',
        question: 'ada masalah nih',
        attempts: [
          {
            question: 'ada masalah nih',
            articleId: undefined,
            articleTitle: undefined,
            score: undefined,
            feedback: 'none',
            area: 'hardware',
            suggestions: ['printer-jam'],
          },
        ],
      });
      expect(await store.save(picked, 1)).toBe(true);
      const got = await store.get(USER);
      expect(got).toEqual({ ...picked, version: 2 });
      expect(got).not.toHaveProperty('areas');
    });

    it('keeps the files of the conversation', async () => {
      const files = [{ id: 'slack:F1', name: 'error.png', mimeType: 'image/png', size: 2048 }];
      await store.save(buildSession({ state: 'collecting_details', files }), 0);
      expect((await store.get(USER))?.files).toEqual(files);
    });

    it('saves at the stored version and refuses stale ones', async () => {
      expect(await store.save(buildSession({ question: 'a' }), 0)).toBe(true);
      expect(await store.save(buildSession({ question: 'again from 0' }), 0)).toBe(false);
      expect(await store.save(buildSession({ question: 'b', state: 'awaiting_feedback' }), 1)).toBe(
        true,
      );
      expect(await store.save(buildSession({ question: 'stale' }), 1)).toBe(false);
      expect(await store.save(buildSession({ question: 'future' }), 5)).toBe(false);
      const got = await store.get(USER);
      expect(got).toEqual(buildSession({ question: 'b', state: 'awaiting_feedback', version: 2 }));
      // Unset optional fields stay unset.
      expect(await store.save(buildSession({ question: 'c' }), 2)).toBe(true);
      expect(await store.get(USER)).not.toHaveProperty('savedBy');
    });

    it('keeps users apart (same id on another platform is another user)', async () => {
      const teamsUser: UserRef = { platform: 'teams', id: USER.id };
      expect(await store.save(buildSession({ question: 'slack' }), 0)).toBe(true);
      expect(await store.save(buildSession({ user: teamsUser, question: 'teams' }), 0)).toBe(true);
      expect((await store.get(USER))?.question).toBe('slack');
      expect((await store.get(teamsUser))?.question).toBe('teams');
    });

    it('lets exactly one of 10 concurrent saves of the same version win, every time', async () => {
      for (let version = 0; version < 3; version++) {
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            store.save(buildSession({ question: `v${version} writer ${i}` }), version),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        const got = await store.get(USER);
        expect(got?.version).toBe(version + 1);
        expect(got?.question).toBe(`v${version} writer ${results.indexOf(true)}`);
      }
    });

    it('is not affected by changes to objects passed in or returned', async () => {
      const session = buildSession({ question: 'original' });
      await store.save(session, 0);
      (session as { question: string }).question = 'mutated';
      session.updatedAt.setTime(0);
      const got = (await store.get(USER))!;
      expect(got).toEqual(buildSession({ question: 'original', version: 1 }));
      (got.attempts as L0Attempt[]).push({
        question: 'x',
        articleId: undefined,
        articleTitle: undefined,
        score: undefined,
        feedback: 'none',
      });
      (got.user as { name?: string }).name = 'mutated';
      expect(await store.get(USER)).toEqual(buildSession({ question: 'original', version: 1 }));
    });
  });
}
