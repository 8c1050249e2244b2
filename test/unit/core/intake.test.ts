import type { Inbound } from '../../../src/core/inbound';
import { createIntake, IntakeRefused } from '../../../src/core/pipeline/intake';
import type { QueuedWork } from '../../../src/core/pipeline/queued-work';
import type { WorkQueue } from '../../../src/core/ports/work-queue';
import { createMemoryWorkQueue } from '../../support/fakes/memory-work-queue';

const dm = (deliveryId: string): Inbound => ({
  kind: 'direct_message',
  deliveryId,
  user: { platform: 'slack', id: 'U1' },
  dm: { platform: 'slack', id: 'D1' },
  text: 'vpn',
});

/** An inbox whose writes hang (never answer) while `state.hang` is set, as a saturated or dead server. */
function hanging(queue: WorkQueue<QueuedWork>, state: { hang: boolean }): WorkQueue<QueuedWork> {
  return {
    ...queue,
    enqueue: (items) => (state.hang ? new Promise<string[]>(() => {}) : queue.enqueue(items)),
  };
}

function intakeOn(inbox: WorkQueue<QueuedWork>, maxBacklog = 100) {
  const warn = jest.fn();
  const intake = createIntake({ inbox, timeoutMs: 50, maxBacklog, wake: () => {}, log: { warn } });
  return { intake, warn };
}

describe('intake', () => {
  it('records an event once and recognises its redelivery', async () => {
    const { intake } = intakeOn(createMemoryWorkQueue<QueuedWork>('inbox'));
    await expect(intake.accept(dm('Ev1'))).resolves.toBe('accepted');
    await expect(intake.accept(dm('Ev1'))).resolves.toBe('duplicate');
  });

  it('stores an event without U+0000 anywhere in it (PostgreSQL cannot hold it)', async () => {
    const inbox = createMemoryWorkQueue<QueuedWork>('inbox');
    const { intake } = intakeOn(inbox);
    const event = {
      ...dm('Ev\u00001'),
      text: 'printer\u0000 paper jam',
      user: { platform: 'slack' as const, id: 'U\u00001' },
    };
    await expect(intake.accept(event)).resolves.toBe('accepted');
    const [head] = (await inbox.dueHeads(1)).heads;
    const claim = await inbox.claim(head!.id, 'w', 1000);
    expect(claim?.item.id).not.toContain('\u0000');
    expect(claim?.item.payload).toMatchObject({
      event: { deliveryId: 'Ev1', text: 'printer paper jam', user: { id: 'U1' } },
    });
    await expect(intake.accept(dm('Ev1'))).resolves.toBe('duplicate');
  });

  it('answers 500 (database down) when no write lands within its budget and none landed lately', async () => {
    const { intake } = intakeOn(hanging(createMemoryWorkQueue('inbox'), { hang: true }));
    const refused = await intake.accept(dm('Ev1')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(IntakeRefused);
    expect(refused).toMatchObject({ reason: 'unavailable', status: 500 });
  });

  it('answers 503 (busy) when a write times out while others still land: slow is not down', async () => {
    const state = { hang: false };
    const { intake } = intakeOn(hanging(createMemoryWorkQueue('inbox'), state));
    await intake.accept(dm('Ev1'));
    state.hang = true;
    await expect(intake.accept(dm('Ev2'))).rejects.toMatchObject({
      reason: 'overloaded',
      status: 503,
    });
  });

  it('answers 503 when the database answered a look at the queue lately, even with no write', async () => {
    const { intake } = intakeOn(hanging(createMemoryWorkQueue('inbox'), { hang: true }));
    intake.databaseAnswered();
    await expect(intake.accept(dm('Ev1'))).rejects.toMatchObject({ status: 503 });
  });

  it('answers 503 when a write fails while the database answered a moment ago (busy, not down)', async () => {
    const queue = createMemoryWorkQueue<QueuedWork>('inbox');
    const { intake } = intakeOn({
      ...queue,
      enqueue: () => Promise.reject(new Error('database is locked')),
    });
    intake.databaseAnswered();
    await expect(intake.accept(dm('Ev1'))).rejects.toMatchObject({ status: 503 });
  });

  it('answers 500 when the write fails outright', async () => {
    const queue = createMemoryWorkQueue<QueuedWork>('inbox');
    const { intake, warn } = intakeOn({
      ...queue,
      enqueue: () => Promise.reject(new Error('connect ECONNREFUSED')),
    });
    await expect(intake.accept(dm('Ev1'))).rejects.toMatchObject({ status: 500 });
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('refuses with 503 above the backlog bound and while stopping, without writing', async () => {
    const queue = createMemoryWorkQueue<QueuedWork>('inbox');
    const { intake } = intakeOn(queue, 1);
    await intake.accept(dm('Ev1'));
    await expect(intake.accept(dm('Ev2'))).rejects.toMatchObject({ reason: 'overloaded' });
    intake.setBacklog(0);
    intake.close();
    await expect(intake.accept(dm('Ev3'))).rejects.toMatchObject({ reason: 'stopping' });
    expect((await queue.dueHeads(10)).pending).toBe(1);
  });
});
