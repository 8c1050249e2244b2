/**
 * Spelling correction by symmetric deletion (the SymSpell idea): every dictionary word is indexed by
 * the strings one or two deletions away, so a misspelt word finds its neighbours with a few hash
 * lookups instead of comparing against the whole vocabulary.
 */
export interface TypoCorrector {
  correct(word: string): string | undefined;
  readonly size: number;
}

const MIN_LENGTH = 4;
/**
 * Longer words are not corrected: the strings two deletions away grow with the square of the length
 * (a 4,000-letter "word" would be millions of them), and no real word that long is mistyped.
 */
export const MAX_CORRECTED_LENGTH = 20;

/** Edits allowed for a word of this length: short words are too easy to turn into another word. */
function maxEdits(length: number): number {
  if (length < MIN_LENGTH || length > MAX_CORRECTED_LENGTH) return 0;
  return length <= 7 ? 1 : 2;
}

function deletes(word: string, depth: number, out: Set<string>): void {
  if (depth === 0 || word.length <= 2) return;
  for (let i = 0; i < word.length; i++) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    if (!out.has(shorter)) {
      out.add(shorter);
      deletes(shorter, depth - 1, out);
    }
  }
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), bounded. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (prevPrev[j - 2] as number) + 1);
      }
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] as number;
}

/** `frequency` breaks ties between equally close words: the commoner one wins. */
export function createTypoCorrector(frequency: ReadonlyMap<string, number>): TypoCorrector {
  const index = new Map<string, string[]>();
  const put = (key: string, word: string) => {
    const list = index.get(key);
    if (list) list.push(word);
    else index.set(key, [word]);
  };
  for (const word of frequency.keys()) {
    if (word.length < MIN_LENGTH - 1 || /\d/.test(word)) continue;
    put(word, word);
    const variants = new Set<string>();
    deletes(word, Math.max(1, maxEdits(word.length)), variants);
    for (const v of variants) put(v, word);
  }

  return {
    size: frequency.size,
    correct(word) {
      const limit = maxEdits(word.length);
      if (limit === 0 || /\d/.test(word)) return undefined;
      const keys = new Set<string>([word]);
      deletes(word, limit, keys);
      let best: string | undefined;
      let bestDistance = limit + 1;
      let bestFrequency = -1;
      const seen = new Set<string>();
      for (const key of keys) {
        for (const candidate of index.get(key) ?? []) {
          if (seen.has(candidate) || candidate === word) continue;
          seen.add(candidate);
          const distance = editDistance(word, candidate, limit);
          // Two edits are only trusted when the first letter agrees: people rarely mistype it.
          if (distance > limit || (distance === 2 && candidate[0] !== word[0])) continue;
          const freq = frequency.get(candidate) ?? 0;
          if (distance < bestDistance || (distance === bestDistance && freq > bestFrequency)) {
            best = candidate;
            bestDistance = distance;
            bestFrequency = freq;
          }
        }
      }
      return best;
    },
  };
}
