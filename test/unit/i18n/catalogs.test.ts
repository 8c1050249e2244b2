import { CONSOLE_LABELS } from '../../../src/channels/console/console-labels';
import { REFUSAL_CODES } from '../../../src/channels/console/console-refusals';
import { SLACK_LABELS } from '../../../src/channels/slack/slack-labels';
import { TEAMS_LABELS } from '../../../src/channels/teams/teams-labels';
import { AREA_LABELS } from '../../../src/core/i18n/area-labels';
import { CATALOG } from '../../../src/core/i18n/catalog';
import { placeholdersOf, type MessageTable } from '../../../src/core/i18n/message-table';
import { LOCALES } from '../../../src/core/locale';
import {
  englishIn,
  foreignIn,
  indonesianIn,
  onlySharedWords,
  wordsOf,
} from '../../support/language-words';

/**
 * Every text Lapis shows lives in one of these tables: the core's catalog, the KB areas' names, and
 * the two channel-side tables (Slack's App Home, the console's page). Each key of each is walked in
 * both languages.
 */
const TABLES: Readonly<Record<string, MessageTable>> = {
  'core catalog (src/core/i18n/catalog.ts)': CATALOG,
  'KB area names (src/core/i18n/area-labels.ts)': AREA_LABELS,
  'Slack labels (src/channels/slack/slack-labels.ts)': SLACK_LABELS,
  'console labels (src/channels/console/console-labels.ts)': CONSOLE_LABELS,
  'Teams labels (src/channels/teams/teams-labels.ts)': TEAMS_LABELS,
};

const entries = Object.entries(TABLES).flatMap(([table, texts]) =>
  Object.entries(texts).map(([key, text]) => ({ name: `${table} ${key}`, text })),
);

describe('the language detector of these tests', () => {
  it('finds the left-overs people met in the Indonesian journey', () => {
    expect(englishIn('Buat tiket: sent')).toEqual(['sent']);
    expect(englishIn('Choose…')).toEqual(['choose']);
    expect(englishIn('open / unassigned / claimed / resolved / closed')).toHaveLength(5);
    expect(englishIn('@L2-on-call this ticket needs you')).toEqual([
      'on',
      'call',
      'this',
      'ticket',
      'needs',
      'you',
    ]);
    expect(indonesianIn('Ticket IT-1001 · selesai')).toEqual(['selesai']);
  });

  it('passes what both languages share: acronyms, ticket keys, product words, names', () => {
    expect(englishIn('Tiket IT-1001 (P3, L2): VPN dan Wi-Fi, email dan password, Budi')).toEqual(
      [],
    );
    expect(englishIn('Awali dengan // atau note: untuk catatan internal.')).toEqual([]);
    expect(englishIn('`kb drafts export` menuliskannya ke KB')).toEqual([]);
    expect(wordsOf('{agent} (IT support):')).toEqual(['support']);
  });
});

describe.each(entries)('$name', ({ text }) => {
  it('has both languages, filled in, with the same placeholders', () => {
    for (const locale of LOCALES) {
      expect(typeof text[locale]).toBe('string');
      expect(text[locale].trim()).not.toBe('');
    }
    expect(placeholdersOf(text.id)).toEqual(placeholdersOf(text.en));
  });

  it('says each in its own language', () => {
    expect(foreignIn('id', text.id)).toEqual([]);
    expect(foreignIn('en', text.en)).toEqual([]);
  });

  it('differs between the languages, unless only words both share', () => {
    if (text.id === text.en) expect(onlySharedWords(text.id)).toBe(true);
  });
});

describe('the console page', () => {
  it("has words, not the server's English, for every code a post is refused with", () => {
    const labels: Readonly<Record<string, unknown>> = CONSOLE_LABELS;
    const missing = REFUSAL_CODES.filter((code) => !labels[`refusal_${code}`]);
    expect(missing).toEqual([]);
    expect(Object.keys(labels).filter((key) => key.startsWith('refusal_'))).toHaveLength(
      REFUSAL_CODES.length,
    );
  });
});
