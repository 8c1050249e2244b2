import type { types as slack } from '@slack/bolt';
import { LIMITS, renderMessage } from '../../../../src/channels/slack/slack-blocks';
import { decodeButtonValue } from '../../../../src/channels/slack/slack-button-value';
import type { LevelPings } from '../../../../src/channels/slack/slack-pings';
import { levelPings } from '../../../../src/channels/slack/slack-pings';
import { loadConfig } from '../../../../src/config/config';
import type { Block, OutboundMessage } from '../../../../src/core/messages';
import type { Ticket } from '../../../../src/core/ticket';
import { ticketFormMessage } from '../../../../src/core/workflow/render';
import { resolvedMessage } from '../../../../src/core/workflow/resolved-message';
import { ticketCard } from '../../../../src/core/workflow/ticket-card';
import { slackBlockProblems } from '../../../support/slack-block-rules';
import { buildFullNewTicket } from '../../../support/ticket-factory';

const NO_PINGS: LevelPings = { 1: [], 2: [], 3: [] };
const render = (blocks: Block[], text = 'fallback', pings = NO_PINGS) =>
  renderMessage({ text, blocks }, pings);
const sectionText = (b: slack.KnownBlock | undefined) =>
  b?.type === 'section' ? (b.text?.text ?? '') : '';

