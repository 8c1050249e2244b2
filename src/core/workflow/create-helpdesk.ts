import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Effect } from '../effects';
import { laneOfEffect } from '../effects';
import { effectIds } from '../effect-keys';
import { isLapisError } from '../errors';
import { t } from '../i18n/translate';
import type { Helpdesk, Inbound } from '../inbound';
import { createIntake, IntakeRefused } from '../pipeline/intake';
import type { QueuedWork } from '../pipeline/queued-work';
import { createWorkRunner, RetryLater } from '../pipeline/work-runner';
import type { WorkItem } from '../ports/work-queue';
import { createActionFlow } from './action-flow';
import { ticketViews } from './ticket-views';
import { createAgentFlow } from './agent-flow';
import { createEffectDelivery } from './deliver-effect';
import { createEmployeeFlow } from './employee-flow';
import { say } from './render';
import { createRuntime, DEFAULT_PIPELINE, type HelpdeskDeps } from './runtime';
import { createSlaSweep } from './sla-sweep';
import { ticketFromMessage } from './ticket-from-message';
import { createTimerSweep } from './timer-sweep';
import { inWorkScope } from './work-scope';

export type { HelpdeskDeps, HelpdeskLogger } from './runtime';

function errorKey(code: string) {
  if (code === 'invalid_input') return 'error_invalid_input' as const;
  if (code === 'not_found') return 'error_not_found' as const;
  return 'error_other' as const;
}

/**
 * The core and its pipeline. Channels hand events to `accept`, which records them in the inbox
 * before the platform is answered; workers take inbox items lane by lane (a person, a thread, a
 * ticket), run the flows, and write what the flows want sent to the outbox in one go; the outbox is
 * worked the same way, destination by destination. Every step is keyed by its item, so an item redone
 * after a crash repeats nothing that was stored or sent.
 */
