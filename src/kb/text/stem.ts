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