describe('renderMessage', () => {
  it('renders every block kind of the core as Block Kit', () => {
    const { blocks } = render([
      { kind: 'header', text: 'IT-1001 · P3 · L1' },
      {
        kind: 'text',
        spans: [{ text: 'Question: ' }, { text: 'vpn <down>', user: true, bold: true }],
      },
      { kind: 'fields', fields: [{ label: 'Owner', value: { text: 'Ayu & co', user: true } }] },
      {
        kind: 'actions',
        actions: [
          { id: 'claim', label: 'Claim', style: 'primary', payload: '{"ticket":"t1","level":1}' },
          {
            id: 'resolve',
            label: 'Resolve',
            payload: '{"ticket":"t1","level":1}',
            form: [{ name: 'summary', label: 'Summary', type: 'textarea', required: true }],
          },
        ],
      },
      { kind: 'context', spans: [{ text: 'Reply in this thread' }] },
    ]);
    expect(blocks.map((b) => b.type)).toEqual([
      'header',
      'section',
      'section',
      'actions',
      'context',
    ]);
    expect(sectionText(blocks[1])).toBe('Question: *vpn &lt;down&gt;*');
    expect(blocks[2]).toMatchObject({
      fields: [{ type: 'mrkdwn', text: '*Owner*\nAyu &amp; co' }],
    });
    const actions = blocks[3] as slack.ActionsBlock;
    const [claim, resolve] = actions.elements as slack.Button[];
    expect(claim).toMatchObject({
      action_id: 'lapis:claim:3:0',
      style: 'primary',
      text: { text: 'Claim' },
    });
    expect(decodeButtonValue(claim!.value!)).toEqual({
      payload: '{"ticket":"t1","level":1}',
      form: undefined,
    });
    expect(decodeButtonValue(resolve!.value!)?.form).toEqual([
      { name: 'summary', label: 'Summary', type: 'textarea', required: true },
    ]);
  });

  it('escapes bot text too, and links only web addresses in it', () => {
    const { blocks, text } = render(
      [{ kind: 'text', spans: [{ text: 'Escalated: <!here> see https://kb.example/a?b=1&c=2.' }] }],
      'IT-1: <!channel> @everyone',
    );
    expect(sectionText(blocks[0])).toBe(
      'Escalated: &lt;!here&gt; see <https://kb.example/a?b=1&amp;c=2>.',
    );
    expect(text).toBe('IT-1: &lt;!channel&gt; @\u2060everyone');
    const user = render([
      { kind: 'text', spans: [{ text: 'https://evil.example/x', user: true }] },
    ]);
    expect(sectionText(user.blocks[0])).toBe('https://evil.example/x');
  });

  it('pings the configured group or people of the level, in the blocks and the notification text', () => {
    const pings = levelPings(
      loadConfig({ SLACK_L2_PING: 'S0L2GROUP1', SLACK_L3_PING: 'U0HENDRA1,W0VENDOR1' }),
    );
    const needsYou = 'this ticket needs you <!here>';
    expect(render([{ kind: 'ping', level: 2, text: needsYou }], 'IT-1', pings)).toEqual({
      text: 'IT-1 <!subteam^S0L2GROUP1>',
      blocks: [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: '<!subteam^S0L2GROUP1> this ticket needs you &lt;!here&gt;',
          },
        },
      ],
    });
    expect(sectionText(render([{ kind: 'ping', level: 3, text: 'x' }], 'x', pings).blocks[0])).toBe(
      '<@U0HENDRA1> <@W0VENDOR1> x',
    );
    expect(render([{ kind: 'ping', level: 1, text: 'x' }], 'x', pings).blocks).toEqual([]);
  });

  it('pings with the mentions alone when a ping was queued before pings carried words', () => {
    const pings = levelPings(loadConfig({ SLACK_L2_PING: 'S0L2GROUP1' }));
    // As read back from the database: a ping block of an earlier release, without `text`.
    const stored = JSON.parse('{ "kind": "ping", "level": 2 }') as Block;
    const message = render([stored], 'IT-1', pings);
    expect(sectionText(message.blocks[0])).toBe('<!subteam^S0L2GROUP1>');
    expect(message.text).toBe('IT-1 <!subteam^S0L2GROUP1>');
    expect(JSON.stringify(message)).not.toMatch(/undefined/);
  });

  it('splits long text over sections and keeps within every limit', () => {
    const long = 'word '.repeat(2500);
    const { blocks } = render([
      { kind: 'header', text: 'H'.repeat(400) },
      { kind: 'text', spans: [{ text: long, user: true }] },
      {
        kind: 'fields',
        fields: Array.from({ length: 12 }, (_, i) => ({
          label: `L${i}`,
          value: { text: 'v'.repeat(3000) },
        })),
      },
      {
        kind: 'actions',
        actions: [
          {
            id: 'claim',
            label: 'A very long button label that goes on and on well past the limit of Slack',
            payload: '{}',
          },
        ],
      },
    ]);
    expect(slackBlockProblems({ text: 'x', blocks })).toEqual([]);
    const sections = blocks.filter((b) => b.type === 'section' && b.text);
    expect(sections.length).toBe(5);
    expect(sections.map(sectionText).join(' ').split(/\s+/).filter(Boolean)).toHaveLength(2500);
    expect(blocks.filter((b) => b.type === 'section' && b.fields)).toHaveLength(2);
    expect((blocks[0] as slack.HeaderBlock).text.text).toMatch(/…$/);
  });

  it('keeps buttons when a message would exceed 50 blocks, marking the cut', () => {
    const many: Block[] = Array.from({ length: 80 }, (_, i) => ({
      kind: 'text',
      spans: [{ text: `line ${i}` }],
    }));
    many.push({ kind: 'actions', actions: [{ id: 'csat', label: '5', payload: '{"score":5}' }] });
    const { blocks, text } = render(many, 'x'.repeat(50000));
    expect(blocks).toHaveLength(LIMITS.blocks);
    expect(blocks.at(-1)?.type).toBe('actions');
    expect(blocks.at(-2)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '…', verbatim: true }],
    });
    expect(text.length).toBeLessThanOrEqual(LIMITS.messageText);
    expect(text.endsWith('…')).toBe(true);
  });

  it('renders the core’s real cards and forms within Slack’s limits', () => {
    const base = { ...buildFullNewTicket(), id: 't1', key: 'IT-1001', version: 3 } as Ticket;
    const ticket: Ticket = {
      ...base,
      question: `${'<!channel> '.repeat(400)}help`,
      details: 'd'.repeat(5000),
      status: 'claimed',
      level: 2,
      escalations: [
        {
          at: new Date(),
          by: undefined,
          from: 1,
          to: 2,
          reason: 'r'.repeat(4000),
          tried: 't'.repeat(4000),
          automatic: false,
        },
      ],
      resolution: { summary: 'done', at: new Date(), by: undefined },
    };
    const messages: OutboundMessage[] = [
      ticketCard(ticket, 1, 'id', 'Asia/Jakarta'),
      ticketCard(ticket, 2, 'en', 'Asia/Jakarta'),
      resolvedMessage(ticket, 'id'),
      ticketFormMessage('id', 'Mohon isi', 3),
    ];
    for (const message of messages) {
      const rendered = renderMessage(message, { 1: [], 2: ['<!subteam^S1>'], 3: [] });
      expect(slackBlockProblems({ ...rendered })).toEqual([]);
      expect(JSON.stringify(rendered)).not.toContain('<!channel>');
    }
  });
});
