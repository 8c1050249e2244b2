import { cardRetry, type CardRetrySize } from './card-retry';
import { contestedClaims, type ClaimsSize } from './claims';
import { crash, type CrashSize } from './crash';
import { crashWindow } from './crash-window';
import { databaseDown, type DatabaseDownSize } from './database-down';
import { duplicates, type DuplicatesSize } from './duplicates';
import { overload, type OverloadSize } from './overload';
import { sigterm, type SigtermSize } from './sigterm';
import { twoBots, type TwoBotsSize } from './two-bots';
import { twoBotsTakeover, type TwoBotsTakeoverSize } from './two-bots-takeover';
import type { Row, ScenarioContext } from './types';

/** Every scenario with its two sizes: `full` for the bench, `small` for the jest tests (test/process). */
export type SizeName = 'full' | 'small';
type Sizes<S> = Readonly<Record<SizeName, S>>;

const DOWN_FULL = { dmsPerSecond: 5, seconds: 16, journeys: 4, downAfterMs: 4000, downForMs: 6000 };
const DOWN_SMALL = { dmsPerSecond: 3, seconds: 6, journeys: 1, downAfterMs: 1500, downForMs: 3000 };

export const SIZES = {
  duplicates: {
    full: { dms: 50, journeys: 50 },
    small: { dms: 4, journeys: 2 },
  } satisfies Sizes<DuplicatesSize>,
  claims: {
    full: { tickets: 20, agents: 20 },
    small: { tickets: 2, agents: 3 },
  } satisfies Sizes<ClaimsSize>,
  databaseFrozen: {
    full: { ...DOWN_FULL, mode: 'freeze' },
    small: { ...DOWN_SMALL, mode: 'freeze' },
  } satisfies Sizes<DatabaseDownSize>,
  databaseRestart: {
    full: { ...DOWN_FULL, mode: 'restart' },
    small: { ...DOWN_SMALL, mode: 'restart' },
  } satisfies Sizes<DatabaseDownSize>,
  crash: {
    full: {
      tickets: 10,
      journeys: 40,
      relays: 200,
      relaysPerSecond: 20,
      killAt: 0.3,
      leaseSeconds: 10,
    },
    small: { tickets: 2, journeys: 2, relays: 8, relaysPerSecond: 8, killAt: 0.4, leaseSeconds: 2 },
  } satisfies Sizes<CrashSize>,
  sigterm: {
    full: { perSecond: 100, beforeMs: 4000, afterMs: 2000, shutdownSeconds: 10 },
    small: { perSecond: 20, beforeMs: 1500, afterMs: 1000, shutdownSeconds: 3 },
  } satisfies Sizes<SigtermSize>,
  overload: {
    full: { perSecond: 200, seconds: 20, retryDelayMs: 5000, deadlineMs: 900_000, rssLimitMb: 300 },
    small: {
      perSecond: 40,
      seconds: 1,
      maxBacklog: 5,
      retryDelayMs: 1000,
      deadlineMs: 60_000,
      // The jest run starts the bot through tsx, which holds its compiler in memory (idle ~230 MB
      // against ~165 MB for the build that the full-size bench measures against 300 MB).
      rssLimitMb: 400,
    },
  } satisfies Sizes<OverloadSize>,
  twoBots: {
    full: { dms: 50, tickets: 10, agents: 10 },
    small: { dms: 4, tickets: 2, agents: 3 },
  } satisfies Sizes<TwoBotsSize>,
  twoBotsTakeover: {
    full: { dms: 200, perSecond: 200, slaTickets: 10 },
    small: { dms: 30, perSecond: 100, slaTickets: 2 },
  } satisfies Sizes<TwoBotsTakeoverSize>,
  cardRetry: {
    full: { tickets: 5, failuresPerCard: 3, messagesMeanwhile: 5 },
    small: { tickets: 1, failuresPerCard: 2, messagesMeanwhile: 2 },
  } satisfies Sizes<CardRetrySize>,
} as const;

export interface Scenario {
  readonly name: string;
  run(ctx: ScenarioContext, size: SizeName): Promise<Row[]>;
}

const scenario = <S>(
  name: string,
  run: (ctx: ScenarioContext, size: S) => Promise<Row[]>,
  sizes: Sizes<S>,
) => ({ name, run: (ctx: ScenarioContext, size: SizeName) => run(ctx, sizes[size]) }) as Scenario;

export const SCENARIOS: readonly Scenario[] = [
  scenario('duplicates', duplicates, SIZES.duplicates),
  scenario('claims', contestedClaims, SIZES.claims),
  scenario('database-frozen', databaseDown, SIZES.databaseFrozen),
  scenario('database-restart', databaseDown, SIZES.databaseRestart),
  scenario('crash', crash, SIZES.crash),
  scenario('crash-window', crashWindow, { full: undefined, small: undefined }),
  scenario('sigterm', sigterm, SIZES.sigterm),
  scenario('overload', overload, SIZES.overload),
  scenario('two-bots', twoBots, SIZES.twoBots),
  scenario('two-bots-takeover', twoBotsTakeover, SIZES.twoBotsTakeover),
  scenario('card-retry', cardRetry, SIZES.cardRetry),
];
