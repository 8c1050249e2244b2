import { t } from '../core/i18n/translate';
import type { Locale } from '../core/locale';
import { fromUser, plain, type Block, type OutboundMessage } from '../core/messages';
import type { Report } from './report-types';

/** Knowledge gaps the digest names: the biggest few; the dashboard lists the rest. */
export const DIGEST_GAPS = 3;

export interface DigestOptions {
  readonly locale: Locale;
  /** The desk's TIME_ZONE: the period's dates are its days. */
  readonly timeZone: string;
  /** The dashboard's address, when known: linked, showing the same period. */
  readonly dashboardUrl?: string;
}

/**
 * The weekly digest: a short summary of a report, as a platform-neutral message for the lead's
 * channel. Every figure is the report's own (buildReport); only totals over its rows are added up.
 * The gaps' example questions are people's words, so they are marked as such (never a ping).
 */
export function digestMessage(report: Report, options: DigestOptions): OutboundMessage {
  const { locale } = options;
  const title = t(locale, 'digest_title', { period: periodText(report, options) });
  const blocks: Block[] = [
    { kind: 'header', text: title },
    { kind: 'text', spans: [plain(l0Line(report, locale))] },
    { kind: 'text', spans: [{ text: t(locale, 'digest_tickets'), bold: true }] },
    {
      kind: 'fields',
      fields: report.levels.map((level) => ({
        label: `L${level.level}`,
        value: plain(
          t(locale, 'digest_level', {
            received: level.received,
            resolved: level.resolved,
            escalated: level.escalated,
          }),
        ),
      })),
    },
    { kind: 'text', spans: [plain(l1Line(report, locale))] },
    { kind: 'text', spans: [plain(slaLine(report, locale))] },
    { kind: 'text', spans: [plain(csatLine(report, locale))] },
    ...gapBlocks(report, locale),
  ];
  if (options.dashboardUrl)
    blocks.push({
      kind: 'context',
      spans: [plain(t(locale, 'digest_dashboard', { url: dashboardLink(report, options) }))],
    });
  return { text: title, locale, blocks };
}

function percent(rate: number, locale: Locale): string {
  return new Intl.NumberFormat(tag(locale), { style: 'percent', maximumFractionDigits: 0 }).format(
    rate,
  );
}

const tag = (locale: Locale) => (locale === 'id' ? 'id-ID' : 'en-GB');

/** The days of [from, to) in the desk's time zone, e.g. "1–7 Dec 2026". */
function periodText(report: Report, options: DigestOptions): string {
  const format = new Intl.DateTimeFormat(tag(options.locale), {
    timeZone: options.timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const from = new Date(report.period.from);
  const last = new Date(new Date(report.period.to).getTime() - 1);
  // ICU puts thin spaces around the dash in some languages: plain ones read the same everywhere.
  return format.formatRange(from, last).replace(/[\u2009\u202f]/g, ' ');
}

function l0Line(report: Report, locale: Locale): string {
  const { l0 } = report;
  return t(locale, 'digest_l0', {
    questions: l0.questions,
    answered: l0.answered,
    solved: l0.confirmedSolved,
    rate: percent(l0.deflectionRate ?? 0, locale),
  });
}

function l1Line(report: Report, locale: Locale): string {
  const target = report.l1Target;
  const band = {
    low: percent(target.low, locale),
    high: percent(target.high, locale),
  };
  if (target.status === 'no_data' || target.rate === null)
    return t(locale, 'digest_l1_no_data', band);
  return t(locale, `digest_l1_${target.status}`, { ...band, rate: percent(target.rate, locale) });
}

function slaLine(report: Report, locale: Locale): string {
  const sum = (rows: Report['sla']['breaches'], kind?: string) =>
    rows.filter((row) => !kind || row.kind === kind).reduce((n, row) => n + row.count, 0);
  const warnings = sum(report.sla.warnings);
  const breaches = sum(report.sla.breaches);
  if (breaches === 0) return t(locale, 'digest_sla_met', { warnings });
  return t(locale, 'digest_sla_breached', {
    breaches,
    firstResponse: sum(report.sla.breaches, 'first_response'),
    resolution: sum(report.sla.breaches, 'resolution'),
    warnings,
  });
}

/** All ratings of the period: each counts once, at the level that resolved its ticket. */
function csatLine(report: Report, locale: Locale): string {
  const rated = report.levels.filter((level) => level.csat.count > 0);
  const count = rated.reduce((n, level) => n + level.csat.count, 0);
  if (count === 0) return t(locale, 'digest_csat_none');
  const total = rated.reduce((n, level) => n + level.csat.count * (level.csat.average ?? 0), 0);
  const average = new Intl.NumberFormat(tag(locale), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(total / count);
  return t(locale, 'digest_csat', { average, count });
}

function gapBlocks(report: Report, locale: Locale): Block[] {
  const groups = report.gaps.groups.slice(0, DIGEST_GAPS);
  if (groups.length === 0) return [{ kind: 'text', spans: [plain(t(locale, 'digest_gaps_none'))] }];
  return [
    { kind: 'text', spans: [{ text: t(locale, 'digest_gaps'), bold: true }] },
    ...groups.map((group): Block => ({
      kind: 'text',
      spans: [plain(`• ${group.count}× `), fromUser(group.examples[0] ?? '')],
    })),
  ];
}

/** The dashboard showing the digest's days ([from, to) as the page's dates in the desk's zone). */
function dashboardLink(report: Report, options: DigestOptions): string {
  const day = (iso: string) =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: options.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date(iso));
  const url = new URL(options.dashboardUrl ?? '');
  url.searchParams.set('from', day(report.period.from));
  url.searchParams.set('to', day(report.period.to));
  return url.toString();
}
