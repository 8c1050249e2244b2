import { t } from '../i18n/translate';
import type { Locale } from '../locale';
import type { Block, FormField, OutboundMessage } from '../messages';
import { plain } from '../messages';
import type { KbArticleView, KbMatch, OffTopicArea } from '../ports/knowledge-base';
import { CATEGORIES, type Level } from '../ticket';
import { IMPACTS, URGENCIES } from './new-ticket';
import { encodePayload } from './payload';

/** A message of plain bot text, in `locale` when the caller knows it. */
export function say(text: string, locale?: Locale): OutboundMessage {
  return { text, blocks: [{ kind: 'text', spans: [plain(text)] }], ...(locale && { locale }) };
}

/** The call of a level's group ("@L2 group: this ticket needs you"), in the agents' language. */
export function pingBlock(level: Level, locale: Locale): Block {
  return { kind: 'ping', level, text: t(locale, 'ping_needs_you') };
}

export function formatTime(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/**
 * Article steps as chat text: headings become plain lines and emphasis markers go, so every channel
 * shows them cleanly whatever Markdown dialect it speaks (Slack's is not CommonMark).
 */
export function chatText(markdown: string): string {
  return markdown
    .replace(/^#{1,6}\s+(.*)$/gm, '$1')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function answerMessage(
  article: KbArticleView,
  locale: Locale,
  sessionVersion: number,
  articleUrl?: (id: string, lang: Locale) => string,
): OutboundMessage {
  const payload = encodePayload({ session: sessionVersion, lang: locale });
  return {
    text: `${article.title}: ${article.summary}`,
    locale,
    blocks: [
      { kind: 'context', spans: [plain(t(locale, 'answer_intro'))] },
      { kind: 'header', text: article.title },
      { kind: 'text', spans: [plain(article.summary)] },
      ...(article.details
        ? [{ kind: 'text' as const, spans: [plain(chatText(article.details))] }]
        : []),
      {
        kind: 'context',
        spans: [
          plain(
            t(locale, 'answer_more', {
              title: articleUrl
                ? articleUrl(article.id, article.lang)
                : `${article.title} (${article.id})`,
            }),
          ),
        ],
      },
      { kind: 'text', spans: [plain(t(locale, 'answer_question'))] },
      {
        kind: 'actions',
        actions: [
          { id: 'l0_solved', label: t(locale, 'btn_solved'), style: 'primary', payload },
          { id: 'l0_need_help', label: t(locale, 'btn_need_help'), payload },
        ],
      },
    ],
  };
}

/**
 * "Is it one of these?": a button per likely article, and the ticket one click away. `intro`
 * replaces the usual question and `hint` adds a line under the buttons (after an area was picked).
 */
export function suggestionsMessage(
  suggestions: readonly KbMatch[],
  locale: Locale,
  sessionVersion: number,
  wording: { readonly intro?: string; readonly hint?: string } = {},
): OutboundMessage {
  const intro = wording.intro ?? t(locale, 'suggest_intro');
  return {
    text: `${intro} ${suggestions.map((s) => s.title).join(' / ')}`,
    locale,
    blocks: [
      { kind: 'text', spans: [plain(intro)] },
      {
        kind: 'actions',
        actions: suggestions.map((s) => ({
          id: 'l0_pick' as const,
          label: s.title,
          payload: encodePayload({ session: sessionVersion, lang: locale, article: s.id }),
        })),
      },
      ...(wording.hint ? [{ kind: 'text' as const, spans: [plain(wording.hint)] }] : []),
      ...ticketFormMessage(locale, t(locale, 'suggest_none'), sessionVersion, 'btn_none_of_these')
        .blocks,
    ],
  };
}

/** Not an IT question: say so politely, and point to whoever handles it when configured. */
export function offTopicMessage(
  area: OffTopicArea,
  locale: Locale,
  contacts: Readonly<Partial<Record<OffTopicArea, string>>> = {},
): OutboundMessage {
  const contact = contacts[area];
  const lines = [
    t(locale, 'off_topic'),
    ...(contact ? [t(locale, `off_topic_${area}`, { contact })] : []),
    t(locale, 'off_topic_it_after_all'),
  ];
  return say(lines.join('\n'), locale);
}

export function ticketFormFields(locale: Locale): FormField[] {
  return [
    {
      name: 'category',
      label: t(locale, 'form_category'),
      type: 'select',
      required: true,
      options: CATEGORIES.map((c) => ({ value: c, label: t(locale, `category_${c}`) })),
    },
    {
      name: 'impact',
      label: t(locale, 'form_impact'),
      type: 'select',
      required: true,
      options: IMPACTS.map((v) => ({
        value: v,
        label: t(locale, `impact_${v}`),
      })),
    },
    {
      name: 'urgency',
      label: t(locale, 'form_urgency'),
      type: 'select',
      required: true,
      options: URGENCIES.map((v) => ({
        value: v,
        label: t(locale, `urgency_${v}`),
      })),
    },
    { name: 'details', label: t(locale, 'form_details'), type: 'textarea', required: false },
  ];
}

export function ticketFormMessage(
  locale: Locale,
  intro: string,
  sessionVersion: number,
  button: 'btn_open_ticket' | 'btn_none_of_these' = 'btn_open_ticket',
): OutboundMessage {
  return {
    text: intro,
    locale,
    blocks: [
      { kind: 'text', spans: [plain(intro)] },
      {
        kind: 'actions',
        actions: [
          {
            id: 'ticket_form',
            label: t(locale, button),
            style: 'primary',
            payload: encodePayload({ session: sessionVersion, lang: locale }),
            form: ticketFormFields(locale),
          },
        ],
      },
    ],
  };
}
