import { FIT_DEFAULTS, fitOnDevelopmentSet, foldOf, SIGNS } from '../../../bench/calibration-fit';
import { CALIBRATION, THRESHOLDS } from '../../../src/kb/search/calibrate';

/** What ships is what `npm run bench:fit` gives with its defaults: no hand-tuned or stale values. */
describe('the confidence model', () => {
  const fitted = fitOnDevelopmentSet();

  it('is exactly the fit of the development set, thresholds included', () => {
    expect(fitted.model).toEqual(CALIBRATION);
    expect(fitted.thresholds).toEqual(THRESHOLDS);
  });

  it('keeps every weight to the sign that makes sense', () => {
    for (const [feature, sign] of Object.entries(SIGNS))
      expect(CALIBRATION[feature as keyof typeof SIGNS] * sign).toBeGreaterThanOrEqual(0);
  });

  it('cross-validates with every query of an article in one fold', () => {
    const rows = ['a', 'b', 'a', null, 'c', 'b', null].map((expect) => ({ expect }));
    const folds = foldOf(rows, FIT_DEFAULTS.folds);
    expect(folds[0]).toBe(folds[2]);
    expect(folds[1]).toBe(folds[5]);
    expect(new Set(folds).size).toBeGreaterThan(1);
  });
});
