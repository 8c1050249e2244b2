import { CONCEPTS } from '../../../src/kb/text/lexicon-data';
import { compileLexicon } from '../../../src/kb/text/lexicon';
import { normalizeText, tokenize } from '../../../src/kb/text/normalize';
import { indonesianRootCandidates, stemEnglish } from '../../../src/kb/text/stem';
import { createTypoCorrector, editDistance } from '../../../src/kb/text/typo-corrector';

describe('normalizeText and tokenize', () => {
  it('folds case, accents, stretched letters, reduplication and chat markup', () => {
    expect(
      tokenize(
        normalizeText('TOLONGGG <@U123> café file2 https://x.example/a?b=1 a.b@corp.com Wi-Fi'),
      ),
    ).toEqual(['tolong', 'cafe', 'file', 'wi', 'fi']);
  });
});

describe('stemming', () => {
  it('meets English inflections at one stem', () => {
    expect(stemEnglish('printing')).toBe(stemEnglish('prints'));
    expect(stemEnglish('connected')).toBe(stemEnglish('connect'));
  });

  it('offers Indonesian roots, most likely first, for the vocabulary to confirm', () => {
    expect(indonesianRootCandidates('printernya')).toContain('printer');
    expect(indonesianRootCandidates('menghapus')).toContain('hapus');
    expect(indonesianRootCandidates('dikirimkan')).toContain('kirim');
    expect(indonesianRootCandidates('mereset')).toContain('reset');
    expect(indonesianRootCandidates('ngeprint')).toContain('print');
  });
});

describe('typo correction', () => {
  const corrector = createTypoCorrector(
    new Map([
      ['password', 10],
      ['printer', 8],
      ['printers', 1],
      ['laptop', 5],
      ['monitor', 3],
      ['keyboard', 2],
    ]),
  );

  it('fixes one slip, or two in long words, including swapped letters', () => {
    expect(corrector.correct('pasword')).toBe('password');
    expect(corrector.correct('pritner')).toBe('printer');
    expect(corrector.correct('lpatop')).toBe('laptop');
    expect(corrector.correct('monitr')).toBe('monitor');
  });

  it('leaves short words, numbers and strangers alone', () => {
    expect(corrector.correct('pin')).toBeUndefined();
    expect(corrector.correct('12345')).toBeUndefined();
    expect(corrector.correct('kucing')).toBeUndefined();
    expect(corrector.correct('xeyboadr')).toBeUndefined(); // two edits need the first letter right
    expect(corrector.correct('kyeboadr')).toBe('keyboard'); // two edits only from eight letters on
    expect(corrector.correct('paswodr')).toBeUndefined();
  });

  it('measures optimal string alignment distance', () => {
    expect(editDistance('printer', 'pritner', 2)).toBe(1);
    expect(editDistance('abc', 'abc', 2)).toBe(0);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('the bilingual lexicon', () => {
  it('gives every word one concept only', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const entry of CONCEPTS) {
      for (const term of entry.terms) {
        const key = tokenize(normalizeText(term)).join(' ');
        const previous = owner.get(key);
        if (previous && previous !== entry.key) clashes.push(`${key}: ${previous} / ${entry.key}`);
        owner.set(key, entry.key);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('maps Indonesian and English ways of saying a thing to the same concept', () => {
    const lexicon = compileLexicon();
    const concept = (word: string) => lexicon.bySurface.get(word)?.term;
    expect(concept('sandi')).toBe(concept('password'));
    expect(concept('lupa')).toBe(concept('forgot'));
    expect(lexicon.slang.get('gak')).toEqual(['tidak']);
    expect(lexicon.phrases.get('kata')?.some((p) => p.concept?.term === concept('password'))).toBe(
      true,
    );
  });
});
