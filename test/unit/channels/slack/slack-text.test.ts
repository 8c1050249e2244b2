import {
  decodeSlackText,
  escapeMrkdwn,
  splitText,
  stripMention,
  truncateMrkdwn,
} from '../../../../src/channels/slack/slack-text';

describe('escapeMrkdwn', () => {
  it('escapes the control characters and defuses broadcasts', () => {
    expect(escapeMrkdwn('a & b <!channel> <@U1> @here @Everyone @channels')).toBe(
      'a &amp; b &lt;!channel&gt; &lt;@U1&gt; @\u2060here @\u2060Everyone @channels',
    );
    expect(escapeMrkdwn('&lt;')).toBe('&amp;lt;');
  });
});

describe('decodeSlackText', () => {
  it('turns Slack markup into what the person saw', async () => {
    const text =
      '<@U1|ayu> <@W2> <#C1|it-help> <!here> <!channel|@channel> <!subteam^S1|@l2-team> ' +
      '<!date^1392734382^{date}|Feb 18> <https://x.example/a?b=1&amp;c=2|the doc> <https://y.example> ' +
      '<mailto:a@b.example|a@b.example> 1 &lt; 2 &amp;&amp; 3 &gt; 2 &amp;lt;';
    expect(await decodeSlackText(text)).toBe(
      '@ayu @W2 #it-help @here @channel @l2-team Feb 18 the doc (https://x.example/a?b=1&c=2) ' +
        'https://y.example a@b.example 1 < 2 && 3 > 2 &lt;',
    );
  });

  it('names mentioned people through the lookup, keeping the id when it has none', async () => {
    const lookup = (id: string) => Promise.resolve(id === 'U1' ? 'Ayu Lestari' : undefined);
    expect(await decodeSlackText('<@U1> and <@U2> and <@U1>', lookup)).toBe(
      '@Ayu Lestari and @U2 and @Ayu Lestari',
    );
    const failing = () => Promise.reject(new Error('users.info down'));
    expect(await decodeSlackText('<@U1>', failing)).toBe('@U1');
  });
});

describe('stripMention', () => {
  it('removes the bot mention and keeps line breaks', () => {
    expect(stripMention('<@UBOT> printer\njammed <@UBOT|lapis>', 'UBOT')).toBe('printer\njammed');
    expect(stripMention('<@UOTHER> hi', 'UBOT')).toBe('<@UOTHER> hi');
  });
});

describe('splitText and truncateMrkdwn', () => {
  it('splits at line breaks, then spaces, within the limit', () => {
    const text = `${'a'.repeat(60)}\n${'b'.repeat(60)} ${'c'.repeat(60)}`;
    const chunks = splitText(text, 100);
    expect(chunks).toEqual([
      'a'.repeat(60),
      `${'b'.repeat(60)} ${'c'.repeat(60)}`.slice(0, 60),
      'c'.repeat(60),
    ]);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(100);
  });

  it('never cuts an entity, a link or a surrogate pair in half', () => {
    const entities = '&amp;'.repeat(50);
    for (const chunk of splitText(entities, 33)) expect(chunk).toMatch(/^(&amp;)+$/);
    const emoji = '😀'.repeat(40);
    for (const chunk of splitText(emoji, 21)) expect(chunk).toMatch(/^(😀)+$/);
    const link = `${'x'.repeat(90)}<https://example.com/a-long-path>`;
    expect(splitText(link, 100)).toEqual(['x'.repeat(90), '<https://example.com/a-long-path>']);
  });

  it('truncates with an ellipsis', () => {
    expect(truncateMrkdwn('short', 10)).toBe('short');
    expect(truncateMrkdwn('a fairly long label', 10)).toBe('a fairly…');
    expect(truncateMrkdwn('a fairly long label', 10)).toHaveLength(9);
    expect(truncateMrkdwn('x&amp;y', 4)).toBe('x…');
    expect(truncateMrkdwn('ab <https://example.com/x> c', 10)).toBe('ab…');
    expect(truncateMrkdwn('ab 👍🏽👍🏽', 8)).toBe('ab 👍🏽…');
    expect(truncateMrkdwn('ab 👍🏽👍🏽', 7)).toBe('ab…'); // never 👍 without its skin tone
  });
});
