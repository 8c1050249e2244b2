import type { Locale } from '../../core/locale';
import type {
  KbArea,
  KbArticleView,
  KbMatch,
  KbSearchMode,
  KbSearchResult,
  KnowledgeBase,
  OffTopicArea,
  QueryIntent,
} from '../../core/ports/knowledge-base';
import type { Article } from '../article';
import { createAnalyzer, type Analysis } from '../text/analyzer';
import { compileLexicon, type Lexicon } from '../text/lexicon';
import { createTypoCorrector } from '../text/typo-corrector';
import {
  calibrate,
  confidenceFeatures,
  MODELS,
  type ConfidenceFeatures,
  type ModeModel,
} from './calibrate';
import { asksForHelp, isVague, topicDocumentShare } from './vague-messages';
import { problemSentences } from '../text/problem-sentences';
import type { SemanticIndex } from '../semantic/semantic-index';
import {
  prepareFuzzyMatching,
  rankCandidates,
  SEMANTIC_BASELINE,
  type Candidate,
  type WeightedTerm,
} from './rank-candidates';
import { buildSearchIndex, type SearchIndex } from './search-index';
import { createLearnedMemory, type PhrasingToLearn } from './learned-memory';

export interface KnowledgeBaseOptions {
  /** Minimum confidence to present an article as the answer; below it the bot offers a ticket. */
  readonly answerThreshold?: number;
  /** Minimum confidence to offer an article among "is it one of these?". */
  readonly suggestThreshold?: number;
  readonly lexicon?: Lexicon;
  /** Confirmed phrasings searched as extra questions of their articles. */
  readonly learned?: readonly PhrasingToLearn[];
  /** fuse.js re-ranking of the shortlist (on unless switched off to measure what it adds). */
  readonly fuzzyRerank?: boolean;
  /** The semantic opinion: article passages embedded (see openKnowledgeBase), else words alone. */
  readonly semantic?: SemanticIndex;
  /** Models to rank and judge with, instead of the shipped fit (the fit itself passes its own). */
  readonly models?: Readonly<Record<KbSearchMode, ModeModel>>;
}

/** At most this many articles are offered when there is no confident answer. */
export const MAX_SUGGESTIONS = 3;

export interface Explanation {
  analysis: Analysis;
  /** The part of the message searched: the whole, or the sentences that state the problem. */
  focus: string;
  query: readonly WeightedTerm[];
  ranked: readonly Candidate[];
  features: ConfidenceFeatures | undefined;
  /** The features of the candidate at a rank (0 is the best), as the confidence model sees them. */
  featuresAt: (position: number) => ConfidenceFeatures;
  result: KbSearchResult;
}

export interface SearchableKnowledgeBase extends KnowledgeBase {
  /** Whether searches use the semantic opinion (when its query vector arrives in time). */
  readonly mode: KbSearchMode;
  /** The query vector a search would use (undefined for small talk, lexical mode or a late model). */
  queryVector(text: string): Promise<Float32Array | undefined>;
  /** The analysis and features behind a result, for the CLI's --explain, the fit and the benches. */
  explain(
    query: string,
    vector?: Float32Array,
    options?: { readonly category?: string },
  ): Explanation;
}

/**
 * Terms no article uses still weigh in: an IT concept the KB never mentions ("forgot" against a KB
 * without a password article) fully, since it is a sign of a question we cannot answer; other words,
 * often just context, at a discount.
 */
const UNKNOWN_WORD_FACTOR = 0.35;
/** A word only article bodies use ("airport", "client") says little about which article is meant. */
const BODY_ONLY_FACTOR = 0.3;
/** Words outside the IT vocabulary are weaker evidence than its concepts. */
const PLAIN_WORD_FACTOR = 0.7;
const LONG_MESSAGE_TERMS = 8;

