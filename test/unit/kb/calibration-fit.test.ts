import {
  fitOnDevelopmentSets,
  foldOf,
  FIT_DEFAULTS,
  SIGNS,
  type FitResult,
} from '../../../bench/calibration-fit';
import { MODELS } from '../../../src/kb/search/calibrate';

/** What ships is what `npm run bench:fit` gives with its defaults: no hand-tuned or stale values. */
describe('the ranking and confidence models', () => {
  let fitted: FitResult;
  beforeAll(async () => {
    fitted = await fitOnDevelopmentSets();
  }, 240_000);

  it('are exactly the fit of the development sets, for words alone', () => {
    expect(fitted.lexical.model).toEqual(MODELS.lexical);
  });

  it('are exactly the fit of the development sets, with the semantic opinion', () => {
    // setup:test installs the model; without it this mode cannot be fitted, and that is a failure.
    expect(fitted.semantic?.model).toEqual(MODELS.semantic);
  });

  it('keep every confidence weight to the sign that makes sense, and rank by positive evidence', () => {
    for (const mode of ['lexical', 'semantic'] as const) {
      for (const [feature, sign] of Object.entries(SIGNS))
        expect(
          MODELS[mode].confidence[feature as keyof typeof SIGNS] * sign,
        ).toBeGreaterThanOrEqual(0);
      for (const weight of Object.values(MODELS[mode].ranking))
        expect(weight).toBeGreaterThanOrEqual(0);
    }
  });

  it('cross-validate with every query of an article in one fold', () => {
    const rows = ['a', 'b', 'a', null, 'c', 'b', null].map((expect) => ({ expect }));
    const folds = foldOf(rows, FIT_DEFAULTS.folds);
    expect(folds[0]).toBe(folds[2]);
    expect(folds[1]).toBe(folds[5]);
    expect(new Set(folds).size).toBeGreaterThan(1);
  });
});
