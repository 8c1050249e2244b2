import type { TeamsPingTarget } from './teams-settings';
import { t } from '../../core/i18n/translate';
import type { Locale } from '../../core/locale';
import type { Action, Block, OutboundMessage } from '../../core/messages';
import type { Level } from '../../core/ticket';
import { truncate } from '../../core/text/truncate';
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  type ActionSubmit,
  type AdaptiveCard,
  type CardAction,
  type CardActivity,
  type CardElement,
  type MentionEntity,
  type TextBlock,
} from './card-types';
import { escapeAngles, escapeUserText, mentionName, spanText, spansText } from './card-text';

/**
 * Renders the core's platform-neutral messages as Adaptive Cards 1.5: header, text and context as
 * TextBlocks, fields as a FactSet, buttons as Action.Submit carrying `{ action, payload }` (buttons
 * with a form open their inputs in a ShowCard), a ping block as @mentions of the level's people.
 */

export interface CardOptions {
  /** Who a ping block of each level @mentions (TEAMS_L{n}_PING). */
  readonly pings: Readonly<Record<Level, readonly TeamsPingTarget[]>>;
  /** Addresses the card to one person with an @mention (Teams has no ephemeral channel messages). */
  readonly addressTo?: { readonly id: string; readonly name: string };
}

/** Teams refuses messages over about 28 KB; the card is kept under this, with room for the envelope. */
export const MAX_CARD_BYTES = 26 * 1024;
/** Longest span at each try: long texts are shortened until the card fits. */
const SPAN_LIMITS = [8000, 3000, 1200, 500, 200];
const SUMMARY_LENGTH = 200;

/** The form input of `field` under button `actionId`; the inbound parser reads them back by this. */
export function inputId(actionId: string, field: string): string {
  return `${actionId}.${field}`;
}

export function renderCardActivity(message: OutboundMessage, options: CardOptions): CardActivity {
  let activity: CardActivity | undefined;
  for (const limit of SPAN_LIMITS) {
    activity = {
      type: 'message',
      summary: truncate(message.text.replace(/\s+/g, ' ').trim(), SUMMARY_LENGTH),
      attachments: [
        { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: renderCard(message, options, limit) },
      ],
    };
    if (Buffer.byteLength(JSON.stringify(activity)) <= MAX_CARD_BYTES) return activity;
  }
  return activity as CardActivity;
}

export function renderCard(
  message: OutboundMessage,
  options: CardOptions,
  spanLimit = SPAN_LIMITS[0] ?? 8000,
): AdaptiveCard {
  const body: CardElement[] = [];
  const entities: MentionEntity[] = [];
  if (options.addressTo) {
    const mention = mentionOf(options.addressTo.id, options.addressTo.name);
    entities.push(mention);
    body.push(textBlock(mention.text, { weight: 'Bolder' }));
  }
  const words = formWords(message.locale);
  for (const block of message.blocks) {
    const element = renderBlock(block, options, spanLimit, entities, words);
    if (element) body.push(element);
  }
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    msteams: { width: 'Full', ...(entities.length ? { entities } : {}) },
  };
}

/** The card's own words around form inputs, in the message's language (core messages with forms name it). */
interface FormWords {
  readonly placeholder?: string;
  readonly errorMessage?: string;
}

function formWords(locale: Locale | undefined): FormWords {
  return locale
    ? { placeholder: t(locale, 'form_choose'), errorMessage: t(locale, 'form_required') }
    : {};
}

function renderBlock(
  block: Block,
  options: CardOptions,
  limit: number,
  entities: MentionEntity[],
  words: FormWords,
): CardElement | undefined {
  switch (block.kind) {
    case 'header':
      return textBlock(escapeAngles(truncate(block.text, 300)), {
        size: 'Medium',
        weight: 'Bolder',
      });
    case 'text':
      return block.spans.length ? textBlock(spansText(block.spans, limit)) : undefined;
    case 'context':
      return block.spans.length
        ? textBlock(spansText(block.spans, limit), { size: 'Small', isSubtle: true })
        : undefined;
    case 'fields':
      return {
        type: 'FactSet',
        facts: block.fields.map((f) => ({
          title: escapeAngles(f.label),
          value: spanText(f.value, Math.min(limit, 1000)),
        })),
      };
    case 'actions':
      return block.actions.length
        ? { type: 'ActionSet', actions: block.actions.map((a) => renderAction(a, words)) }
        : undefined;
    case 'ping':
      return renderPing(options.pings[block.level], block, entities);
  }
}

function renderPing(
  targets: readonly TeamsPingTarget[],
  block: Extract<Block, { kind: 'ping' }>,
  entities: MentionEntity[],
): TextBlock {
  const mentions = targets.map((target) => mentionOf(target.id, target.name, target.kind));
  entities.push(...mentions);
  const who = mentions.length ? mentions.map((m) => m.text).join(', ') : `L${block.level}`;
  // A ping queued before pings carried words has none: the mentions alone then.
  const words: unknown = block.text;
  const said = typeof words === 'string' ? `: ${escapeUserText(words)}` : '';
  return textBlock(`📣 ${who}${said}`, { weight: 'Bolder' });
}

function mentionOf(id: string, name: string, kind: TeamsPingTarget['kind'] = 'person') {
  const shown = mentionName(name);
  return {
    type: 'mention' as const,
    text: `<at>${shown}</at>`,
    mentioned: { id, name: shown, ...(kind === 'tag' ? { type: 'tag' as const } : {}) },
  };
}

function renderAction(action: Action, words: FormWords): CardAction {
  const submit: ActionSubmit = {
    type: 'Action.Submit',
    title: action.label,
    data: { action: action.id, payload: action.payload },
    ...(action.style ? { style: action.style === 'danger' ? 'destructive' : 'positive' } : {}),
  };
  if (!action.form?.length) return submit;
  return {
    type: 'Action.ShowCard',
    title: action.label,
    card: {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        ...action.form.map((field): CardElement => {
          const common = {
            id: inputId(action.id, field.name),
            label: field.label,
            isRequired: field.required,
            ...(field.required && words.errorMessage && { errorMessage: words.errorMessage }),
          };
          return field.type === 'select'
            ? {
                type: 'Input.ChoiceSet',
                ...common,
                style: 'compact',
                ...(words.placeholder && { placeholder: words.placeholder }),
                choices: (field.options ?? []).map((o) => ({ title: o.label, value: o.value })),
                ...(field.options?.some((o) => o.value === field.initial) && {
                  value: field.initial,
                }),
              }
            : {
                type: 'Input.Text',
                ...common,
                isMultiline: field.type === 'textarea',
                maxLength: 4000,
                ...(field.initial && { value: field.initial.slice(0, 4000) }),
              };
        }),
        { type: 'ActionSet', actions: [submit] },
      ],
    },
  };
}

function textBlock(
  text: string,
  style: Pick<TextBlock, 'size' | 'weight' | 'isSubtle'> = {},
): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...style };
}