export function createHelpdesk(deps: HelpdeskDeps): Helpdesk {
  const tuning = { ...DEFAULT_PIPELINE, ...deps.pipeline };
  const owner = deps.instanceId ?? `lapis-${randomUUID().slice(0, 8)}`;
  const rt = createRuntime(deps);
  const actions = createActionFlow(rt);
  const employees = createEmployeeFlow(rt);
  const agents = createAgentFlow(rt);
  const sla = createSlaSweep(rt);
  const timers = createTimerSweep(rt);
  let timersChecked = false;
  const delivery = createEffectDelivery(rt, (ticketId, level) =>
    outboxRunner.wake(laneOfEffect({ kind: 'thread', ticketId, level, message: say('') })),
  );
  /** The language of an answer no flow gave: agents' (a thread, a press outside a DM) is AGENT_LOCALE. */
  const localeOf = (event: Inbound) =>
    event.kind === 'thread_message' || (event.kind === 'action' && !event.dm)
      ? deps.config.agentLocale
      : (event.locale ?? deps.config.defaultLocale);
  const whereOf = (event: Inbound) =>
    event.kind === 'thread_message'
      ? { thread: event.thread }
      : { dm: event.kind === 'ticket_request' ? event.replyTo : event.dm };

  async function route(event: Inbound): Promise<void> {
    switch (event.kind) {
      case 'direct_message':
        return employees.handle(event);
      case 'thread_message':
        return agents.handle(event);
      case 'action':
        return actions.handle(event);
      case 'ticket_request':
        return ticketFromMessage(rt, event);
    }
  }

  async function flush(key: string, effects: readonly Effect[]): Promise<void> {
    const ids = effectIds(key, effects);
    const entries = effects.map((payload, i) => ({
      id: ids[i] as string,
      lane: laneOfEffect(payload),
      payload,
    }));
    await deps.outbox.enqueue(entries);
    for (const entry of entries) outboxRunner.wake(entry.lane);
  }

  async function processWork(item: WorkItem<QueuedWork>): Promise<void> {
    const work = item.payload;
    const { effects } = await inWorkScope(item.id, async () => {
      if (work.kind === 'sla') return sla.check(work.ticketId);
      if (work.kind === 'timer') return timers.fire(work.ticketId);
      if (work.kind === 'seen') return;
      if (work.kind === 'repost_card') return sla.repostCard(work.ticketId);
      const event = (await deps.prepare?.[work.event.user.platform]?.(work.event)) ?? work.event;
      try {
        await route(event);
      } catch (error) {
        // A refusal is an answer; a conflict or an outage puts the event back to be redone.
        if (!isLapisError(error) || error.code === 'unavailable') throw error;
        // Contention passes (a dead writer's version claim goes stale in 30 s): not counted as a failure.
        if (error.code === 'contended')
          throw new RetryLater(error.message, 500 + Math.random() * 1000, false);
        rt.log.warn({ err: error, kind: event.kind }, 'refused');
        const locale = localeOf(event);
        rt.whisper(event.user, whereOf(event), say(t(locale, errorKey(error.code)), locale));
      }
    });
    await flush(item.id, effects);
  }

  /** An event given up for good: the person is asked to send it again (and the log says why). */
  async function eventGivenUp(item: WorkItem<QueuedWork>): Promise<void> {
    if (item.payload.kind !== 'inbound') return;
    const event = item.payload.event;
    const { effects } = await inWorkScope(`${item.id}:failed`, () => {
      rt.whisper(
        event.user,
        whereOf(event),
        say(t(localeOf(event), 'event_failed'), localeOf(event)),
      );
      return Promise.resolve();
    });
    await flush(`${item.id}:failed`, effects);
  }

  const runnerBase = {
    owner,
    concurrency: tuning.concurrency,
    leaseMs: tuning.leaseMs,
    pollMs: tuning.pollMs,
    maxAttempts: tuning.maxAttempts,
    log: rt.log,
  };
  const inboxRunner = createWorkRunner<QueuedWork>({
    ...runnerBase,
    queue: deps.inbox,
    onLook: (pending) => noteBacklog(pending),
    handle: processWork,
    onGiveUp: (item) => eventGivenUp(item),
  });
  const outboxRunner = createWorkRunner<Effect>({
    ...runnerBase,
    queue: deps.outbox,
    handle: (item) => delivery.deliver(item),
    onGiveUp: async (item, reason) => {
      await flush(`${item.id}:undeliverable`, await delivery.undeliverable(item, reason));
    },
  });
  const intake = createIntake({
    inbox: deps.inbox,
    timeoutMs: tuning.intakeTimeoutMs,
    maxBacklog: tuning.maxBacklog,
    wake: (lane) => inboxRunner.wake(lane),
    log: rt.log,
  });

  /** Both queues drained; an effect can queue more work only through a card, hence a few rounds. */
  async function idle(timeoutMs?: number): Promise<void> {
    for (let round = 0; round < 3; round++) {
      await inboxRunner.idle(timeoutMs);
      await outboxRunner.idle(timeoutMs);
    }
  }

  async function accept(event: Inbound): Promise<'accepted' | 'duplicate'> {
    try {
      return await intake.accept(event);
    } catch (error) {
      if (error instanceof IntakeRefused && error.reason === 'unavailable') tellUnavailable(event);
      throw error;
    }
  }

  /**
   * The database did not take the event: the person hears so at once (straight to the platform, as
   * nothing can be queued), at most once a minute each, since the platform retries the same event.
   */
  const toldUnavailable = new LRUCache<string, true>({ max: 10_000, ttl: 60_000 });
  function tellUnavailable(event: Inbound): void {
    const who = `${event.user.platform}:${event.user.id}`;
    if (toldUnavailable.has(who)) return;
    toldUnavailable.set(who, true);
    const message = say(t(localeOf(event), 'store_down'), localeOf(event));
    void Promise.resolve()
      .then(() =>
        rt.surface(event.user.platform).sendEphemeral(event.user, whereOf(event), message),
      )
      .catch((err: unknown) =>
        rt.log.error({ err }, 'could not even tell the person that the database is down'),
      );
  }

  /** The inbox runner counts pending events at every look; logged at most every 5 s. */
  let backlogLoggedAt = 0;
  function noteBacklog(count: number): void {
    if (count > 0 && Date.now() - backlogLoggedAt >= 5000) {
      backlogLoggedAt = Date.now();
      rt.log.debug?.({ backlog: count, limit: tuning.maxBacklog }, 'events waiting');
    }
    intake.setBacklog(count);
    intake.databaseAnswered();
  }

  return {
    accept,
    async firstSeen(deliveryId) {
      const refused = intake.admission();
      if (refused) throw refused;
      const fresh = await deps.inbox.enqueue([
        { id: deliveryId, lane: 'seen', payload: { kind: 'seen' }, done: true },
      ]);
      return fresh.length > 0;
    },
    admission: () => intake.admission(),
    async handle(event) {
      await accept(event);
      await idle();
    },
    start() {
      inboxRunner.start();
      outboxRunner.start();
    },
    async stop(deadlineMs) {
      intake.close();
      const started = Date.now();
      await inboxRunner.stop(deadlineMs);
      // Effects queued by the last events still get their chance within the same deadline.
      await outboxRunner.stop(Math.max(0, deadlineMs - (Date.now() - started)));
    },
    idle,
    views: ticketViews(deps.tickets),
    async queueEffects(items) {
      const entries = items.map(({ id, effect }) => ({
        id,
        lane: laneOfEffect(effect),
        payload: effect,
      }));
      const fresh = await deps.outbox.enqueue(entries);
      for (const entry of entries) if (fresh.includes(entry.id)) outboxRunner.wake(entry.lane);
      return fresh;
    },
    async effectQueued(id) {
      return (await deps.outbox.status(id)) !== undefined;
    },
    async sweepSla() {
      const period = String(Math.floor(deps.clock.now().getTime() / 600_000));
      // Once per process: tickets whose timer predates these settings (or timers) get theirs.
      const backfill = timersChecked ? [] : await timers.backfillWork();
      timersChecked = true;
      const work = [
        ...(await sla.dueWork()),
        ...(await timers.dueWork()),
        ...backfill,
        ...(await sla.missingCardWork(period)),
      ];
      const fresh = await deps.inbox.enqueue(work);
      for (const item of work) if (fresh.includes(item.id)) inboxRunner.wake(item.lane);
      return fresh.length;
    },
  };
}
