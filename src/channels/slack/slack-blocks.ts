import type { types as slack } from '@slack/bolt';
import type { Action, Block, OutboundMessage, Span } from '../../core/messages';
import { ELLIPSIS, truncate } from '../../core/text/truncate';
import { buttonActionId, encodeButtonValue } from './slack-button-value';
import type { LevelPings } from './slack-pings';
import { defusePlainText, escapeMrkdwn, splitText, truncateMrkdwn } from './slack-text';

/**
 * The core's platform-neutral messages as Block Kit. Every span is escaped (user text and bot text
 * that embeds it alike), so the only live mentions Lapis ever sends are the configured pings.
 * Slack's limits are respected: long text is split over several sections, over-long labels end
 * with an ellipsis, and a message never exceeds 50 blocks or 40,000 characters of fallback text.
 */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  header: 150,
  buttonText: 75,
  buttonsPerBlock: 25,
  contextElements: 10,
  messageText: 40000,
} as const;

export interface SlackMessage {
  readonly text: string;
  readonly blocks: slack.KnownBlock[];
}

const URL_IN_TEXT = /https?:\/\/[^\s<>|]*[^\s<>|.,;:!?)\]'"]/g;

/**
 * Escapes bot text and makes its web addresses (the KB article link) explicit links, since mrkdwn is
 * sent `verbatim` so nothing else in it is ever turned into a mention or a link by Slack.
 */
function escapeWithLinks(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    out += escapeMrkdwn(text.slice(last, match.index));
    out += `<${match[0].replace(/&/g, '&amp;')}>`;
    last = match.index + match[0].length;
  }
  return out + escapeMrkdwn(text.slice(last));
}

/** Spans as one mrkdwn string: escaped, bold spans in `*…*`; links only in the bot's own spans. */
export function spansToMrkdwn(spans: readonly Span[]): string {
  return spans
    .map((span) => {
      const text = span.user ? escapeMrkdwn(span.text) : escapeWithLinks(span.text);
      if (!span.bold) return text;
      const match = /^(\s*)(.*?)(\s*)$/s.exec(text);
      const [, lead = '', core = '', trail = ''] = match ?? [];
      return core ? `${lead}*${core}*${trail}` : text;
    })
    .join('');
}

const mrkdwn = (text: string): slack.MrkdwnElement => ({ type: 'mrkdwn', text, verbatim: true });

function sections(text: string): slack.KnownBlock[] {
  return splitText(text, LIMITS.sectionText).map((chunk) => ({
    type: 'section',
    text: mrkdwn(chunk || ' '),
  }));
}

function fieldSections(fields: Extract<Block, { kind: 'fields' }>['fields']): slack.KnownBlock[] {
  const rendered = fields.map((f) =>
    mrkdwn(
      truncateMrkdwn(`*${escapeMrkdwn(f.label)}*\n${spansToMrkdwn([f.value])}`, LIMITS.fieldText),
    ),
  );
  const blocks: slack.KnownBlock[] = [];
  for (let i = 0; i < rendered.length; i += LIMITS.fieldsPerSection)
    blocks.push({ type: 'section', fields: rendered.slice(i, i + LIMITS.fieldsPerSection) });
  return blocks;
}

function button(action: Action, block: number, index: number): slack.Button {
  return {
    type: 'button',
    text: {
      type: 'plain_text',
      text: truncate(defusePlainText(action.label), LIMITS.buttonText),
      emoji: true,
    },
    action_id: buttonActionId(action.id, block, index),
    value: encodeButtonValue(action),
    ...(action.style && { style: action.style }),
  };
}

function actionBlocks(actions: readonly Action[], block: number): slack.KnownBlock[] {
  const blocks: slack.KnownBlock[] = [];
  for (let i = 0; i < actions.length; i += LIMITS.buttonsPerBlock) {
    blocks.push({
      type: 'actions',
      block_id: `lapis_actions_${block}_${i}`,
      elements: actions.slice(i, i + LIMITS.buttonsPerBlock).map((a, j) => button(a, block, i + j)),
    });
  }
  return blocks;
}

function contextBlock(spans: readonly Span[]): slack.KnownBlock {
  const chunks = splitText(spansToMrkdwn(spans), LIMITS.sectionText);
  const elements = chunks.slice(0, LIMITS.contextElements).map((c) => mrkdwn(c || ' '));
  return { type: 'context', elements };
}

function renderBlock(block: Block, index: number, pings: LevelPings): slack.KnownBlock[] {
  switch (block.kind) {
    case 'header':
      return [
        {
          type: 'header',
          text: {
            type: 'plain_text',
            text: truncate(defusePlainText(block.text), LIMITS.header),
            emoji: true,
          },
        },
      ];
    case 'text':
      return sections(spansToMrkdwn(block.spans));
    case 'fields':
      return fieldSections(block.fields);
    case 'actions':
      return actionBlocks(block.actions, index);
    case 'context':
      return [contextBlock(block.spans)];
    case 'ping': {
      // Nobody configured for the level: no one to call, so no line either.
      const mentions = pings[block.level];
      // A ping queued before pings carried words has none: the mentions alone then.
      const words: unknown = block.text;
      const said = typeof words === 'string' ? escapeMrkdwn(words) : '';
      const text = `${mentions.join(' ')} ${said}`.trim();
      return mentions.length ? [{ type: 'section', text: { type: 'mrkdwn', text } }] : [];
    }
  }
}

/** Keeps a message within 50 blocks: buttons and pings always stay, text beyond the budget goes. */
export function fitBlocks(blocks: readonly slack.KnownBlock[]): slack.KnownBlock[] {
  if (blocks.length <= LIMITS.blocks) return [...blocks];
  const essential = (b: slack.KnownBlock) => b.type === 'actions' || b.type === 'header';
  const mustKeep = blocks.filter(essential).length;
  let budget = LIMITS.blocks - mustKeep - 1; // one for the "cut" marker
  const kept: slack.KnownBlock[] = [];
  let cut = false;
  for (const b of blocks) {
    if (essential(b)) kept.push(b);
    else if (budget > 0) {
      kept.push(b);
      budget--;
    } else if (!cut) {
      cut = true;
      kept.push({ type: 'context', elements: [mrkdwn(ELLIPSIS)] });
    }
  }
  return kept.slice(0, LIMITS.blocks);
}

/** The core's message as chat.postMessage / chat.update arguments. */
export function renderMessage(message: OutboundMessage, pings: LevelPings): SlackMessage {
  const blocks = fitBlocks(message.blocks.flatMap((b, i) => renderBlock(b, i, pings)));
  const pinged = message.blocks.flatMap((b) => (b.kind === 'ping' ? pings[b.level] : []));
  const fallback = truncateMrkdwn(escapeMrkdwn(message.text), LIMITS.messageText - 200);
  return { text: [fallback, ...pinged].join(' ').trim() || ' ', blocks };
}
