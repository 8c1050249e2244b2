/**
 * Fits L0's ranking, confidence and thresholds (src/kb/search/fitted-model.ts), for words alone and
 * with the semantic opinion, on the development sets:
 *   npm run bench:fit [-- --write]
 * Every choice is in FIT_DEFAULTS (bench/calibration-fit.ts); no held-out set is read or printed.
 * The in-sample figures printed are optimistic: the held-out figures are in bench:kb.
 */
import { shipFit } from './ship-fit';
import { calibrate, fitOnDevelopmentSets, outcomes, type ModeFit } from './calibration-fit';

async function main() {
  const fitted = await fitOnDevelopmentSets();
  const show = (name: string, fit: ModeFit) => {
    console.log(`\n== ${name}`);
    console.log(
      `ranking lambda ${fit.rankingLambda}, confidence lambda ${fit.confidenceLambda} (out-of-fold log loss ${fit.crossValidatedLogLoss.toFixed(4)})`,
    );
    console.log(JSON.stringify(fit.model, null, 1).replace(/\n\s*/g, ' '));
    const o = outcomes(
      fit.rows,
      (i) => calibrate(fit.rows[i]!.x, fit.model.confidence),
      fit.model.thresholds,
    );
    const inScope = fit.rows.filter((r) => r.expect !== null).length;
    console.log(
      `in-sample on ${fit.rows.length} questions (${inScope} in scope): right ${o.right}, wrong ${o.wrong}, ` +
        `reached by suggestions ${o.reachedBySuggestion}, out of scope answered ${o.oosAnswered}, offered ${o.oosOffered}`,
    );
  };
  show('words alone (lexical)', fitted.lexical);
  if (fitted.semantic) show('with the semantic opinion', fitted.semantic);
  else console.log('\nsemantic: the embedding model is not available (npm run setup:model)');
  if (process.argv.includes('--write')) console.log(`\nwritten to ${await shipFit(fitted)}`);
}

void main();
