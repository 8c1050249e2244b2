import { isLapisError } from '../errors';
import { t } from '../i18n/translate';
import type { Helpdesk, Inbound } from '../inbound';
import { createActionFlow } from './action-flow';
import { createAgentFlow } from './agent-flow';
import { createEmployeeFlow } from './employee-flow';
import { trackCommits, trackingTicketStore } from './commit-tracker';
import { say } from './render';
import { createRuntime, type HelpdeskDeps } from './runtime';
import { createSlaSweep } from './sla-sweep';

export type { HelpdeskConfig, HelpdeskDeps, HelpdeskLogger } from './runtime';

/**
 * The core: every channel hands it one Inbound at a time. A redelivered event (same delivery id) is
 * dropped before anything happens. When the database is unreachable the person is told, and the
 * delivery id is released so the platform's retry can still be processed.
 */
function errorKey(code: string) {
  if (code === 'invalid_input') return 'error_invalid_input' as const;
  if (code === 'not_found') return 'error_not_found' as const;
  return 'error_other' as const;
}

export function createHelpdesk(deps: HelpdeskDeps): Helpdesk {
  const localeOf = (event: Inbound) =>
    ('locale' in event ? event.locale : undefined) ?? deps.config.defaultLocale;
  // Only ticket writes count as done work: redoing an L0 step (search, answer) on a retry is harmless,
  // redoing a relayed message is not.
  const rt = createRuntime({ ...deps, tickets: trackingTicketStore(deps.tickets) });
  const actions = createActionFlow(rt);
  const employees = createEmployeeFlow(rt, actions);
  const agents = createAgentFlow(rt);
  const sweep = createSlaSweep(rt, actions.postToLevel);

  async function route(event: Inbound): Promise<void> {
    switch (event.kind) {
      case 'direct_message':
        return employees.handle(event);
      case 'thread_message':
        return agents.handle(event);
      case 'action':
        return actions.handle(event);
    }
  }

  return {
    async handle(event) {
      let first: boolean;
      try {
        first = await deps.deliveries.firstDelivery(`${event.user.platform}:${event.deliveryId}`);
      } catch (error) {
        await tellUnavailable(event);
        throw error;
      }
      if (!first) return;
      const outcome = await trackCommits(() => route(event));
      if (!outcome.error) return;
      const error: Error = outcome.error;
      const committed = outcome.committed;
      if (isLapisError(error) && error.code !== 'unavailable') {
        rt.log.warn({ err: error, kind: event.kind }, 'refused');
        await rt
          .whisper(
            event.user,
            event.kind === 'thread_message' ? { thread: event.thread } : { dm: event.dm },
            say(t(localeOf(event), errorKey(error.code), { detail: error.message })),
          )
          .catch(() => undefined);
        return;
      }
      if (committed) {
        // Part of the work is stored: a redelivery would repeat it, so the delivery stays recorded.
        rt.log.error({ err: error, kind: event.kind }, 'failed after storing part of the work');
        throw error;
      }
      await deps.deliveries
        .release(`${event.user.platform}:${event.deliveryId}`)
        .catch(() => undefined);
      await tellUnavailable(event);
      throw error;
    },
    sweepSla: () => sweep(),
  };

  async function tellUnavailable(event: Inbound): Promise<void> {
    const locale = localeOf(event);
    const where = event.kind === 'thread_message' ? { thread: event.thread } : { dm: event.dm };
    await rt
      .whisper(event.user, where, say(t(locale, 'store_down')))
      .catch((error: unknown) =>
        rt.log.error({ err: error }, 'could not even tell the user that the database is down'),
      );
  }
}
