import { LapisError } from '../errors';
import { t } from '../i18n/translate';
import type { Inbound } from '../inbound';
import type { Level, Ticket } from '../ticket';
import type { Payload } from './payload';
import { refuse, type RefuseDeps } from './refusals';
import type { Uses } from './runtime';

type ActionEvent = Extract<Inbound, { kind: 'action' }>;

/** What agentButtonTarget uses of the runtime, with what the helpers it calls use. */
export type AgentButtonDeps = Uses<'tickets' | 'agents', 'agentLocale'> & RefuseDeps;

/**
 * The ticket and level a button on an agents' card names, when the presser is an agent of that level;
 * otherwise the presser is told why and undefined comes back. Every agent button starts here.
 */
export async function agentButtonTarget(
  rt: AgentButtonDeps,
  e: ActionEvent,
  payload: Payload,
): Promise<{ ticket: Ticket; level: Level } | undefined> {
  const ticket = payload.ticket ? await rt.tickets.get(payload.ticket) : undefined;
  const level = payload.level;
  if (!ticket || !level) throw new LapisError('invalid_input', 'button without ticket or level');
  if (!(await rt.agents.isAgent(e.user, level))) {
    const text = t(rt.config.agentLocale, 'refused_not_agent', { level });
    await refuse(rt, e, ticket, { level }, text, 'not an agent of this level');
    return undefined;
  }
  return { ticket, level };
}
