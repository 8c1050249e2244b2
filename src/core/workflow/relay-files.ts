import type { FileMention } from '../files';
import { displayName, type UserRef } from '../people';
import type { Level, Ticket } from '../ticket';
import { formatSize, sayWith } from './file-messages';
import type { Uses } from './runtime';
import { emit } from './work-scope';

/** What the file relays use of the runtime. */
export type RelayFilesDeps = Uses<never, 'agentLocale'>;

/**
 * The requester's kept files into the ticket's thread at `level`, each under "Budi (requester) sent
 * error.png (12 KB)" in the agents' language; like a thread reply, it waits for the card being posted.
 */
export function filesToThread(
  rt: RelayFilesDeps,
  ticket: Ticket,
  level: Level,
  files: readonly FileMention[],
  from: UserRef,
): void {
  if (!ticket.threads[`L${level}`] && ticket.level !== level) return;
  const locale = rt.config.agentLocale;
  for (const file of files) {
    const params = {
      requester: displayName(from),
      name: file.name,
      size: formatSize(file.size, locale),
    };
    emit({
      kind: 'file',
      fileId: file.id,
      to: { ticketId: ticket.id, level },
      caption: sayWith(locale, 'file_from_requester', params, ['requester', 'name']),
      ticketId: ticket.id,
    });
  }
}

/** An agent's kept files into the requester's DM, each under "Ayu (IT support) sent log.txt (3 KB)". */
export function filesToRequester(ticket: Ticket, files: readonly FileMention[], agent: UserRef) {
  const locale = ticket.locale;
  for (const file of files) {
    const params = {
      agent: displayName(agent),
      name: file.name,
      size: formatSize(file.size, locale),
    };
    emit({
      kind: 'file',
      fileId: file.id,
      to: { dm: ticket.requesterDm },
      caption: sayWith(locale, 'file_from_agent', params, ['agent', 'name']),
      ticketId: ticket.id,
    });
  }
}

/** The files a ticket was opened with (sent before it existed): listed in its first entry. */
export function openingFiles(ticket: Ticket): readonly FileMention[] {
  return ticket.transcript[0]?.files ?? [];
}
