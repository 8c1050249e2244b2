/**
 * Fits the confidence model and thresholds (src/kb/search/calibrate.ts) on the development set:
 *   npm run bench:fit [-- --write]
 * Every choice is in FIT_DEFAULTS (bench/calibration-fit.ts); no held-out set is read or printed.
 * It prints the cross-validation, the values to ship as CALIBRATION and THRESHOLDS, and what they
 * give on the development set (in-sample, so optimistic: the held-out figures are in bench:kb).
 */
import { shipFit } from './ship-fit';
import { FIT_DEFAULTS, fitOnDevelopmentSet, outcomes, rows, readSet } from './calibration-fit';

const fitted = fitOnDevelopmentSet();
console.log('cross-validation grouped by article (mean log loss, out of fold):');
for (const cv of fitted.crossValidation)
  console.log(
    `  lambda ${String(cv.lambda).padEnd(7)} ${cv.logLoss.toFixed(4)}${cv.lambda === fitted.lambda ? '  <- chosen' : ''}`,
  );
console.log('\nCALIBRATION =', JSON.stringify(fitted.model, null, 2));
console.log('THRESHOLDS =', JSON.stringify(fitted.thresholds));

const data = rows(FIT_DEFAULTS.kbDir, FIT_DEFAULTS.setFile);
const items = readSet(FIT_DEFAULTS.setFile);
const inScope = items.filter((i) => i.expect !== null).length;
const oos = items.length - inScope;
const o = outcomes(data, () => fitted.model, fitted.thresholds);
const pct = (x: number, of: number) => `${((100 * x) / Math.max(1, of)).toFixed(1)}%`;
console.log(`\ndevelopment set, in-sample (${inScope} in scope, ${oos} out of scope):`);
console.log(`  answered right ${pct(o.right, inScope)}, wrong ${pct(o.wrong, inScope)}`);
console.log(
  `  reach (right, or right among suggestions) ${pct(o.right + o.reachedBySuggestion, inScope)}`,
);
console.log(
  `  out of scope answered ${pct(o.oosAnswered, oos)}, offered something ${pct(o.oosOffered, oos)}`,
);

if (process.argv.includes('--write')) console.log(`\nwritten to ${shipFit(fitted)}`);
