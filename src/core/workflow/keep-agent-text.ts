import { t } from '../i18n/translate';
import type { Inbound } from '../inbound';
import { displayName } from '../people';
import type { Level, Ticket, TranscriptEntry } from '../ticket';
import { field, type FormFieldName } from './form-fields';
import { fromUser, plain } from '../messages';
import type { Uses } from './runtime';
import { agentReplied } from './ticket-transitions';

type ActionEvent = Extract<Inbound, { kind: 'action' }>;

/** The fields an agent types into a card's forms (escalate, send back, resolve). */
const TYPED: readonly FormFieldName[] = ['reason', 'tried', 'note', 'summary'];

/** What keepAgentText uses of the runtime. */
export type KeepAgentTextDeps = Uses<'clock' | 'mutate' | 'ctx' | 'tellThread', 'agentLocale'>;

/**
 * What an agent typed into a form whose button was out of date (the ticket moved on meanwhile) is
 * not thrown away: it is kept as an internal note in the ticket's transcript and shown in the thread
 * of the level they pressed at, once however often the press is redone. True when something was kept.
 */
export async function keepAgentText(
  rt: KeepAgentTextDeps,
  e: ActionEvent,
  ticket: Ticket,
  level: Level,
): Promise<boolean> {
  const text = TYPED.map((name) => field(e, name))
    .filter(Boolean)
    .join('\n');
  if (!text) return false;
  const entry: TranscriptEntry = {
    at: rt.clock.now(),
    from: 'agent',
    user: e.user,
    text,
    level,
    internal: true,
  };
  const { after, changed } = await rt.mutate(ticket.id, (x) =>
    x.transcript.some((k) => k.internal && k.from === 'agent' && k.text === text)
      ? x
      : agentReplied(x, rt.ctx(e.user), entry),
  );
  if (changed) {
    const locale = rt.config.agentLocale;
    const says = t(locale, 'kept_agent_text', { agent: displayName(e.user) });
    rt.tellThread(after, level, {
      text: `${says} ${text}`,
      locale,
      blocks: [{ kind: 'text', spans: [plain(`${says} `), fromUser(text)] }],
    });
  }
  return true;
}
