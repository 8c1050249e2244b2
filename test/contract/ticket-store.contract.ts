import type { UserRef } from '../../src/core/people';
import type { NewTicket, TicketStore } from '../../src/core/ports/ticket-store';
import type { L0Attempt, Ticket, TicketStatus } from '../../src/core/ticket';
import { at, buildFullNewTicket, buildNewTicket, REQUESTER } from '../support/ticket-factory';

export interface StoreUnderTest<S> {
  readonly store: S;
  dispose(): Promise<void>;
}

/** What a store must return for `input` once created: the input plus identity and version 0. */
function stored(input: NewTicket, created: Ticket): Ticket {
  return { ...structuredClone(input), id: created.id, key: created.key, version: 0 };
}

const keyNumber = (ticket: Ticket): number => Number(ticket.key.replace(/^IT-/, ''));

/**
 * The TicketStore contract: every implementation (in-memory for core unit tests, MongoDB/FerretDB)
 * runs exactly these cases. `factory` gives a fresh, empty store for each case.
 */
export function describeTicketStoreContract(
  name: string,
  factory: () => Promise<StoreUnderTest<TicketStore>>,
): void {
  describe(`TicketStore contract: ${name}`, () => {
    let subject: StoreUnderTest<TicketStore>;
    let store: TicketStore;
    beforeEach(async () => {
      subject = await factory();
      store = subject.store;
    });
    afterEach(() => subject.dispose());

    describe('create and find', () => {
      it('assigns sequential keys from IT-1001, distinct ids and version 0', async () => {
        const a = await store.create(buildNewTicket());
        const b = await store.create(buildNewTicket());
        expect([a.key, b.key]).toEqual(['IT-1001', 'IT-1002']);
        expect([a.version, b.version]).toEqual([0, 0]);
        expect(a.id).toEqual(expect.any(String));
        expect(a.id).not.toBe(b.id);
      });

      it('finds a ticket by id and by the thread of any of its levels', async () => {
        const input = buildNewTicket({
          threads: {
            L1: { platform: 'slack', channelId: 'C-L1', threadId: '111.1' },
            L2: { platform: 'slack', channelId: 'C-L2', threadId: '222.2' },
          },
        });
        const created = await store.create(input);
        await store.create(buildNewTicket({ threads: {} }));
        expect(created).toEqual(stored(input, created));
        expect(await store.get(created.id)).toEqual(created);
        expect(await store.getByThread('slack', '111.1')).toEqual(created);
        expect(await store.getByThread('slack', '222.2')).toEqual(created);
      });

      it('returns undefined for what does not exist', async () => {
        await store.create(
          buildNewTicket({
            threads: { L1: { platform: 'slack', channelId: 'C', threadId: '1.1' } },
          }),
        );
        expect(await store.get('no-such-id')).toBeUndefined();
        expect(await store.getByThread('slack', '9.9')).toBeUndefined();
        expect(await store.getByThread('teams', '1.1')).toBeUndefined();
      });

      it('hands out 20 distinct, consecutive keys to 20 concurrent creates', async () => {
        const created = await Promise.all(
          Array.from({ length: 20 }, (_, i) => store.create(buildNewTicket({ question: `q${i}` }))),
        );
        expect(created.map(keyNumber).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 20 }, (_, i) => 1001 + i),
        );
        expect(new Set(created.map((t) => t.id)).size).toBe(20);
        for (const ticket of created) expect(await store.get(ticket.id)).toEqual(ticket);
      });
    });

    describe('round trip', () => {
      it('returns a ticket with every optional field set exactly as stored, Dates as Dates', async () => {
        const input = buildFullNewTicket();
        const created = await store.create(input);
        const got = await store.get(created.id);
        expect(got).toEqual(stored(input, created));
        expect(got?.sla.pausedAt).toBeInstanceOf(Date);
        expect(got?.transcript[0]?.at).toBeInstanceOf(Date);
        expect(got?.resolution?.at).toBeInstanceOf(Date);
        expect(got?.audit[1]?.detail).toEqual({
          from: 1,
          to: 2,
          automatic: false,
          note: 'x',
          none: null,
        });
        expect(got?.csat?.score).toBe(4.5);
      });

      it('returns unset optional fields as undefined, never null', async () => {
        const input = buildNewTicket();
        const created = await store.create(input);
        const got = await store.get(created.id);
        expect(got).toEqual(stored(input, created));
        for (const value of [
          got?.impact,
          got?.details,
          got?.assignee,
          got?.resolution,
          got?.csat,
          got?.closedAt,
          got?.followUpOf,
          got?.sla.firstResponseAt,
          got?.sla.pausedAt,
          got?.threads.L1,
          got?.cards.L1,
          got?.requester.name === 'Sari' ? undefined : 'name lost',
        ])
          expect(value).toBeUndefined();
      });

      it('sets and then unsets optional fields through update', async () => {
        const created = await store.create(buildNewTicket());
        const full = buildFullNewTicket();
        const set = await store.update({ ...created, ...full }, 0);
        expect(set).toEqual({ ...created, ...full, version: 1 });
        expect(await store.get(created.id)).toEqual(set);

        const unset = buildNewTicket({ question: 'again' });
        const cleared = await store.update({ ...created, ...unset }, 1);
        expect(cleared).toEqual({ ...created, ...unset, version: 2 });
        const got = await store.get(created.id);
        expect(got).toEqual(cleared);
        expect(got?.impact).toBeUndefined();
        expect(got?.sla.pausedAt).toBeUndefined();
        expect(await store.getByThread('slack', '1741000100.000200')).toBeUndefined();
      });
    });

    describe('update', () => {
      it('succeeds at the expected version, bumps the version and returns what is stored', async () => {
        const created = await store.create(buildNewTicket());
        const claimed = await store.update(
          {
            ...created,
            status: 'claimed',
            assignee: { platform: 'slack', id: 'U-AGENT' },
            threads: { L1: { platform: 'slack', channelId: 'C-L1', threadId: '5.5' } },
            version: 41, // ignored: the store sets the version
          },
          0,
        );
        expect(claimed?.version).toBe(1);
        expect(claimed?.status).toBe('claimed');
        expect(await store.get(created.id)).toEqual(claimed);
        expect(await store.getByThread('slack', '5.5')).toEqual(claimed);

        const resolved = await store.update({ ...claimed!, status: 'resolved' }, 1);
        expect(resolved?.version).toBe(2);
        expect(await store.get(created.id)).toEqual(resolved);
      });

      it('refuses a stale or future version and changes nothing', async () => {
        const created = await store.create(buildNewTicket());
        const first = await store.update({ ...created, question: 'first' }, 0);
        expect(first?.version).toBe(1);
        expect(await store.update({ ...created, question: 'stale' }, 0)).toBeUndefined();
        expect(await store.update({ ...created, question: 'future' }, 7)).toBeUndefined();
        expect(await store.get(created.id)).toEqual(first);
        // A refused update does not get in the way of the next right one.
        expect((await store.update({ ...first!, question: 'second' }, 1))?.version).toBe(2);
      });

      it('returns undefined for a ticket that does not exist', async () => {
        const ghost: Ticket = { ...buildNewTicket(), id: 'no-such-id', key: 'IT-1', version: 0 };
        expect(await store.update(ghost, 0)).toBeUndefined();
        expect(await store.get('no-such-id')).toBeUndefined();
      });

      it('lets exactly one of 10 concurrent updates from the same version win, every time', async () => {
        const created = await store.create(buildNewTicket());
        let current: Ticket = created;
        for (let round = 0; round < 3; round++) {
          const base = current;
          const results = await Promise.all(
            Array.from({ length: 10 }, (_, i) =>
              store.update({ ...base, question: `round ${round} writer ${i}` }, base.version),
            ),
          );
          const winners = results.filter((r): r is Ticket => r !== undefined);
          expect(winners).toHaveLength(1);
          const winner = winners[0]!;
          expect(winner.version).toBe(round + 1);
          expect(await store.get(created.id)).toEqual(winner);
          current = winner;
        }
      });
    });

    describe('lists', () => {
      const other: UserRef = { platform: 'teams', id: REQUESTER.id };
      const create = (
        requester: UserRef,
        minute: number,
        status: TicketStatus,
        level = 1 as const,
      ) => store.create(buildNewTicket({ requester, createdAt: at(minute), status, level }));

      it('lists a requester’s tickets newest first, optionally by status', async () => {
        const old = await create(REQUESTER, 1, 'closed');
        const mid = await create(REQUESTER, 2, 'open');
        const neu = await create(REQUESTER, 3, 'claimed');
        await create(other, 4, 'open');
        await create({ platform: 'slack', id: 'U-SOMEONE-ELSE' }, 5, 'open');

        expect(await store.listByRequester(REQUESTER)).toEqual([neu, mid, old]);
        expect(await store.listByRequester({ ...REQUESTER, name: 'another name' })).toEqual([
          neu,
          mid,
          old,
        ]);
        expect(await store.listByRequester(REQUESTER, ['open', 'claimed'])).toEqual([neu, mid]);
        expect(await store.listByRequester(REQUESTER, ['closed'])).toEqual([old]);
        expect(await store.listByRequester(REQUESTER, [])).toEqual([]);
        expect(await store.listByRequester({ platform: 'console', id: 'nobody' })).toEqual([]);
      });

      it('lists a level’s tickets in the given statuses, oldest first', async () => {
        const later = await create(REQUESTER, 9, 'open');
        const earlier = await create(other, 3, 'open');
        const claimed = await create(REQUESTER, 5, 'claimed');
        await create(REQUESTER, 1, 'closed');
        await store.create(buildNewTicket({ level: 2, createdAt: at(0), status: 'open' }));

        expect(await store.listByLevel(1, ['open'])).toEqual([earlier, later]);
        expect(await store.listByLevel(1, ['open', 'claimed'])).toEqual([earlier, claimed, later]);
        expect((await store.listByLevel(2, ['open'])).map((t) => t.level)).toEqual([2]);
        expect(await store.listByLevel(3, ['open'])).toEqual([]);
        expect(await store.listByLevel(1, [])).toEqual([]);
      });

      it('lists active tickets whose SLA check is due, soonest first, up to the limit', async () => {
        const due = (minute: number | undefined, status: TicketStatus) =>
          store.create(
            buildNewTicket({
              status,
              sla: {
                ...buildNewTicket().sla,
                nextCheckAt: minute === undefined ? undefined : at(minute),
              },
            }),
          );
        const at10 = await due(10, 'open');
        const at5 = await due(5, 'claimed');
        const at20 = await due(20, 'waiting_on_requester');
        const atNow = await due(30, 'open');
        await due(31, 'open'); // not yet
        await due(1, 'resolved'); // not active
        await due(2, 'closed');
        await due(3, 'cancelled');
        await due(undefined, 'open'); // nothing pending

        expect(await store.listDueForSla(at(30), 100)).toEqual([at5, at10, at20, atNow]);
        expect(await store.listDueForSla(at(30), 2)).toEqual([at5, at10]);
        expect(await store.listDueForSla(at(4), 100)).toEqual([]);
        expect(await store.listDueForSla(at(30), 0)).toEqual([]);
      });

      it('lists tickets whose reminder or auto-close is due, soonest first, and forgets a cleared one', async () => {
        const timed = (minute: number | undefined, status: TicketStatus) =>
          store.create({
            ...buildNewTicket({ status }),
            ...(minute === undefined ? {} : { nextTimerAt: at(minute) }),
          });
        const at10 = await timed(10, 'resolved');
        const at5 = await timed(5, 'waiting_on_requester');
        const at31 = await timed(31, 'resolved'); // not yet
        await timed(undefined, 'waiting_on_requester'); // nothing timed

        expect(await store.listDueForTimers(at(30), 100)).toEqual([at5, at10]);
        expect(await store.listDueForTimers(at(30), 1)).toEqual([at5]);
        expect(await store.listDueForTimers(at(4), 100)).toEqual([]);
        expect(await store.listDueForTimers(at(30), 0)).toEqual([]);

        const { nextTimerAt, ...rest } = at5;
        void nextTimerAt;
        const closed = await store.update(
          { ...rest, status: 'closed', closedReason: 'auto_no_reply', closedAt: at(6) },
          at5.version,
        );
        expect(closed).toMatchObject({ status: 'closed', closedReason: 'auto_no_reply' });
        expect((await store.get(at5.id))?.closedReason).toBe('auto_no_reply');
        expect(await store.listDueForTimers(at(30), 100)).toEqual([at10]);
        const later = await store.update({ ...at10, nextTimerAt: at(40) }, at10.version);
        expect(await store.listDueForTimers(at(30), 100)).toEqual([]);
        expect(await store.listDueForTimers(at(40), 100)).toEqual([at31, later]);
      });
    });

    describe('isolation', () => {
      it('is not affected by changes to the objects passed in', async () => {
        const input = buildFullNewTicket();
        const snapshot = structuredClone(input);
        const created = await store.create(input);
        (input as { question: string }).question = 'mutated';
        (input.l0 as L0Attempt[]).push({ ...input.l0[0]!, question: 'extra' });
        (input.requester as { id: string }).id = 'U-MUTATED';
        input.sla.firstResponseDue.setTime(0);
        input.createdAt.setTime(0);
        expect(await store.get(created.id)).toEqual(stored(snapshot, created));

        const next: Ticket = { ...structuredClone(created), status: 'claimed' };
        const updated = await store.update(next, 0);
        const updatedSnapshot = structuredClone(updated);
        (next as { status: string }).status = 'cancelled';
        next.updatedAt.setTime(0);
        (next.transcript as unknown[]).length = 0;
        expect(await store.get(created.id)).toEqual(updatedSnapshot);
      });

      it('is not affected by changes to the objects it returned', async () => {
        const created = await store.create(buildFullNewTicket());
        const snapshot = structuredClone(created);
        (created as { status: string }).status = 'cancelled';
        created.sla.resolutionDue.setTime(0);
        (created.audit as unknown[]).push({ at: new Date(), actor: 'system', action: 'x' });
        const got = (await store.get(created.id))!;
        expect(got).toEqual(snapshot);
        (got.transcript as unknown[]).length = 0;
        got.createdAt.setTime(0);
        const listed = await store.listByRequester(REQUESTER);
        (listed[0]!.escalations as unknown[]).length = 0;
        const updated = (await store.update(snapshot, 0))!;
        updated.updatedAt.setTime(0);
        expect(await store.get(created.id)).toEqual({ ...snapshot, version: 1 });
      });
    });
  });
}
