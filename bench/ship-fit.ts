/**
 * Writes the fitted CALIBRATION and THRESHOLDS into src/kb/search/calibrate.ts:
 *   npm run bench:fit -- --write
 * (the unit test test/unit/kb/calibration-fit.test.ts fails until what ships is the fit again).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FitResult } from './calibration-fit';

export function shipFit(fitted: FitResult): string {
  const file = path.resolve(__dirname, '../src/kb/search/calibrate.ts');
  const source = readFileSync(file, 'utf8');
  const model = Object.entries(fitted.model)
    .map(([k, v]) => `  ${k}: ${v},`)
    .join('\n');
  const next = source
    .replace(/export const CALIBRATION = \{[^}]*\}/, `export const CALIBRATION = {\n${model}\n}`)
    .replace(
      /export const THRESHOLDS = \{[^}]*\}/,
      `export const THRESHOLDS = { answer: ${fitted.thresholds.answer}, suggest: ${fitted.thresholds.suggest} }`,
    );
  writeFileSync(file, next);
  return file;
}
