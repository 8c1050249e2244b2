import fc from 'fast-check';
import { characterBoundary, ELLIPSIS, truncate } from '../../../src/core/text/truncate';

const graphemes = (text: string) =>
  [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map(
    (s) => s.segment,
  );

const isWellFormed = (text: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('truncate', () => {
  it('keeps text that fits and cuts the rest with an ellipsis, within max', () => {
    expect(truncate('abc', 4)).toBe('abc');
    expect(truncate('abcd', 4)).toBe('abcd');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('a fairly long label', 10)).toBe('a fairly…');
    expect(truncate('', 0)).toBe('');
  });

  it('never splits a surrogate pair', () => {
    expect(truncate('😀😀😀', 4)).toBe('😀…');
    expect(truncate('a😀b', 3)).toBe('a…');
    expect(truncate('𝐀𝐁𝐂𝐃', 6)).toBe('𝐀𝐁…');
  });

  it('never splits a character as people see it: emoji sequences, flags, accents', () => {
    const family = '👨‍👩‍👧';
    expect(truncate(`ab${family}cd`, 8)).toBe('ab…');
    expect(truncate(`ab${family}cd`, 11)).toBe(`ab${family}…`);
    expect(truncate('🇮🇩🇬🇧🇯🇵', 7)).toBe('🇮🇩…');
    expect(truncate('ab 👍🏽👍🏽', 7)).toBe('ab…');
    expect(truncate('cafe\u0301s', 5)).toBe('caf…'); // é as e + combining accent stays whole
  });

  it('keeps something of a character longer than the room, between its code points', () => {
    const zalgo = `a${'\u0301'.repeat(50)}`;
    expect(truncate(zalgo, 11)).toBe(`${zalgo.slice(0, 10)}…`);
    const skinTones = `👍${'🏽'.repeat(20)}`;
    const cut = truncate(skinTones, 12);
    expect(cut).toBe(`${skinTones.slice(0, 10)}…`);
    expect(isWellFormed(cut)).toBe(true);
  });

  it('lets a channel move the cut further back', () => {
    expect(truncate('x&amp;y', 4, (text, cut) => text.lastIndexOf('&', cut))).toBe('x…');
  });

  it('for any text and room: fits, is well-formed, and is whole characters of the text', () => {
    const pieces = fc.constantFrom(
      'a',
      ' ',
      'é',
      'e\u0301',
      '😀',
      '👍🏽',
      '👨‍👩‍👧',
      '🇮🇩',
      '\u200d',
      '𝐀',
      'ก่',
      '\n',
      '&amp;',
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 40 }),
        fc.integer({ min: 1, max: 80 }),
        (parts, max) => {
          const text = parts.join('');
          const out = truncate(text, max);
          expect(out.length).toBeLessThanOrEqual(max);
          expect(isWellFormed(out)).toBe(true);
          if (text.length <= max) return expect(out).toBe(text);
          expect(out.endsWith(ELLIPSIS)).toBe(true);
          const kept = out.slice(0, -ELLIPSIS.length);
          expect(text.startsWith(kept)).toBe(true);
          // Whole characters, unless the first one alone is longer than the room.
          const first = graphemes(text)[0] ?? '';
          if (first.length > max - ELLIPSIS.length) return;
          expect(graphemes(text).slice(0, graphemes(kept).length)).toEqual(graphemes(kept));
        },
      ),
    );
  });
});

describe('characterBoundary', () => {
  it('moves a cut back to the start of the character it falls in', () => {
    const text = 'ab👨‍👩‍👧cd';
    expect([0, 1, 2, 3, 5, 9, 10, 11, 12, 99].map((p) => characterBoundary(text, p))).toEqual([
      0, 1, 2, 2, 2, 2, 10, 11, 12, 12,
    ]);
  });
});
