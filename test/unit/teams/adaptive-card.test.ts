import {
  inputId,
  MAX_CARD_BYTES,
  renderCard,
  renderCardActivity,
} from '../../../src/channels/teams/adaptive-card';
import {
  escapeMarkdown,
  escapeUserText,
  mentionName,
  spanText,
} from '../../../src/channels/teams/card-text';
import type { TeamsPingTarget } from '../../../src/channels/teams/teams-settings';
import { fromUser, plain, type Block, type OutboundMessage } from '../../../src/core/messages';
import { truncate } from '../../../src/core/text/truncate';

const noPings: Record<1 | 2 | 3, readonly TeamsPingTarget[]> = { 1: [], 2: [], 3: [] };

describe('card text', () => {
  it('escapes <, > and & so nothing can open a mention or a tag', () => {
    expect(escapeUserText('<at>Boss</at> & <b>x</b>')).toBe(
      '&lt;at&gt;Boss&lt;/at&gt; &amp; &lt;b&gt;x&lt;/b&gt;',
    );
    expect(spanText(plain('Settings > Battery & power'), 100)).toBe(
      'Settings &gt; Battery &amp; power',
    );
  });

  it('escapes Markdown in every text, since bot texts carry what people typed', () => {
    expect(
      escapeMarkdown('**bold** _it_ [a](http://x) `code` ~s~ {{DATE(2024-01-01T00:00:00Z)}}'),
    ).toBe(
      '\\*\\*bold\\*\\* \\_it\\_ \\[a\\](http://x) \\`code\\` \\~s\\~ \\{\\{DATE(2024-01-01T00:00:00Z)\\}\\}',
    );
    expect(escapeMarkdown('- item\n1. first\n# title\n> quote')).toBe(
      '\\- item\n1\\. first\n\\# title\n\\> quote',
    );
    expect(spanText(fromUser('**hi**'), 100)).toBe('\\*\\*hi\\*\\*');
    expect(spanText(plain('Escalated: [verify](https://evil.example)'), 100)).toBe(
      'Escalated: \\[verify\\](https://evil.example)',
    );
    expect(spanText({ text: ' Key ', bold: true }, 100)).toBe(' **Key** ');
  });

  it('shortens with an ellipsis, and makes mention names plain', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
    expect(mentionName(' <Ayu> *Lestari* ')).toBe('Ayu Lestari');
    expect(mentionName('<>')).toBe('user');
  });
});

