import { t } from '../i18n/translate';
import type { Inbound } from '../inbound';
import type { Locale } from '../locale';
import { isActive, type Ticket } from '../ticket';
import { addFormText, type AddFormTextDeps } from './add-to-ticket';
import { withHoursNotice } from './hours-notice';
import { startTicket } from './new-ticket';
import { openOrJoin, type OpenOrJoinDeps } from './open-or-join';
import { say } from './render';
import { resolvedMessage } from './resolved-message';
import { retire } from './retire-buttons';
import type { Uses } from './runtime';
import { recordFollowUp } from './ticket-transitions';
import { pendingFiles } from './keep-files';
import { filesToThread, openingFiles } from './relay-files';

type ActionEvent = Extract<Inbound, { kind: 'action' }>;

/** What reopenTooLate uses of the runtime, with what the helpers it calls use. */
export type ReopenTooLateDeps = Uses<
  'sessions' | 'clock' | 'mutate' | 'ctx' | 'postNewTicket' | 'tellRequester' | 'tellThread',
  'agentLocale' | 'sla' | 'timeZone'
> &
  AddFormTextDeps &
  OpenOrJoinDeps;

/**
 * "Reopen" with what is still wrong, once the ticket can no longer be reopened (the requester
 * confirmed it, or the reopen window passed): what they wrote is not lost. While the ticket is active
 * again (the form was sent twice) it is added to it; otherwise a follow-up ticket opens with the old
 * question and what they wrote, linked to the old one (`followUpOf`), and the old thread is told. Its
 * id comes from the old ticket, so two submits open one follow-up and a redone press finds its own.
 */
export async function reopenTooLate(
  rt: ReopenTooLateDeps,
  e: ActionEvent,
  old: Ticket,
  reason: string,
  locale: Locale,
): Promise<void> {
  if (isActive(old)) return addFormText(rt, e, old, reason, locale);
  const now = rt.clock.now();
  // Files sent since (kept with the L0 conversation) travel with the follow-up.
  const session = await rt.sessions.get(old.requester);
  const files = pendingFiles(session);
  const result = await openOrJoin(rt, `follow-up:${old.id}`, () =>
    startTicket({
      requester: old.requester,
      requesterDm: e.dm ?? old.requesterDm,
      locale,
      question: old.question,
      attempts: old.l0,
      category: old.category,
      priority: old.priority,
      impact: old.impact,
      details: reason,
      followUpOf: { id: old.id, key: old.key },
      ...(files.length ? { files } : {}),
      origin: 'reopen_too_late',
      now,
      sla: rt.config.sla,
    }),
  );
  if (!result) throw new Error(`${old.key} has too many follow-ups`);
  const { ticket, opened } = result;
  if (!opened) return addFormText(rt, e, ticket, reason, locale);
  const { after } = await rt.mutate(old.id, (x) => recordFollowUp(x, rt.ctx(e.user), ticket.key));
  rt.postNewTicket(ticket);
  filesToThread(rt, ticket, 1, openingFiles(ticket), ticket.requester);
  // They went with this ticket: the conversation holds them no more (a redo finds them listed there).
  if (session && files.length) {
    const { files: _gone, ...rest } = session;
    void _gone;
    await rt.sessions.save(
      { ...rest, updatedAt: now, version: session.version + 1 },
      session.version,
    );
  }
  const agentLocale = rt.config.agentLocale;
  rt.tellThread(
    after,
    after.level,
    say(t(agentLocale, 'follow_up_thread', { key: ticket.key, reason }), agentLocale),
  );
  const text = t(locale, 'follow_up_opened', {
    old: old.key,
    key: ticket.key,
    priority: ticket.priority,
  });
  rt.tellRequester(ticket, withHoursNotice(text, ticket, rt.config, locale));
  const chosen = t(locale, 'chosen_follow_up', { key: ticket.key });
  if (after.resolution) retire(e, resolvedMessage(after, locale, after, chosen));
}