export function createKnowledgeBase(
  kbArticles: readonly Article[],
  options: KnowledgeBaseOptions = {},
): SearchableKnowledgeBase {
  const lexicon = options.lexicon ?? compileLexicon();
  const models = options.models ?? MODELS;
  const semantic = options.semantic;
  const fuzzy = options.fuzzyRerank ?? true;
  const articles = kbArticles;
  const index: SearchIndex = buildSearchIndex(articles, createAnalyzer({ lexicon }));
  prepareFuzzyMatching(index);
  const frequency = new Map(index.surfaceFrequency);
  for (const w of lexicon.words) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const analyze = createAnalyzer({
    lexicon,
    vocabulary: index.vocabulary,
    corrector: createTypoCorrector(frequency),
  });
  const byId = new Map<string, Article[]>();
  for (const a of articles) byId.set(a.id, [...(byId.get(a.id) ?? []), a]);
  const memory = createLearnedMemory(options.learned ?? [], analyze, (id) => byId.has(id));
  const docById = new Map(index.docs.map((d) => [d.id, d]));
  const topicShare = topicDocumentShare(index);

  const weigh = (analysis: Analysis): WeightedTerm[] => {
    const weights = new Map<string, number>();
    const roles = new Map<string, WeightedTerm['role']>();
    for (const t of analysis.terms) {
      const kind = t.conceptKind;
      roles.set(
        t.term,
        kind === 'action' || kind === 'problem' ? 'task' : kind === 'it' ? 'object' : 'other',
      );
    }
    // In a long message most plain words are context ("back from two weeks", "at the airport"), so
    // their weight shrinks with length; IT concepts keep theirs.
    const plainFactor =
      PLAIN_WORD_FACTOR * Math.min(1, LONG_MESSAGE_TERMS / Math.max(1, analysis.terms.length));
    for (const t of analysis.terms) {
      const idf = index.idf.get(t.term);
      const weight =
        idf === undefined
          ? index.unknownIdf * (t.conceptKind ? 1 : UNKNOWN_WORD_FACTOR)
          : idf *
            (index.topicTerms.has(t.term) ? 1 : BODY_ONLY_FACTOR) *
            (t.conceptKind ? 1 : plainFactor);
      weights.set(t.term, Math.max(weights.get(t.term) ?? 0, weight));
    }
    return [...weights].map(([term, weight]) => ({
      term,
      weight,
      role: roles.get(term) ?? 'other',
    }));
  };

  const categoryOf = index.docs.map((d) => byId.get(d.id)?.find((a) => a.category)?.category);
  const areas = countAreas(articles);

  /** The sentences of a long message that say the most about IT: the problem, usually. */
  const focusOf = (text: string) =>
    problemSentences(text, (sentence) =>
      weigh(analyze(sentence)).reduce(
        (sum, q) => sum + (index.topicTerms.has(q.term) || q.role !== 'other' ? q.weight : 0),
        0,
      ),
    );

  /** The message read once per search: the part searched, its analysis, and the whole message's. */
  const read = (text: string) => {
    const focus = focusOf(text);
    const analysis = analyze(focus);
    return { focus, analysis, whole: focus === text ? analysis : analyze(text) };
  };

  const run = (
    text: string,
    limit: number,
    vector?: Float32Array,
    category?: string,
    reading = read(text),
  ) => {
    const { focus, analysis, whole } = reading;
    const query = weigh(analysis);
    const mode: KbSearchMode = semantic && vector ? 'semantic' : 'lexical';
    const model = models[mode];
    const opinion = semantic && vector ? semantic.score(vector, SEMANTIC_BASELINE) : undefined;
    const only = category === undefined ? undefined : (p: number) => categoryOf[p] === category;
    const ranked = rankCandidates(index, query, {
      fuzzy,
      weights: model.ranking,
      ...(opinion ? { semantic: opinion } : {}),
      ...(only ? { only } : {}),
    });
    const threshold = options.answerThreshold ?? model.thresholds.answer;
    const suggestThreshold = Math.min(
      threshold,
      options.suggestThreshold ?? model.thresholds.suggest,
    );
    const top = ranked[0];
    const known = (term: string) => index.idf.has(term);
    const features = top ? confidenceFeatures(ranked, 0, query, known) : undefined;
    // Only the best candidate's confidence decides; the others get at most the one above them so the
    // list reads in order.
    let ceiling = 1;
    const scored = ranked.slice(0, limit).map((c, i) => {
      const confidence = Math.min(
        ceiling,
        calibrate(
          i === 0 && features ? features : confidenceFeatures(ranked, i, query, known),
          model.confidence,
        ),
      );
      ceiling = confidence;
      return { c, confidence };
    });
    const titleFor = (doc: { titles: ReadonlyMap<string, string> }) =>
      doc.titles.get(whole.locale ?? 'en') ??
      doc.titles.get('en') ??
      [...doc.titles.values()][0] ??
      '';
    const best = scored[0];
    const plausible = (best?.confidence ?? 0) >= suggestThreshold;
    let intent = classify(whole, (term) => top?.doc.terms.has(term) ?? false, plausible);
    // Only what the message says decides vagueness, never how well some article happens to fit.
    if (category === undefined) {
      if (intent === 'question' && isVague(whole, topicShare)) intent = 'vague';
      else if (intent !== 'question' && intent !== 'off_topic' && asksForHelp(text))
        intent = 'vague';
    }
    const ranking: KbMatch[] = scored.map(({ c, confidence }) => ({
      id: c.doc.id,
      title: titleFor(c.doc),
      score: round(confidence),
    }));
    // A question people already confirmed (give or take a typo or a greeting) gets what solved it.
    const recalled =
      intent === 'question' ? memory.match(whole.terms.map((t) => t.term)) : undefined;
    const recalledDoc = recalled && docById.get(recalled.articleId);
    const recalledMatch: KbMatch | undefined = recalledDoc && {
      id: recalledDoc.id,
      title: titleFor(recalledDoc),
      score: round(
        Math.max(recalled.similarity, ranking.find((r) => r.id === recalledDoc.id)?.score ?? 0),
      ),
    };
    const results: KbMatch[] = recalledMatch
      ? [recalledMatch, ...ranking.filter((r) => r.id !== recalledMatch.id)].slice(0, limit)
      : ranking;
    // Two articles within a hair of each other are offered side by side rather than one decided.
    const nearTie =
      features !== undefined && ranked.length > 1 && features.margin < model.thresholds.tie;
    // Within an area the person picked after a vague message, the message still says nothing of
    // the problem: the area's closest articles are offered, never one guessed as the answer.
    const vagueInArea =
      category !== undefined &&
      (whole.terms.length === 0 || isVague(whole, topicShare) || asksForHelp(text));
    if (vagueInArea && results.length === 0)
      categoryOf.forEach((c, p) => {
        const doc = index.docs[p];
        if (c === category && doc && results.length < MAX_SUGGESTIONS)
          results.push({ id: doc.id, title: titleFor(doc), score: 0 });
      });
    if (vagueInArea) intent = 'question';
    const answered =
      !vagueInArea &&
      (recalledMatch !== undefined ||
        (intent === 'question' && best !== undefined && best.confidence >= threshold && !nearTie));
    const offTopicArea = intent === 'off_topic' ? areaOf(whole) : undefined;
    const result: KbSearchResult = {
      query: text,
      intent,
      detectedLocale: whole.locale,
      answer: recalledMatch
        ? { id: recalledMatch.id, score: recalledMatch.score }
        : answered && best
          ? { id: best.c.doc.id, score: round(best.confidence) }
          : null,
      results,
      // When the best article is plausible but not sure, the right one is usually among the first
      // few (MRR@5 is far above top-1): those are offered; below it, nothing is.
      suggestions: vagueInArea
        ? results.slice(0, MAX_SUGGESTIONS)
        : intent === 'question' && !answered && best !== undefined && plausible
          ? results.slice(0, MAX_SUGGESTIONS)
          : [],
      ...(offTopicArea ? { offTopicArea } : {}),
      mode,
    };
    const featuresAt = (position: number) => confidenceFeatures(ranked, position, query, known);
    return { analysis, focus, query, ranked, features, featuresAt, result };
  };

  /** Small talk and empty messages need no vector: only questions are worth the model's time. */
  const vectorFor = async ({ focus, analysis }: ReturnType<typeof read>) =>
    semantic && analysis.terms.length > 0 ? semantic.embedQuery(focus) : undefined;
  const queryVector = (text: string) => vectorFor(read(text));

  // Let V8 compile the search paths now, so the first employees of the day do not pay for it.
  for (const a of kbArticles.slice(0, WARM_UP_ARTICLES))
    run(`${a.title} ${a.questions[0] ?? ''}`, 5);

  return {
    size: index.docs.length,
    mode: semantic ? 'semantic' : 'lexical',
    queryVector,
    async search(text, opts) {
      const reading = read(text);
      const vector = await vectorFor(reading);
      return run(text, opts?.limit ?? 5, vector, opts?.category, reading).result;
    },
    explain: (text, vector, opts) => run(text, 10, vector, opts?.category),
    areas: () => areas,
    article(id: string, locale: Locale): KbArticleView | undefined {
      const variants = byId.get(id);
      const a = variants?.find((v) => v.lang === locale) ?? variants?.[0];
      return (
        a && {
          id: a.id,
          lang: a.lang,
          title: a.title,
          summary: a.summary,
          details: a.details,
          category: a.category,
        }
      );
    },
  };
}

