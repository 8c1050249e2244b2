/**
 * Written by `npm run bench:fit -- --write` (bench/calibration-fit.ts) from the development sets;
 * a unit test fails when this is not what the fit's defaults give. Do not edit by hand.
 */
export const FITTED = {
  lexical: {
    ranking: {
      lexical: 0.72,
      phrasing: 9.33,
      fuzzy: 1.54,
      semanticGap: 0,
      semanticLift: 0,
    },
    confidence: {
      bias: -2.38,
      lexical: 1.72,
      phrasing: 0,
      fuzzy: 0,
      margin: 0.42,
      coverage: 1.39,
      unknown: -2.76,
      task: 1.42,
      object: 0.42,
      semantic: 0,
      semanticMargin: 0,
      agree: 0,
    },
    thresholds: {
      answer: 0.7,
      suggest: 0.37,
      tie: 0.25,
    },
  },
  semantic: {
    ranking: {
      lexical: 1.87,
      phrasing: 5.95,
      fuzzy: 0,
      semanticGap: 96.8,
      semanticLift: 28.1,
    },
    confidence: {
      bias: -22.97,
      lexical: 2.3,
      phrasing: 0,
      fuzzy: 0,
      margin: 0.26,
      coverage: 0.6,
      unknown: -1.41,
      task: 1.02,
      object: 0.28,
      semantic: 23.54,
      semanticMargin: 0,
      agree: 0.88,
    },
    thresholds: {
      answer: 0.6,
      suggest: 0.16,
      tie: 1,
    },
  },
} as const;
