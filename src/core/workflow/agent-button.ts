import { LapisError } from '../errors';
import { t } from '../i18n/translate';
import type { Inbound } from '../inbound';
import type { Level, Ticket } from '../ticket';
import { decodePayload } from './payload';
import { refuse } from './refusals';
import type { Runtime } from './runtime';

type ActionEvent = Extract<Inbound, { kind: 'action' }>;

/**
 * The ticket and level a button on an agents' card names, when the presser is an agent of that level;
 * otherwise the presser is told why and undefined comes back. Every agent button starts here.
 */
export async function agentButtonTarget(
  rt: Runtime,
  e: ActionEvent,
): Promise<{ ticket: Ticket; level: Level } | undefined> {
  const payload = decodePayload(e.payload);
  const ticket = payload.ticket ? await rt.deps.tickets.get(payload.ticket) : undefined;
  const level = payload.level;
  if (!ticket || !level) throw new LapisError('invalid_input', 'button without ticket or level');
  if (!(await rt.deps.agents.isAgent(e.user, level))) {
    const text = t(rt.deps.config.agentLocale, 'refused_not_agent', { level });
    await refuse(rt, e, ticket, { level }, text, 'not an agent of this level');
    return undefined;
  }
  return { ticket, level };
}
