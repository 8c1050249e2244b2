import type { OffTopicArea } from '../../core/ports/knowledge-base';
import { CONCEPTS, SLANG, SMALL_TALK, STOPWORDS, type ConceptEntry } from './lexicon-data';
import { normalizeText, tokenize } from './normalize';
import { isInflectionOf, stemEnglish } from './stem';

export type ConceptKind = ConceptEntry['kind'];
export type SmallTalkIntent = (typeof SMALL_TALK)[number]['intent'];

/** A concept's search term: one token shared by every language's way of saying it. */
export interface Concept {
  readonly term: string;
  readonly kind: ConceptKind;
  /** Set for off-topic concepts only. */
  readonly area?: OffTopicArea;
}

export interface Phrase {
  readonly tokens: readonly string[];
  readonly concept?: Concept;
  readonly smallTalk?: SmallTalkIntent;
}

/** The bilingual vocabulary compiled into lookup tables (see lexicon-data.ts for the words). */
/** A single-word term of a concept, found through its English stem. */
export interface StemForm {
  readonly word: string;
  readonly concept: Concept;
}

export interface Lexicon {
  readonly bySurface: ReadonlyMap<string, Concept>;
  /** Single-word terms by English stem, longest word first (see conceptOfWord). */
  readonly byStem: ReadonlyMap<string, readonly StemForm[]>;
  /** Multi-word phrases by their first token, longest first. */
  readonly phrases: ReadonlyMap<string, readonly Phrase[]>;
  readonly slang: ReadonlyMap<string, readonly string[]>;
  readonly stopwords: ReadonlySet<string>;
  readonly smallTalk: ReadonlyMap<string, SmallTalkIntent>;
  /** Every single-word surface form, for typo correction. */
  readonly words: ReadonlySet<string>;
}

/** Concept terms start with a character no word token can contain, so they never collide with words. */
export const CONCEPT_PREFIX = '~';

function words(text: string): string[] {
  return tokenize(normalizeText(text));
}

/**
 * The concept of one word: a term itself, or an English inflection of a term ("printing", "batteries"
 * for "print", "battery"). A shared Porter stem alone is not enough: "activity" is not "activate".
 */
export function conceptOfWord(lexicon: Lexicon, word: string): Concept | undefined {
  const exact = lexicon.bySurface.get(word);
  if (exact) return exact;
  return lexicon.byStem.get(stemEnglish(word))?.find((f) => isInflectionOf(word, f.word))?.concept;
}

export function compileLexicon(
  concepts: readonly ConceptEntry[] = CONCEPTS,
  slang: Readonly<Record<string, string>> = SLANG,
  stopwords: ReadonlySet<string> = STOPWORDS,
  smallTalk: typeof SMALL_TALK = SMALL_TALK,
): Lexicon {
  const bySurface = new Map<string, Concept>();
  const byStem = new Map<string, StemForm[]>();
  const phrases = new Map<string, Phrase[]>();
  const smallTalkWords = new Map<string, SmallTalkIntent>();
  const allWords = new Set<string>();
  const addPhrase = (tokens: string[], phrase: Phrase) => {
    const first = tokens[0] as string;
    const list = phrases.get(first) ?? [];
    list.push(phrase);
    phrases.set(first, list);
  };

  for (const entry of concepts) {
    const concept: Concept = {
      term: CONCEPT_PREFIX + entry.key,
      kind: entry.kind,
      ...(entry.kind === 'offtopic' && entry.area ? { area: entry.area } : {}),
    };
    for (const raw of entry.terms) {
      const tokens = words(raw);
      if (tokens.length === 1) {
        const word = tokens[0] as string;
        if (!bySurface.has(word)) bySurface.set(word, concept);
        allWords.add(word);
        const stem = stemEnglish(word);
        const forms = byStem.get(stem) ?? [];
        if (!forms.some((f) => f.word === word)) forms.push({ word, concept });
        byStem.set(stem, forms);
      } else if (tokens.length > 1) {
        addPhrase(tokens, { tokens, concept });
      }
    }
  }
  for (const { intent, terms } of smallTalk) {
    for (const raw of terms) {
      const tokens = words(raw);
      if (tokens.length === 1) {
        if (!smallTalkWords.has(tokens[0] as string))
          smallTalkWords.set(tokens[0] as string, intent);
      } else if (tokens.length > 1) addPhrase(tokens, { tokens, smallTalk: intent });
    }
  }
  for (const list of phrases.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  // Longest first: "managers" is a form of "manager" before it could be read as "manage" + "-ers".
  // (Stable: among words of one length, the earlier concept keeps precedence.)
  for (const forms of byStem.values()) forms.sort((a, b) => b.word.length - a.word.length);
  const slangMap = new Map<string, string[]>();
  for (const [from, to] of Object.entries(slang)) {
    const key = words(from);
    if (key.length === 1) slangMap.set(key[0] as string, words(to));
  }
  return {
    bySurface,
    byStem,
    phrases,
    slang: slangMap,
    stopwords: new Set([...stopwords].flatMap(words)),
    smallTalk: smallTalkWords,
    words: allWords,
  };
}
