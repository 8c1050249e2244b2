/**
 * Fits the confidence model (src/kb/search/calibrate.ts) on the labelled development set:
 *   npm run bench:fit
 * A logistic regression of "the best-ranked article is the right answer" on the ranking features,
 * with L2 regularisation so a few hundred queries cannot be memorised. It prints the coefficients to
 * paste into CALIBRATION, and the answer rates at a range of thresholds on the development set and on
 * the held-out set (which is never fitted on: it is there to show whether the model generalises).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledgeBase } from '../src/kb/load-kb';
import { calibrate, type ConfidenceFeatures } from '../src/kb/search/calibrate';
import { createKnowledgeBase } from '../src/kb/search/create-knowledge-base';

type Model = Record<keyof ConfidenceFeatures | 'bias', number>;
interface Row {
  readonly x: ConfidenceFeatures;
  readonly y: 0 | 1;
  readonly expect: string | null;
  readonly top: string;
  readonly intentOk: boolean;
}

const root = path.resolve(__dirname, '..');
const readSet = (file: string) =>
  readFileSync(path.join(root, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { query: string; expect: string | null });

function rows(kbDir: string, setFile: string): Row[] {
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

function fit(
  data: readonly Row[],
  lambda = Number(process.env.LAMBDA ?? 0.002),
  iterations = 100000,
  rate = 2,
): Model {
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

function report(
  name: string,
  data: readonly Row[],
  model: Model,
  totalInScope: number,
  totalOos: number,
) {
  console.log(`\n${name}`);
  console.log('threshold  top-1   wrong   oos-answered');
  for (const t of [0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8]) {
    let correct = 0;
    let wrong = 0;
    let oos = 0;
    for (const r of data) {
      if (!r.intentOk || calibrate(r.x, model) < t) continue;
      if (r.expect === null) oos++;
      else if (r.top === r.expect) correct++;
      else wrong++;
    }
    console.log(
      `${t.toFixed(2).padStart(9)}  ${pct(correct / totalInScope)}  ${pct(wrong / totalInScope)}  ${pct(oos / totalOos)}`,
    );
  }
}
const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);

const dev = rows('kb', 'test/fixtures/kb-devset.jsonl');
const held = rows('test/fixtures/kb-heldout', 'test/fixtures/kb-heldout-queries.jsonl');
const model = fit(dev.filter((r) => r.intentOk));
const rounded = Object.fromEntries(
  Object.entries(model).map(([k, v]) => [k, Math.round(v * 100) / 100]),
);
console.log('CALIBRATION =', JSON.stringify(rounded, null, 2));
const count = (set: string) => {
  const items = readSet(set);
  return [
    items.filter((i) => i.expect !== null).length,
    items.filter((i) => i.expect === null).length,
  ] as const;
};
report('development set (fitted on)', dev, model, ...count('test/fixtures/kb-devset.jsonl'));
report(
  'held-out set (never fitted on)',
  held,
  model,
  ...count('test/fixtures/kb-heldout-queries.jsonl'),
);
