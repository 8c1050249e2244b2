import type { ClosedReason } from '../core/ticket';
import type { ReadTicket } from './level-figures';
import { inPeriod } from './report-math';
import type { Report } from './report-types';

/** The audit action that closes a ticket for each reason (a timer's names its reason in detail). */
function reasonOf(action: string, detail: Readonly<Record<string, unknown>> | undefined) {
  if (action === 'confirmed') return 'confirmed';
  if (action === 'cancelled') return 'cancelled';
  if (
    action === 'auto_closed' &&
    (detail?.reason === 'auto_no_reply' || detail?.reason === 'auto_resolved')
  )
    return detail.reason;
  return undefined;
}

/**
 * Tickets closed in the period, by why: confirmed by the requester, cancelled, or closed by a timer
 * (no reply while waiting on the requester, a resolution never confirmed). Read from the audit, so
 * tickets closed before the reason was kept on the ticket count too; a reopened and closed again
 * ticket counts each close.
 */
export function closureFigures(
  read: readonly ReadTicket[],
  options: { readonly from: Date; readonly to: Date },
): NonNullable<Report['closures']> {
  const counts: Record<ClosedReason, number> = {
    confirmed: 0,
    cancelled: 0,
    auto_no_reply: 0,
    auto_resolved: 0,
  };
  for (const { ticket } of read)
    for (const entry of ticket.audit) {
      const reason = reasonOf(entry.action, entry.detail);
      if (reason && inPeriod(entry.at, options.from, options.to)) counts[reason] += 1;
    }
  return {
    confirmed: counts.confirmed,
    cancelled: counts.cancelled,
    autoNoReply: counts.auto_no_reply,
    autoResolved: counts.auto_resolved,
  };
}
