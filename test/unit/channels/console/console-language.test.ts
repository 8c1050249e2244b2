import {
  consoleWords,
  conversationLocale,
} from '../../../../src/channels/console/console-language';
import { CATALOG } from '../../../../src/core/i18n/catalog';
import type { OutboundMessage } from '../../../../src/core/messages';
import { encodePayload } from '../../../../src/core/workflow/payload';

const locales = { agent: 'id', default: 'en' } as const;

const text = (words: string) => ({
  message: { text: words, blocks: [{ kind: 'text', spans: [{ text: words }] }] } as OutboundMessage,
});
const withButton = (payload: string) => ({
  message: {
    text: 'buttons',
    blocks: [{ kind: 'actions', actions: [{ id: 'ticket_form', label: 'Open', payload }] }],
  } as OutboundMessage,
});

describe('the console page language', () => {
  it('speaks the agents’ language in a level channel, whatever its messages carry', () => {
    const english = withButton(encodePayload({ session: 1, lang: 'en' }));
    expect(conversationLocale('level:2', [english], locales)).toBe('id');
  });

  it('speaks in a DM the language the bot last answered in, else the desk’s default', () => {
    const id = withButton(encodePayload({ session: 1, lang: 'id' }));
    const en = withButton(encodePayload({ session: 2, lang: 'en' }));
    const ticketButton = withButton(encodePayload({ ticket: 't-1' }));
    expect(conversationLocale('dm:budi', [en, text('hi'), id, ticketButton], locales)).toBe('id');
    expect(conversationLocale('dm:budi', [id, en], locales)).toBe('en');
    expect(conversationLocale('dm:budi', [text('hi'), ticketButton], locales)).toBe('en');
    expect(
      conversationLocale('dm:budi', [withButton('{"lang":"fr"}'), withButton('x')], locales),
    ).toBe('en');
  });

  it('hands the page the console_* words of the catalog, in both languages, and no others', () => {
    const words = consoleWords();
    expect(words.id.console_acting_as).toBe(CATALOG.console_acting_as.id);
    expect(words.en.console_acting_as).toBe(CATALOG.console_acting_as.en);
    const keys = Object.keys(CATALOG).filter((k) => k.startsWith('console_'));
    expect(Object.keys(words.en).sort()).toEqual(keys.sort());
    expect(Object.keys(words.id).sort()).toEqual(keys.sort());
  });
});
