/** Scoring of one system on one labelled set: the figures of a row of the bench's tables. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { QueryIntent } from '../../src/core/ports/knowledge-base';

export interface Labelled {
  readonly query: string;
  readonly expect: string | null;
  readonly kind: string;
}

export interface Outcome {
  readonly answer: string | null;
  /** The system's ranking, best first (at least 5 when it has them). */
  readonly ranked: readonly string[];
  /** "Is it one of these?" (Lapis); baselines offer their top-3 instead, see `reachTop3`. */
  readonly suggestions: readonly string[];
  /** Lapis only: how it read the message. */
  readonly intent?: QueryIntent;
  /** Lapis only: the answer's confidence. */
  readonly confidence?: number;
}

export interface System {
  readonly name: string;
  /** Baselines: reach = the expected article among their first 3 results. */
  readonly reachTop3: boolean;
  /** Whether the system has intents (vague handled % is n/a otherwise). */
  readonly intents: boolean;
  readonly run: (query: string) => Promise<Outcome>;
}

export interface Figures {
  readonly system: string;
  readonly n: number;
  readonly answerable: number;
  readonly outOfScope: number;
  readonly right: number;
  readonly wrong: number;
  readonly none: number;
  readonly reach: number;
  readonly oosAnswered: number | null;
  readonly oosOffered: number | null;
  readonly mrr: number;
  /** Right share of the answerable items whose kind starts with 'long'; null when there are none. */
  readonly longRight: number | null;
  readonly longN: number;
  /** Share of the 'vague' items read as vague (a clarifying question); null for baselines or none. */
  readonly vagueHandled: number | null;
  readonly vagueN: number;
  readonly p50: number;
  readonly p99: number;
}

/** One answered question: its confidence and whether it was the expected article. */
export interface Answered {
  readonly confidence: number;
  readonly right: boolean;
}

const root = path.resolve(__dirname, '../..');

export function readSet(file: string): Labelled[] {
  return readFileSync(path.join(root, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Labelled);
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Quality from one pass; timing from ROUNDS passes after a warm-up, for a steady-state p99. */
export const ROUNDS = 3;

export async function evaluate(
  system: System,
  set: readonly Labelled[],
): Promise<{ figures: Figures; answered: Answered[] }> {
  for (const item of set.slice(0, 20)) await system.run(item.query);
  const times: number[] = [];
  const timed = async (q: string) => {
    const t = performance.now();
    const out = await system.run(q);
    times.push(performance.now() - t);
    return out;
  };
  for (let round = 1; round < ROUNDS; round++) for (const item of set) await timed(item.query);
  let right = 0;
  let wrong = 0;
  let reach = 0;
  let oosAnswered = 0;
  let oosOffered = 0;
  let rr = 0;
  let longN = 0;
  let longRight = 0;
  let vagueN = 0;
  let vagueHandled = 0;
  const answered: Answered[] = [];
  for (const item of set) {
    const out = await timed(item.query);
    if (out.answer !== null)
      answered.push({ confidence: out.confidence ?? NaN, right: out.answer === item.expect });
    if (item.kind === 'vague') {
      vagueN++;
      if (out.intent === 'vague') vagueHandled++;
    }
    if (item.expect === null) {
      if (out.answer !== null) oosAnswered++;
      if (out.answer !== null || out.suggestions.length) oosOffered++;
      continue;
    }
    const isRight = out.answer === item.expect;
    if (isRight) right++;
    else if (out.answer !== null) wrong++;
    const offered = system.reachTop3
      ? out.ranked.slice(0, 3).includes(item.expect)
      : out.answer === null && out.suggestions.includes(item.expect);
    if (isRight || offered) reach++;
    if (item.kind.startsWith('long')) {
      longN++;
      if (isRight) longRight++;
    }
    const rank = out.ranked.slice(0, 5).indexOf(item.expect);
    if (rank >= 0) rr += 1 / (rank + 1);
  }
  const answerable = set.filter((x) => x.expect !== null).length;
  const outOfScope = set.length - answerable;
  const n = Math.max(1, answerable);
  return {
    figures: {
      system: system.name,
      n: set.length,
      answerable,
      outOfScope,
      right: right / n,
      wrong: wrong / n,
      none: (answerable - right - wrong) / n,
      reach: reach / n,
      oosAnswered: outOfScope ? oosAnswered / outOfScope : null,
      oosOffered: outOfScope ? oosOffered / outOfScope : null,
      mrr: rr / n,
      longRight: longN ? longRight / longN : null,
      longN,
      vagueHandled: system.intents && vagueN ? vagueHandled / vagueN : null,
      vagueN,
      p50: percentile(times, 50),
      p99: percentile(times, 99),
    },
    answered,
  };
}

export interface Band {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly right: number | null;
  readonly meanConfidence: number | null;
}

export const BANDS: readonly (readonly [number, number])[] = [
  [0, 0.5],
  [0.5, 0.7],
  [0.7, 0.8],
  [0.8, 0.9],
  [0.9, 0.95],
  [0.95, 1.000001],
];

/** Answers by confidence band: how often an answer of that confidence was the right article. */
export function calibration(answered: readonly Answered[]): Band[] {
  return BANDS.map(([from, to]) => {
    const inBand = answered.filter((a) => a.confidence >= from && a.confidence < to);
    return {
      from,
      to: Math.min(1, to),
      count: inBand.length,
      right: inBand.length ? inBand.filter((a) => a.right).length / inBand.length : null,
      meanConfidence: inBand.length
        ? inBand.reduce((s, a) => s + a.confidence, 0) / inBand.length
        : null,
    };
  });
}

export const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
export const ms = (x: number | undefined) => (x === undefined ? 'n/a' : x.toFixed(2));
