import { CONSOLE_LABELS } from '../../src/channels/console/console-labels';
import { translate, type Params } from '../../src/core/i18n/translate';
import type { Locale } from '../../src/core/locale';

/** A word of the console's page (console-labels.ts) in `locale`, as the page shows it. */
export function consoleWord(
  locale: Locale,
  key: keyof typeof CONSOLE_LABELS,
  params: Params = {},
): string {
  return translate(CONSOLE_LABELS, locale, key, params);
}
