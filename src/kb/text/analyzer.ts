import { LRUCache } from 'lru-cache';
import type { Locale } from '../../core/locale';
import type { OffTopicArea } from '../../core/ports/knowledge-base';
import { generalWordList, isGeneralWord } from './general-words';
import {
  conceptOfWord,
  type Concept,
  type ConceptKind,
  type Lexicon,
  type SmallTalkIntent,
} from './lexicon';
import { normalizeText, tokenizeWithBreaks } from './normalize';
import { indonesianRootCandidates, stemEnglish } from './stem';
import type { TypoCorrector } from './typo-corrector';

/** One meaningful unit of a text: a concept shared across languages, or a (stemmed) word. */
export interface Term {
  readonly term: string;
  readonly surface: string;
  readonly conceptKind: ConceptKind | undefined;
  readonly corrected: boolean;
  /** For a term of an off-topic concept: which desk the subject belongs to. */
  readonly offTopicArea?: OffTopicArea;
}

export interface Analysis {
  readonly terms: readonly Term[];
  readonly smallTalk: readonly SmallTalkIntent[];
  readonly tokenCount: number;
  readonly locale: Locale | undefined;
}

export interface AnalyzerOptions {
  readonly lexicon: Lexicon;
  /** Words the articles use (canonical form -> count): known words are never "corrected". */
  readonly vocabulary?: ReadonlySet<string>;
  readonly corrector?: TypoCorrector;
  /**
   * Ordinary words of the languages (default: the English and Indonesian lists of general-words.ts).
   * Only a word outside them is corrected: "house" stays "house" instead of becoming "mouse".
   */
  readonly isGeneralWord?: (word: string) => boolean;
}

// Function words that say which language a message is in (not topic words).
const ID_MARKERS = new Set(
  'yang dan di ke dari saya aku tidak tak bisa cara gimana bagaimana tolong mau ada apa kenapa sudah belum ini itu dengan untuk nya buat gak ga nggak enggak kok dong sih nih kalau kalo jadi lagi juga atau minta mohon bantu baru lupa masuk'.split(
    ' ',
  ),
);
/** Words of small talk that tell the language of a message that is nothing but small talk ("hello"). */
const ID_SMALL_TALK = new Set(
  'halo hallo hai terima kasih makasih selamat pagi siang sore malam permisi iya sampai jumpa'.split(
    ' ',
  ),
);
const EN_SMALL_TALK = new Set(
  'hello hi hey thanks thank you good morning afternoon evening bye yes see'.split(' '),
);
const EN_MARKERS = new Set(
  'the my i is are can cannot how to do does what not with for it and please why won t doesn an a of on in this that me need help when where get keeps new forgot'.split(
    ' ',
  ),
);

/**
 * Small talk that also closes Indonesian questions ("gajian kapan ya?", "passwordnya apa ya"): it
 * makes a message small talk only when the message says nothing else.
 */
const QUESTION_PARTICLES = new Set(['ya']);

/** Distinct words remembered per analyzer; employees reuse the same few thousand. */
const CACHE_LIMIT = 50_000;
/** New (uncached) words per message that may go through spelling correction. */
const SPELLING_BUDGET = 16;

/**
 * Bounds that keep analysis linear and small whatever arrives: a "word" longer than any real one (a
 * pasted hash, a run of one letter) carries no meaning and would only feed the quadratic steps of
 * stemming and fuzzy matching, and past a few hundred words a question says nothing new.
 */
export const MAX_WORD_LENGTH = 40;
export const MAX_WORDS = 400;

