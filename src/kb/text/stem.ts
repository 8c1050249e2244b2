import porter2 from 'wink-porter2-stemmer';

/** English stemming (Porter2): "printing" and "prints" meet at "print". Harmless on most Indonesian words. */
export function stemEnglish(token: string): string {
  return token.length > 3 ? porter2(token) : token;
}

const PARTICLES = ['lah', 'kah', 'tah', 'pun'];
const POSSESSIVES = ['nya', 'ku', 'mu'];
const DERIVATIONAL = ['kan', 'an', 'i'];
const PREFIXES: readonly (readonly [string, readonly string[]])[] = [
  // [prefix, what the root may start with after removal] (meN- morphs: mem+p, men+t, meng+k, meny+s)
  ['meng', ['', 'k']],
  ['meny', ['s']],
  ['mem', ['', 'p']],
  ['men', ['', 't']],
  ['me', ['']],
  ['peng', ['', 'k']],
  ['peny', ['s']],
  ['pem', ['', 'p']],
  ['pen', ['', 't']],
  ['per', ['']],
  ['pe', ['']],
  ['di', ['']],
  ['ter', ['']],
  ['ber', ['']],
  ['be', ['']],
  ['ke', ['']],
  ['se', ['']],
  ['nge', ['']],
  ['ng', ['']],
];

/**
 * Candidate roots of an Indonesian word, most likely first. Indonesian affixation is regular but
 * ambiguous, so the caller accepts the first candidate its vocabulary knows (dictionary-checked
 * stemming, as Sastrawi does), and never strips a word blindly.
 */
export function indonesianRootCandidates(token: string): string[] {
  const out = new Set<string>();
  const add = (w: string) => {
    if (w.length >= 3 && w !== token) out.add(w);
  };
  const suffixForms = new Set<string>([token]);
  for (const p of PARTICLES) if (token.endsWith(p)) suffixForms.add(token.slice(0, -p.length));
  for (const w of [...suffixForms])
    for (const p of POSSESSIVES) if (w.endsWith(p)) suffixForms.add(w.slice(0, -p.length));
  for (const w of [...suffixForms])
    for (const s of DERIVATIONAL) if (w.endsWith(s)) suffixForms.add(w.slice(0, -s.length));
  const ordered = [...suffixForms].sort((a, b) => b.length - a.length);
  for (const w of ordered) add(w);
  for (const w of ordered) {
    for (const [prefix, restarts] of PREFIXES) {
      if (!w.startsWith(prefix)) continue;
      const rest = w.slice(prefix.length);
      for (const start of restarts) add(start + rest);
    }
  }
  return [...out];
}

/** Endings of English inflection, comparison and -ly adverbs: what stemming may strip and keep the word. */
const INFLECTIONS = new Set(['', 's', 'es', 'd', 'ed', 'ing', 'ings', 'er', 'ers', 'est', 'ly']);
const DOUBLED = new Set(['ed', 'ing', 'ings', 'er', 'ers', 'est']);

/**
 * Whether `word` is `base` or an inflection of it ("printing", "batteries", "deleted", "mapped" of
 * "print", "battery", "delete", "map"). Two words with one Porter stem are often not the same word
 * ("activity" and "activate", "person" and "personal", Indonesian "mobil" and English "mobile"), so a
 * word only takes a concept through a shared stem when it inflects one of the concept's own words.
 */
export function isInflectionOf(word: string, base: string): boolean {
  if (word === base) return true;
  const ending = (stem: string): string | undefined =>
    word.startsWith(stem) ? word.slice(stem.length) : undefined;
  const plain = ending(base);
  if (plain !== undefined) {
    if (INFLECTIONS.has(plain)) return true;
    // A doubled final consonant: "mapped", "scanning".
    const last = base[base.length - 1];
    if (plain[0] === last && DOUBLED.has(plain.slice(1)) && !/[aeiouy]/.test(last ?? 'a'))
      return true;
  }
  // A silent final e, or y turned to i, before an ending that starts with a vowel: "deleting",
  // "copies", "verified" (never the bare stem: "mobil" is not a form of "mobile").
  if (base.length > 3 && (base.endsWith('e') || base.endsWith('y'))) {
    const rest = ending(base.endsWith('e') ? base.slice(0, -1) : `${base.slice(0, -1)}i`);
    if (rest && /^[aeiou]/.test(rest) && INFLECTIONS.has(rest)) return true;
  }
  return false;
}
