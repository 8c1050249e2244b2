import { withoutNul } from '../../../src/core/text/without-nul';

describe('withoutNul', () => {
  it('removes U+0000 from strings, keys and nested values, keeping dates', () => {
    const at = new Date(0);
    expect(withoutNul({ ['a\u0000b']: ['x\u0000', { y: 'z\u0000\u0000z' }], at })).toEqual({
      ab: ['x', { y: 'zz' }],
      at,
    });
  });

  it('gives back what holds none as it is, without a copy', () => {
    const event = { text: 'printer jam', user: { id: 'U1' }, tags: ['a'] };
    expect(withoutNul(event)).toBe(event);
  });
});
