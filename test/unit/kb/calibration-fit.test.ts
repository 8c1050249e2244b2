import { fitOnDevelopmentSet } from '../../../bench/calibration-fit';
import { CALIBRATION } from '../../../src/kb/search/calibrate';

/** What ships is what `npm run bench:fit` gives with its defaults: no hand-tuned or stale weights. */
describe('the confidence model', () => {
  it('is exactly the fit of the development set', () => {
    expect(fitOnDevelopmentSet()).toEqual(CALIBRATION);
  }, 120_000);
});
