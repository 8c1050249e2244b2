import type { Measured } from './proc';
import type { Settings } from './settings';

/**
 * What every phase gets: the settings, the database and a log. Its own module, below the phases and
 * their helpers (context.ts, dm-load.ts, ladder.ts), so that none of them has to import another to
 * name it.
 */
export interface BenchContext {
  readonly settings: Settings;
  readonly mongoUri: string;
  /** FerretDB when the bench runs it; undefined with MONGODB_URI. */
  readonly db: Measured | undefined;
  readonly log: (line: string) => void;
}