describe('renderCard', () => {
  const message: OutboundMessage = {
    text: 'IT-1001: printer',
    blocks: [
      { kind: 'header', text: 'IT-1001 · P3 · L1' },
      {
        kind: 'text',
        spans: [plain('Question: '), fromUser('printer <at>IT</at> on fire\nsecond line')],
      },
      { kind: 'fields', fields: [{ label: 'Requester', value: fromUser('Budi *S*') }] },
      {
        kind: 'actions',
        actions: [
          { id: 'claim', label: 'Claim', style: 'primary', payload: '{"ticket":"t1","level":1}' },
          {
            id: 'escalate',
            label: 'Escalate',
            payload: '{"ticket":"t1","level":1}',
            form: [
              { name: 'reason', label: 'Reason', type: 'textarea', required: true },
              {
                name: 'impact',
                label: 'Impact',
                type: 'select',
                required: false,
                options: [{ value: 'me', label: 'Just me' }],
              },
            ],
          },
        ],
      },
      { kind: 'context', spans: [plain('hint')] },
    ],
  };

  it('renders an Adaptive Card 1.5: TextBlocks, a FactSet, Action.Submit and a ShowCard form', () => {
    const card = renderCard(message, { pings: noPings });
    expect(card).toMatchObject({
      type: 'AdaptiveCard',
      version: '1.5',
      msteams: { width: 'Full' },
    });
    expect(card.body[0]).toEqual({
      type: 'TextBlock',
      text: 'IT-1001 · P3 · L1',
      wrap: true,
      size: 'Medium',
      weight: 'Bolder',
    });
    expect(card.body[1]).toMatchObject({
      type: 'TextBlock',
      text: 'Question: printer &lt;at&gt;IT&lt;/at&gt; on fire\n\nsecond line',
    });
    expect(card.body[2]).toEqual({
      type: 'FactSet',
      facts: [{ title: 'Requester', value: 'Budi \\*S\\*' }],
    });
    expect(card.body[3]).toEqual({
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.Submit',
          title: 'Claim',
          style: 'positive',
          data: { action: 'claim', payload: '{"ticket":"t1","level":1}' },
        },
        {
          type: 'Action.ShowCard',
          title: 'Escalate',
          card: {
            type: 'AdaptiveCard',
            version: '1.5',
            body: [
              {
                type: 'Input.Text',
                id: 'escalate.reason',
                label: 'Reason',
                isRequired: true,
                isMultiline: true,
                maxLength: 4000,
              },
              {
                type: 'Input.ChoiceSet',
                id: 'escalate.impact',
                label: 'Impact',
                isRequired: false,
                style: 'compact',
                choices: [{ title: 'Just me', value: 'me' }],
              },
              {
                type: 'ActionSet',
                actions: [
                  {
                    type: 'Action.Submit',
                    title: 'Escalate',
                    data: { action: 'escalate', payload: '{"ticket":"t1","level":1}' },
                  },
                ],
              },
            ],
          },
        },
      ],
    });
    expect(card.body[4]).toMatchObject({ size: 'Small', isSubtle: true, text: 'hint' });
    expect(inputId('escalate', 'reason')).toBe('escalate.reason');
  });

  it('turns a ping block into @mentions of the level people, with matching entities', () => {
    const pings = {
      ...noPings,
      2: [
        { id: 'd2d2d2d2-0000-4000-8000-0000000000d2', name: 'Dewi', kind: 'person' as const },
        { id: 'tagid123', name: 'L2 On-call', kind: 'tag' as const },
      ],
    };
    const card = renderCard(
      { text: 'x', blocks: [{ kind: 'ping', level: 2, text: 'tiket ini membutuhkan Anda' }] },
      { pings },
    );
    expect(card.body).toEqual([
      {
        type: 'TextBlock',
        text: '📣 <at>Dewi</at>, <at>L2 On-call</at>: tiket ini membutuhkan Anda',
        wrap: true,
        weight: 'Bolder',
      },
    ]);
    expect(card.msteams?.entities).toEqual([
      {
        type: 'mention',
        text: '<at>Dewi</at>',
        mentioned: { id: 'd2d2d2d2-0000-4000-8000-0000000000d2', name: 'Dewi' },
      },
      {
        type: 'mention',
        text: '<at>L2 On-call</at>',
        mentioned: { id: 'tagid123', name: 'L2 On-call', type: 'tag' },
      },
    ]);
    const nobody = renderCard(
      { text: 'x', blocks: [{ kind: 'ping', level: 3, text: 'needs <you>' }] },
      { pings },
    );
    expect(nobody.body).toEqual([
      { type: 'TextBlock', text: '📣 L3: needs &lt;you&gt;', wrap: true, weight: 'Bolder' },
    ]);
    expect(nobody.msteams?.entities).toBeUndefined();
  });

  it('pings with the mentions alone when a ping was queued before pings carried words', () => {
    const pings = {
      ...noPings,
      2: [{ id: 'd2d2d2d2-0000-4000-8000-0000000000d2', name: 'Dewi', kind: 'person' as const }],
    };
    // As read back from the database: a ping block of an earlier release, without `text`.
    const stored = (level: number) => JSON.parse(`{ "kind": "ping", "level": ${level} }`) as Block;
    const card = renderCard({ text: 'x', blocks: [stored(2), stored(3)] }, { pings });
    expect(card.body).toEqual([
      { type: 'TextBlock', text: '📣 <at>Dewi</at>', wrap: true, weight: 'Bolder' },
      { type: 'TextBlock', text: '📣 L3', wrap: true, weight: 'Bolder' },
    ]);
    expect(card.msteams?.entities).toEqual([expect.objectContaining({ text: '<at>Dewi</at>' })]);
  });

  it('addresses a card to one person with a mention (Teams has no ephemeral channel messages)', () => {
    const card = renderCard(
      { text: 'x', blocks: [{ kind: 'text', spans: [plain('Only L2 agents can do that.')] }] },
      { pings: noPings, addressTo: { id: 'aad-rudi', name: 'Rudi <Hartono>' } },
    );
    expect(card.body[0]).toMatchObject({ text: '<at>Rudi Hartono</at>' });
    expect(card.msteams?.entities).toEqual([
      {
        type: 'mention',
        text: '<at>Rudi Hartono</at>',
        mentioned: { id: 'aad-rudi', name: 'Rudi Hartono' },
      },
    ]);
  });

  it('keeps the whole activity under the size limit, shortening long texts', () => {
    const long = 'x'.repeat(60_000);
    const activity = renderCardActivity(
      {
        text: long,
        blocks: [
          { kind: 'header', text: 'IT-1' },
          { kind: 'text', spans: [fromUser(long)] },
          { kind: 'text', spans: [plain(long)] },
        ],
      },
      { pings: noPings },
    );
    expect(Buffer.byteLength(JSON.stringify(activity))).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(activity.summary.length).toBeLessThanOrEqual(200);
    const body = activity.attachments[0].content.body;
    expect(body[1]).toMatchObject({ type: 'TextBlock' });
    expect(body[1] && 'text' in body[1] ? body[1].text : '').toMatch(/^x+…$/);
  });
});