/** Turns text into terms: slang, phrases, concepts, stems, and (for queries) typo correction. */
export function createAnalyzer(options: AnalyzerOptions) {
  const { lexicon, vocabulary, corrector } = options;
  const isGeneral = options.isGeneralWord ?? isGeneralWord;
  // Load the word lists with the knowledge base, not during the first employee's question.
  if (corrector && !options.isGeneralWord) generalWordList();

  const conceptOf = (word: string): Concept | undefined => conceptOfWord(lexicon, word);

  /** Concept or known word for a token, trying Indonesian roots; undefined when unrecognised. */
  const recognise = (word: string): { concept?: Concept; word?: string } | undefined => {
    const direct = conceptOf(word);
    if (direct) return { concept: direct };
    const stem = stemEnglish(word);
    if (vocabulary?.has(stem)) return { word: stem };
    for (const root of indonesianRootCandidates(word)) {
      const concept = conceptOf(root);
      if (concept) return { concept };
      if (vocabulary?.has(root)) return { word: root };
    }
    return undefined;
  };

  /**
   * A single word's meaning: a term, small talk, or nothing (stopword). Pure, so it is cached; only a
   * result reached without the spelling budget (see analyze) is left out of the cache.
   */
  const resolveWord = (
    token: string,
    correct: boolean,
  ): Term | { smallTalk: SmallTalkIntent } | null => {
    const exact = lexicon.bySurface.get(token);
    if (exact) return conceptTerm(exact, token);
    if (lexicon.stopwords.has(token) || token.length < 2) return null;
    const chat = lexicon.smallTalk.get(token);
    if (chat) return { smallTalk: chat };
    if (/^\d+$/.test(token)) return term(token, token, undefined);
    const known = recognise(token);
    if (known?.concept) return conceptTerm(known.concept, token);
    if (known?.word) return term(known.word, token, undefined);
    // A real word of either language is what the employee meant, even when the KB never uses it.
    const fixed = correct && corrector && !isGeneral(token) ? corrector.correct(token) : undefined;
    const again = fixed ? recognise(fixed) : undefined;
    if (fixed && again?.concept) return conceptTerm(again.concept, token, true);
    if (fixed && again?.word) return term(again.word, token, undefined, true);
    return term(stemEnglish(token), token, undefined);
  };
  /** Each word's meaning, boxed (lru-cache keeps no null: a word that means nothing). */
  const cache = new LRUCache<
    string,
    { readonly word: Term | { smallTalk: SmallTalkIntent } | null }
  >({
    max: CACHE_LIMIT,
  });

  /** The message's words after slang, each with whether punctuation stands before it. */
  const words = (text: string): { raw: string[]; breaks: boolean[] } => {
    const { tokens, breaks: gaps } = tokenizeWithBreaks(normalizeText(text));
    const raw: string[] = [];
    const breaks: boolean[] = [];
    let dropped = false;
    let kept = 0;
    for (let i = 0; i < tokens.length && kept < MAX_WORDS; i++) {
      const token = tokens[i] as string;
      // A dropped over-long "word" still separates the words around it.
      if (token.length > MAX_WORD_LENGTH) {
        dropped = true;
        continue;
      }
      kept++;
      (lexicon.slang.get(token) ?? [token]).forEach((w, k) => {
        raw.push(w);
        breaks.push(k === 0 && (dropped || (gaps[i] ?? false)));
      });
      dropped = false;
    }
    return { raw, breaks };
  };

  return function analyze(text: string): Analysis {
    const { raw, breaks } = words(text);
    const terms: Term[] = [];
    const smallTalk: SmallTalkIntent[] = [];
    const particles: SmallTalkIntent[] = [];
    let idVotes = 0;
    let enVotes = 0;
    let corrections = 0;
    for (let i = 0; i < raw.length;) {
      const token = raw[i] as string;
      if (ID_MARKERS.has(token)) idVotes++;
      if (EN_MARKERS.has(token)) enVotes++;
      const phrase = lexicon.phrases
        .get(token)
        ?.find((p) => p.tokens.every((t, k) => raw[i + k] === t && (k === 0 || !breaks[i + k])));
      if (phrase) {
        if (phrase.concept) terms.push(conceptTerm(phrase.concept, phrase.tokens.join(' ')));
        else if (phrase.smallTalk) smallTalk.push(phrase.smallTalk);
        i += phrase.tokens.length;
        continue;
      }
      i++;
      let resolved = cache.get(token)?.word;
      if (resolved === undefined) {
        // Spelling correction is the costly step; a long message gets a budget of new words to
        // correct (its meaning rarely hangs on the fortieth word), keeping every search fast.
        const correct = corrections < SPELLING_BUDGET;
        resolved = resolveWord(token, correct);
        if (correct) {
          corrections++;
          cache.set(token, { word: resolved });
        }
      }
      if (resolved === null) continue;
      if (!('smallTalk' in resolved)) terms.push(resolved);
      else if (QUESTION_PARTICLES.has(token)) particles.push(resolved.smallTalk);
      else smallTalk.push(resolved.smallTalk);
    }
    if (terms.length === 0) smallTalk.push(...particles);
    // Small-talk words decide only for small talk alone: questions are judged by the markers above.
    if (terms.length === 0 && idVotes === enVotes) {
      idVotes += raw.filter((w) => ID_SMALL_TALK.has(w)).length;
      enVotes += raw.filter((w) => EN_SMALL_TALK.has(w)).length;
    }
    const locale = idVotes > enVotes ? 'id' : enVotes > idVotes ? 'en' : undefined;
    return { terms, smallTalk, tokenCount: raw.length, locale };
  };
}

function term(
  value: string,
  surface: string,
  kind: ConceptKind | undefined,
  corrected = false,
): Term {
  return { term: value, surface, conceptKind: kind, corrected };
}

function conceptTerm(concept: Concept, surface: string, corrected = false): Term {
  const t = term(concept.term, surface, concept.kind, corrected);
  return concept.area ? { ...t, offTopicArea: concept.area } : t;
}

export type Analyze = ReturnType<typeof createAnalyzer>;