/**
 * What kind of message this is (the best article's plausibility matters only for foreign subjects):
 * - nothing but greetings, thanks or acks (or those plus a word or two and no IT object: "thanks,
 *   that fixed it") is small talk;
 * - a service-desk-foreign subject (salary, leave, parking...) is off topic when the message names no
 *   IT object and no plausible article deals with that subject.
 */
function classify(
  analysis: Analysis,
  topArticleHas: (term: string) => boolean,
  plausibleArticle: boolean,
): QueryIntent {
  const { terms, smallTalk } = analysis;
  const hasItObject = terms.some((t) => t.conceptKind === 'it');
  if (terms.length === 0) return smallTalk[0] ?? 'empty';
  if (smallTalk.length > 0 && !hasItObject && terms.length <= 2) return smallTalk[0] ?? 'empty';
  // With an IT object named, a foreign word is usually context ("music on YouTube", "expense app"):
  // the confidence decides. Without one, the subject is not ours unless an article both deals with
  // it and is a plausible match (a passing mention of "meeting room" in an article is not enough).
  const foreign = terms.filter((t) => t.conceptKind === 'offtopic');
  if (
    foreign.length &&
    !hasItObject &&
    (!plausibleArticle || foreign.some((t) => !topArticleHas(t.term)))
  )
    return 'off_topic';
  return 'question';
}

/** The area of the message's first off-topic term (its main subject, usually). */
function areaOf(analysis: Analysis): OffTopicArea {
  return analysis.terms.find((t) => t.offTopicArea)?.offTopicArea ?? 'general';
}

const WARM_UP_ARTICLES = 200;

/** Categories by the number of articles in them (language variants counted once). */
function countAreas(articles: readonly Article[]): KbArea[] {
  const ids = new Map<string, Set<string>>();
  for (const a of articles) {
    if (!a.category) continue;
    const set = ids.get(a.category) ?? new Set<string>();
    set.add(a.id);
    ids.set(a.category, set);
  }
  return [...ids]
    .map(([id, set]) => ({ id, articles: set.size }))
    .sort((a, b) => b.articles - a.articles || a.id.localeCompare(b.id));
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
