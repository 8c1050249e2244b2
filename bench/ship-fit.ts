/**
 * Writes the fitted models into src/kb/search/fitted-model.ts:
 *   npm run bench:fit -- --write
 * (the unit test test/unit/kb/calibration-fit.test.ts fails until what ships is the fit again).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'prettier';
import type { FitResult } from './calibration-fit';

export async function shipFit(fitted: FitResult): Promise<string> {
  if (!fitted.semantic)
    throw new Error(
      'the embedding model is not available here: run npm run setup:model, then fit again',
    );
  const file = path.resolve(__dirname, '../src/kb/search/fitted-model.ts');
  const body = JSON.stringify(
    { lexical: fitted.lexical.model, semantic: fitted.semantic.model },
    null,
    2,
  );
  const source =
    `/**\n * Written by \`npm run bench:fit -- --write\` (bench/calibration-fit.ts) from the development sets;\n` +
    ` * a unit test fails when this is not what the fit's defaults give. Do not edit by hand.\n */\n` +
    `export const FITTED = ${body} as const;\n`;
  // Written as prettier would, so format:check stays clean after a refit.
  writeFileSync(file, await format(source, { filepath: file }));
  return file;
}
