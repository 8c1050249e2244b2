import type { HelpdeskDeps } from '../core/workflow/create-helpdesk';
import type { HelpdeskMeter } from './helpdesk-meter';
import { meterKnowledgeBase } from './metered-knowledge-base';
import { meterLearning } from './metered-learning';
import { meterReplies } from './metered-replies';
import { meterTickets } from './metered-tickets';

/**
 * The core's ports with the meter's decorators around them (ticket store, L0 learning, knowledge
 * base, inbox and outbox); without a meter, the ports as they are. The core itself is not touched.
 */
export function meterHelpdeskDeps(deps: HelpdeskDeps, meter?: HelpdeskMeter): HelpdeskDeps {
  if (!meter) return deps;
  return {
    ...deps,
    ...meterReplies({ inbox: deps.inbox, outbox: deps.outbox }, meter),
    tickets: meterTickets(deps.tickets, meter),
    kb: meterKnowledgeBase(deps.kb, meter),
    ...(deps.learning ? { learning: meterLearning(deps.learning, meter) } : {}),
  };
}
