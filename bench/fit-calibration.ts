/**
 * Fits the confidence model (src/kb/search/calibrate.ts) on the labelled development set:
 *   npm run bench:fit
 * A logistic regression of "the best-ranked article is the right answer" on the ranking features,
 * with L2 regularisation so a few hundred queries cannot be memorised. It prints the coefficients to
 * paste into CALIBRATION, and the answer rates at a range of thresholds on the development set and on
 * the held-out set (which is never fitted on: it is there to show whether the model generalises).
 */
import { calibrate } from '../src/kb/search/calibrate';
import { fitOnDevelopmentSet, readSet, rows, type Model, type Row } from './calibration-fit';

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

const model = fitOnDevelopmentSet(process.env.LAMBDA ? Number(process.env.LAMBDA) : undefined);
console.log('CALIBRATION =', JSON.stringify(model, null, 2));
const dev = rows('kb', 'test/fixtures/kb-devset.jsonl');
// Read only now, after the fit: it shows whether the model generalises.
const held = rows('test/fixtures/kb-heldout', 'test/fixtures/kb-heldout-queries.jsonl');
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
