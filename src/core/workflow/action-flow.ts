import type { Inbound } from '../inbound';
import { createAgentActions, type AgentActionsDeps } from './agent-actions';
import { createAreaActions, type AreaActionsDeps } from './area-actions';
import { createDraftActions, type DraftActionsDeps } from './draft-actions';
import { createL0Actions, type L0ActionsDeps } from './l0-actions';
import { decodePayload, pressLocale } from './payload';
import { createRequesterActions, type RequesterActionsDeps } from './requester-actions';
import type { Uses } from './runtime';

type ActionEvent = Extract<Inbound, { kind: 'action' }>;

/** What createActionFlow uses of the runtime, with what the helpers it calls use. */
export type ActionFlowDeps = Uses<never, 'agentLocale'> &
  L0ActionsDeps &
  AreaActionsDeps &
  AgentActionsDeps &
  RequesterActionsDeps &
  DraftActionsDeps;

/**
 * Every button press, sent to the flow that owns it: L0 (and its areas), the agents' card, or the
 * requester's. The payload is decoded here, once a press, and handed on with the language it gives:
 * one Lapis did not write is refused before any flow sees it.
 */
export function createActionFlow(rt: ActionFlowDeps) {
  const l0 = createL0Actions(rt);
  const areas = createAreaActions(rt);
  const agents = createAgentActions(rt);
  const requester = createRequesterActions(rt);
  const drafts = createDraftActions(rt);

  return {
    async handle(e: ActionEvent): Promise<void> {
      const payload = decodePayload(e.payload);
      const locale = pressLocale(payload, e.locale ?? rt.config.agentLocale);
      switch (e.action) {
        case 'l0_solved':
          return l0.feedback(e, payload, true, locale);
        case 'l0_need_help':
          return l0.feedback(e, payload, false, locale);
        case 'l0_pick':
          return l0.pick(e, payload, locale);
        case 'l0_area':
          return areas.pickArea(e, payload, locale);
        case 'ticket_form':
          return l0.openTicket(e, payload, locale);
        case 'claim':
        case 'escalate':
        case 'send_back':
        case 'resolve':
        case 'wait_requester':
          return agents.handle(e, payload);
        case 'confirm_resolved':
        case 'reopen':
        case 'cancel':
        case 'csat':
          return requester.handle(e, payload);
        case 'draft_article':
          return drafts.handle(e, payload);
      }
    },
  };
}
