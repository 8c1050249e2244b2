import { t } from '../i18n/translate';
import { fromUser, plain } from '../messages';
import type { Locale } from '../locale';
import { displayName, type ConversationRef, type UserRef } from '../people';
import type { Ticket, TranscriptEntry } from '../ticket';
import { say } from './render';
import type { Uses } from './runtime';
import { requesterReplied } from './ticket-transitions';
import type { FileMention } from '../files';
import { filesToThread } from './relay-files';

/** The ticket already holds this text from its requester: as its details or an earlier message. */
function holds(ticket: Ticket, text: string): boolean {
  return (
    ticket.details === text ||
    ticket.transcript.some((e) => e.from === 'requester' && !e.internal && e.text === text)
  );
}

/** What addRequesterText uses of the runtime. */
export type AddRequesterTextDeps = Uses<
  'clock' | 'mutate' | 'ctx' | 'tellThread' | 'refreshCards',
  'agentLocale'
>;

/**
 * What the requester wrote, added to their ticket: kept in its transcript and relayed into the thread
 * of its current level as "Budi (requester): ..."; a paused SLA clock runs again. With `once`, text the
 * ticket already holds (the same form sent twice) is not added a second time. Files sent with it (or
 * alone, the text empty) are listed with it and sent into the thread. Returns the ticket after.
 */
export async function addRequesterText(
  rt: AddRequesterTextDeps,
  ticket: Ticket,
  user: UserRef,
  text: string,
  options: { readonly once?: boolean; readonly files?: readonly FileMention[] } = {},
): Promise<Ticket> {
  const now = rt.clock.now();
  const files = options.files ?? [];
  const { before, after, changed, replayed } = await rt.mutate(ticket.id, (x) => {
    if (options.once && holds(x, text)) return x;
    const entry: TranscriptEntry = {
      at: now,
      from: 'requester',
      user,
      text,
      level: x.level,
      internal: false,
      ...(files.length ? { files } : {}),
    };
    return requesterReplied(x, rt.ctx(user), entry);
  });
  if (changed && text.trim()) {
    const says = t(rt.config.agentLocale, 'requester_says', { requester: displayName(user) });
    rt.tellThread(after, after.level, {
      text,
      locale: rt.config.agentLocale,
      blocks: [{ kind: 'text', spans: [plain(`${says} `), fromUser(text)] }],
    });
  }
  if (changed && files.length) filesToThread(rt, after, after.level, files, user);
  // The card lists the ticket's files: a new one is shown there too.
  if (replayed || before.status !== after.status || (changed && files.length))
    rt.refreshCards(after);
  return after;
}

/** What addFormText uses of the runtime, with what the helpers it calls use. */
export type AddFormTextDeps = Uses<'sendDirect'> & AddRequesterTextDeps;

/**
 * Text from a form that came too late for its own purpose (an out-of-date ticket form, a reopen once
 * reopening was over), added to an active ticket, not twice; the person is told where it went.
 */
export async function addFormText(
  rt: AddFormTextDeps,
  who: { readonly user: UserRef; readonly dm?: ConversationRef | undefined },
  ticket: Ticket,
  text: string,
  locale: Locale,
): Promise<void> {
  const after = await addRequesterText(rt, ticket, who.user, text, { once: true });
  const said = t(locale, 'added_to_ticket', {
    key: after.key,
    status: t(locale, `status_${after.status}`),
    level: after.level,
  });
  rt.sendDirect(who.dm ?? after.requesterDm, say(said, locale));
}
