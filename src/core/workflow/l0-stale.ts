import { t } from '../i18n/translate';
import type { Inbound } from '../inbound';
import type { Locale } from '../locale';
import type { L0Session } from '../ports/session-store';
import { ACTIVE_STATUSES } from '../ticket';
import { say } from './render';
import type { Uses } from './runtime';

type ActionEvent = Extract<Inbound, { kind: 'action' }>;

/** What refuseStaleL0 uses of the runtime. */
export type RefuseStaleL0Deps = Uses<'tickets' | 'log' | 'whisper'>;

/**
 * An L0 button pressed after the conversation moved on (or not the presser's): changes nothing and
 * says, to the presser alone, where things stand now (their active ticket, if any).
 */
export async function refuseStaleL0(
  rt: RefuseStaleL0Deps,
  e: ActionEvent,
  locale: Locale,
  session: L0Session | undefined,
): Promise<void> {
  const [ticket] = await rt.tickets.listByRequester(e.user, ACTIVE_STATUSES);
  const text = ticket
    ? t(locale, 'refused_stale_l0_ticket', {
        key: ticket.key,
        status: t(locale, `status_${ticket.status}`),
        level: ticket.level,
      })
    : t(locale, 'refused_stale_l0');
  const dm = e.dm ?? session?.dm;
  if (!dm) return rt.log.warn({ action: e.action }, 'stale L0 button; nowhere to say so');
  rt.whisper(e.user, { dm }, say(text, locale));
}
