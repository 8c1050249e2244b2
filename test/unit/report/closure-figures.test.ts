import { ALWAYS_OPEN } from '../../../src/core/sla/business-calendar';
import type { AuditEntry } from '../../../src/core/ticket';
import { buildReport } from '../../../src/report/build-report';
import { formatMarkdown } from '../../../src/report/format-markdown';
import type { ReportTicket } from '../../../src/report/report-input';
import { at, DAY, ticket } from './report-builders';

const options = {
  from: at(0),
  to: at(7 * DAY),
  calendar: () => ALWAYS_OPEN,
  generatedAt: at(7 * DAY),
  timeZone: 'UTC',
};

/** A ticket a timer closed at `minutes`, for `reason`. */
const autoClosed = (id: string, minutes: number, reason: string): ReportTicket => {
  const base = ticket(id, 0, [[10, 'claimed', 'ayu']]);
  const entry: AuditEntry = {
    at: at(minutes),
    actor: 'system',
    action: 'auto_closed',
    detail: { reason },
  };
  return { ...base, status: 'closed', audit: [...base.audit, entry] };
};

describe('closures by reason in the report', () => {
  it('counts the closes of the period by why: confirmed, cancelled, no reply, resolution unconfirmed', () => {
    const report = buildReport(
      {
        tickets: [
          ticket('1', 0, [
            [10, 'claimed', 'ayu'],
            [60, 'resolved', 'ayu'],
            [70, 'confirmed'],
          ]),
          ticket('2', 0, [[5, 'cancelled']]),
          autoClosed('3', DAY, 'auto_no_reply'),
          autoClosed('4', 2 * DAY, 'auto_resolved'),
          autoClosed('5', 3 * DAY, 'auto_resolved'),
          autoClosed('6', 8 * DAY, 'auto_no_reply'), // after the period
        ],
        outcomes: [],
        drafts: [],
      },
      options,
    );
    expect(report.closures).toEqual({
      confirmed: 1,
      cancelled: 1,
      autoNoReply: 1,
      autoResolved: 2,
    });
    const markdown = formatMarkdown(report);
    expect(markdown).toContain('Closed tickets, by why');
    expect(markdown).toMatch(/closed automatically: resolution not confirmed \| 2/);
  });
});
