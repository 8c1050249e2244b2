/**
 * The fit of the confidence model (src/kb/search/calibrate.ts) on the labelled development set: a
 * logistic regression of "the best-ranked article is the right answer" on the ranking features, with
 * L2 regularisation so a few hundred queries cannot be memorised. `npm run bench:fit` prints it; a unit
 * test checks that its defaults give exactly the CALIBRATION that ships.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledgeBase } from '../src/kb/load-kb';
import { calibrate, type ConfidenceFeatures } from '../src/kb/search/calibrate';
import { createKnowledgeBase } from '../src/kb/search/create-knowledge-base';

export type Model = Record<keyof ConfidenceFeatures | 'bias', number>;
export interface Row {
  readonly x: ConfidenceFeatures;
  readonly y: 0 | 1;
  readonly expect: string | null;
  readonly top: string;
  readonly intentOk: boolean;
}

const root = path.resolve(__dirname, '..');
export const readSet = (file: string) =>
  readFileSync(path.join(root, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { query: string; expect: string | null });

export function rows(kbDir: string, setFile: string): Row[] {
  const kb = createKnowledgeBase(loadKnowledgeBase(path.join(root, kbDir)));
  return readSet(setFile).flatMap((item) => {
    const e = kb.explain(item.query);
    const top = e.ranked[0];
    if (!top || !e.features) return [];
    return [
      {
        x: e.features,
        y: top.doc.id === item.expect ? 1 : 0,
        expect: item.expect,
        top: top.doc.id,
        intentOk: e.result.intent === 'question',
      },
    ];
  });
}

export function fit(data: readonly Row[], lambda = 0.002, iterations = 100000, rate = 2): Model {
  const keys = Object.keys(data[0]?.x ?? {}) as (keyof ConfidenceFeatures)[];
  const model = Object.fromEntries([['bias', 0], ...keys.map((k) => [k, 0])]) as Model;
  for (let it = 0; it < iterations; it++) {
    const grad = Object.fromEntries([['bias', 0], ...keys.map((k) => [k, 0])]) as Model;
    for (const r of data) {
      const err = calibrate(r.x, model) - r.y;
      grad.bias += err;
      for (const k of keys) grad[k] += err * r.x[k];
    }
    model.bias -= (rate * grad.bias) / data.length;
    for (const k of keys) model[k] -= rate * (grad[k] / data.length + lambda * model[k]);
  }
  return model;
}

/** The model fitted on the development set only (the held-out set is never read here), rounded as shipped. */
export function fitOnDevelopmentSet(lambda?: number): Model {
  const dev = rows('kb', 'test/fixtures/kb-devset.jsonl');
  const model = fit(
    dev.filter((r) => r.intentOk),
    lambda,
  );
  return Object.fromEntries(
    Object.entries(model).map(([k, v]) => [k, Math.round(v * 100) / 100]),
  ) as Model;
}
