import { CATALOG } from '../../core/i18n/catalog';
import { LOCALES, type Locale } from '../../core/locale';
import type { OutboundMessage } from '../../core/messages';
import { decodePayload } from '../../core/workflow/payload';
import type { ConversationName } from './console-conversations';

/** The desk's two languages: the agents' channels (AGENT_LOCALE) and anyone not yet answered (DEFAULT_LOCALE). */
export interface ConsoleLocales {
  readonly agent: Locale;
  readonly default: Locale;
}

export type ConsoleWords = Record<Locale, Record<string, string>>;

const PAGE_KEY = /^console_/;

/** The words the page itself shows (the catalog's console_* entries), in both languages. */
export function consoleWords(): ConsoleWords {
  const words: ConsoleWords = { en: {}, id: {} };
  for (const [key, text] of Object.entries(CATALOG)) {
    if (!PAGE_KEY.test(key)) continue;
    for (const locale of LOCALES) words[locale][key] = text[locale];
  }
  return words;
}

/**
 * The language a conversation's reader is spoken to in: a level channel speaks the agents'; a DM
 * the employee's, which is the language the bot last answered in (its buttons carry it), else the
 * desk's default.
 */
export function conversationLocale(
  conversation: ConversationName,
  messages: readonly { readonly message: OutboundMessage }[],
  locales: ConsoleLocales,
): Locale {
  if (conversation.startsWith('level:')) return locales.agent;
  for (let i = messages.length - 1; i >= 0; i--) {
    const lang = languageOf(messages[i]!.message);
    if (lang) return lang;
  }
  return locales.default;
}

function languageOf(message: OutboundMessage): Locale | undefined {
  for (const block of message.blocks) {
    if (block.kind !== 'actions') continue;
    for (const action of block.actions) {
      try {
        const { lang } = decodePayload(action.payload);
        if (lang) return lang;
      } catch {
        // a payload without a language (a ticket's buttons): look further back
      }
    }
  }
  return undefined;
}
