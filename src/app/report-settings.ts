import type { Config } from '../config/config';
import { ALWAYS_OPEN, createBusinessCalendar } from '../core/sla/business-calendar';
import { createAnalyzer } from '../kb/text/analyzer';
import { compileLexicon } from '../kb/text/lexicon';
import type { ReportSettings } from '../report/report-input';

type CalendarConfig = Pick<
  Config,
  'TIME_ZONE' | 'BUSINESS_HOURS' | 'HOLIDAYS' | 'SLA_AROUND_THE_CLOCK' | 'REPORT_L1_TARGET'
>;

/**
 * The report's settings from the configuration: the SLA clocks (business hours, holidays, the
 * around-the-clock priorities) the bot runs, the desk's time zone, L1's band, and the KB analyzer's
 * terms for grouping questions (concepts shared by both languages: "lupa password" ~ "forgot password").
 */
export function reportSettingsFromConfig(config: CalendarConfig): ReportSettings {
  const businessHours = createBusinessCalendar({
    timeZone: config.TIME_ZONE,
    holidays: config.HOLIDAYS,
    ...config.BUSINESS_HOURS,
  });
  const aroundTheClock = new Set(config.SLA_AROUND_THE_CLOCK);
  return {
    calendar: (priority) => (aroundTheClock.has(priority) ? ALWAYS_OPEN : businessHours),
    timeZone: config.TIME_ZONE,
    l1Target: config.REPORT_L1_TARGET,
    questionTerms: kbQuestionTerms(),
  };
}

/** The terms the KB search sees in a question (concepts and stemmed words), small talk left out. */
export function kbQuestionTerms(): (text: string) => readonly string[] {
  const analyze = createAnalyzer({ lexicon: compileLexicon() });
  return (text) => analyze(text).terms.map((t) => t.term);
}
