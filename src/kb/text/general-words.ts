/**
 * General English and Indonesian words, so that spelling correction only touches words no language
 * has: "house" is a word (never "corrected" to "mouse"), "pasword" is not. The lists are the word
 * lists of zxcvbn-ts (common words from subtitles, words of Wikipedia, numbers, days, months...),
 * without their lists of first and last names, which are not general words for this purpose.
 */
import type * as LanguageEn from '@zxcvbn-ts/language-en';
import type * as LanguageId from '@zxcvbn-ts/language-id';

/** Lists of people's names: a misspelt word that happens to be a surname is still misspelt. */
const NAME_LISTS = /names/i;
const LETTERS_ONLY = /^[a-z]+$/;
const MIN_LENGTH = 2;

let generalWords: ReadonlySet<string> | undefined;

function loadDictionaries(): readonly Readonly<Record<string, readonly string[]>>[] {
  // Loaded on first use: the packages decompress their lists when required (about 80 ms), which
  // only a process that corrects spelling needs to pay.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const en = require('@zxcvbn-ts/language-en') as typeof LanguageEn;
  const id = require('@zxcvbn-ts/language-id') as typeof LanguageId;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return [en.dictionary, id.dictionary];
}

/** Every letters-only word of two or more letters of the general lists, built once per process. */
export function generalWordList(): ReadonlySet<string> {
  if (generalWords) return generalWords;
  const words = new Set<string>();
  for (const dictionary of loadDictionaries()) {
    for (const [name, list] of Object.entries(dictionary)) {
      if (NAME_LISTS.test(name)) continue;
      for (const raw of list) {
        // Lists are lower case; accents are folded as the analyzer folds them ("café" -> "cafe").
        const word = LETTERS_ONLY.test(raw) ? raw : raw.normalize('NFKD').replace(/\p{M}+/gu, '');
        if (word.length >= MIN_LENGTH && LETTERS_ONLY.test(word)) words.add(word);
      }
    }
  }
  generalWords = words;
  return words;
}

/** Whether a (normalised, lower-case) word is an ordinary English or Indonesian word. */
export function isGeneralWord(word: string): boolean {
  return generalWordList().has(word);
}
