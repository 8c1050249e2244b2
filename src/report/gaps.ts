import type { ReportDraft, ReportOutcome } from './report-input';
import type { Report } from './report-types';

/**
 * Knowledge gaps: the questions L0 could not settle (no answer, suggestions none of which was
 * picked, an answer marked "still need help"), grouped greedily by the overlap of their terms
 * (Jaccard >= 0.5 with a group's first question). Bounded: only the latest MAX_QUESTIONS are
 * grouped, each compared only with groups sharing a term (at most MAX_POSTINGS a term).
 */
export const MAX_QUESTIONS = 5000;
const MAX_POSTINGS = 100;
const MAX_TERMS = 30;
const SIMILAR = 0.5;
const TOP_GROUPS = 20;
const EXAMPLES = 3;

type Group = Report['gaps']['groups'][number];
interface Building {
  readonly seed: ReadonlySet<string>;
  readonly examples: string[];
  readonly languages: Partial<Record<'en' | 'id', number>>;
  count: number;
  readonly order: number;
}

const STOP = new Set(
  'the and for not can cannot how what why when does doesn with this that from have has was are you your my me our please help need still yang dan di ke dari saya aku tidak tak bisa cara gimana bagaimana tolong mau ada apa kenapa sudah belum ini itu dengan untuk nya buat gak nggak enggak kok dong sih nih kalau jadi lagi juga atau minta mohon bantu'.split(
    ' ',
  ),
);

/** Lower-case words of 3+ letters without accents or common function words (English, Indonesian). */
export function plainTerms(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !STOP.has(w));
}

/**
 * The questions of the period L0 left unsettled, latest first. A suggestion counts as picked when
 * the same person picked one for the same question before asking anything else.
 */
export function unsettledQuestions(outcomes: readonly ReportOutcome[]): ReportOutcome[] {
  const inOrder = [...outcomes].sort((a, b) => a.at.getTime() - b.at.getTime());
  const pending = new Map<string, ReportOutcome>();
  const picked = new Set<ReportOutcome>();
  for (const o of inOrder) {
    const user = `${o.user.platform}:${o.user.id}`;
    if (o.kind === 'answered' || o.kind === 'no_answer') pending.delete(user);
    else if (o.kind === 'suggested') pending.set(user, o);
    else if (o.kind === 'suggestion_picked') {
      const offered = pending.get(user);
      if (offered && offered.question === o.question) picked.add(offered);
      pending.delete(user);
    }
  }
  return inOrder
    .filter(
      (o) =>
        o.kind === 'no_answer' ||
        o.kind === 'not_solved' ||
        (o.kind === 'suggested' && !picked.has(o)),
    )
    .reverse();
}

export function groupGaps(
  questions: readonly ReportOutcome[],
  drafts: readonly ReportDraft[],
  termsOf: (text: string) => readonly string[] = plainTerms,
): Group[] {
  const groups: Building[] = [];
  const postings = new Map<string, number[]>();
  const exact = new Map<string, number>();
  for (const q of questions.slice(0, MAX_QUESTIONS)) {
    const terms = [...new Set(termsOf(q.question))].slice(0, MAX_TERMS);
    const found = terms.length
      ? closest(terms, groups, postings)
      : exact.get(q.question.trim().toLowerCase());
    const group = found === undefined ? undefined : groups[found];
    if (group) {
      group.count += 1;
      if (group.examples.length < EXAMPLES && !group.examples.includes(q.question))
        group.examples.push(q.question);
      group.languages[q.locale] = (group.languages[q.locale] ?? 0) + 1;
      continue;
    }
    const id = groups.length;
    groups.push({
      seed: new Set(terms),
      examples: [q.question],
      languages: { [q.locale]: 1 },
      count: 1,
      order: id,
    });
    if (!terms.length) exact.set(q.question.trim().toLowerCase(), id);
    for (const term of terms) postings.set(term, [...(postings.get(term) ?? []), id]);
  }
  const waiting = drafts.filter((d) => d.status !== 'exported');
  return groups
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .slice(0, TOP_GROUPS)
    .map((g) => ({
      count: g.count,
      languages: g.languages,
      examples: g.examples,
      drafts: waiting
        .filter((d) =>
          [d.title, ...(d.questions ?? [])].some(
            (text) => similarity(g.seed, new Set(termsOf(text))) >= SIMILAR,
          ),
        )
        .map((d) => d.id),
    }));
}

/** The group most like these terms (Jaccard with its seed, at least SIMILAR), if any. */
function closest(
  terms: readonly string[],
  groups: readonly Building[],
  postings: ReadonlyMap<string, readonly number[]>,
): number | undefined {
  const shared = new Map<number, number>();
  for (const term of terms)
    for (const id of (postings.get(term) ?? []).slice(0, MAX_POSTINGS))
      shared.set(id, (shared.get(id) ?? 0) + 1);
  let best: number | undefined;
  let bestScore = SIMILAR;
  for (const [id, n] of shared) {
    const seed = groups[id]?.seed;
    if (!seed) continue;
    const score = n / (seed.size + terms.length - n);
    if (score >= bestScore && (best === undefined || score > bestScore || id < best)) {
      best = id;
      bestScore = score;
    }
  }
  return best;
}

function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  let n = 0;
  for (const x of b) if (a.has(x)) n += 1;
  return n / (a.size + b.size - n);
}
