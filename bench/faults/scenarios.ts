import type { ScenarioContext } from '../../test/support/faults/scenario-context';
import { cardRetry, type CardRetrySize } from '../../test/support/faults/scenarios/card-retry';
import { contestedClaims, type ClaimsSize } from '../../test/support/faults/scenarios/claims';
import { crash, type CrashSize } from '../../test/support/faults/scenarios/crash';
import { filesCrash, type FilesCrashSize } from '../../test/support/faults/scenarios/files-crash';
import { crashWindow } from '../../test/support/faults/scenarios/crash-window';
import {
  databaseDown,
  type DatabaseDownSize,
} from '../../test/support/faults/scenarios/database-down';
import { duplicates, type DuplicatesSize } from '../../test/support/faults/scenarios/duplicates';
import { overload, type OverloadSize } from '../../test/support/faults/scenarios/overload';
import { sigterm, type SigtermSize } from '../../test/support/faults/scenarios/sigterm';
import { twoBots, type TwoBotsSize } from '../../test/support/faults/scenarios/two-bots';
import {
  twoBotsTakeover,
  type TwoBotsTakeoverSize,
} from '../../test/support/faults/scenarios/two-bots-takeover';
import * as rows from './rows';
import type { Row } from './table';

/**
 * Every fault scenario at the bench's size (test/process runs the same code at small sizes). The
 * bot runs with its defaults (WORKER_CONCURRENCY 8, LEASE_SECONDS 10) unless a size says otherwise.
 */
const DUPLICATES: DuplicatesSize = { dms: 50, journeys: 50 };
const CLAIMS: ClaimsSize = { tickets: 20, agents: 20 };
const DOWN = { dmsPerSecond: 5, seconds: 16, journeys: 4, downAfterMs: 4000, downForMs: 6000 };
const FROZEN: DatabaseDownSize = { ...DOWN, mode: 'freeze' };
const RESTARTED: DatabaseDownSize = { ...DOWN, mode: 'restart' };
const CRASH: CrashSize = {
  tickets: 10,
  journeys: 40,
  relays: 200,
  relaysPerSecond: 20,
  killAt: 0.3,
  leaseSeconds: 10,
  concurrency: 8,
};
/** Screenshots up to 1 MB (4 GridFS chunks), downloads and uploads slowed a little. */
const FILES_CRASH: FilesCrashSize = {
  tickets: 8,
  messages: 60,
  messagesPerSecond: 6,
  killAt: 0.3,
  leaseSeconds: 10,
  concurrency: 8,
  maxFileBytes: 1_000_000,
  downloadDelayMs: 300,
  uploadDelayMs: 300,
};
const SIGTERM: SigtermSize = {
  perSecond: 100,
  beforeMs: 4000,
  afterMs: 2000,
  shutdownSeconds: 10,
  concurrency: 8,
};
const OVERLOAD: OverloadSize = {
  perSecond: 200,
  seconds: 20,
  retryDelayMs: 5000,
  deadlineMs: 900_000,
};
const TWO_BOTS: TwoBotsSize = { dms: 50, tickets: 10, agents: 10 };
const TAKEOVER: TwoBotsTakeoverSize = { dms: 200, perSecond: 200, slaTickets: 10, concurrency: 8 };
const CARD_RETRY: CardRetrySize = { tickets: 5, failuresPerCard: 3, messagesMeanwhile: 5 };

export interface Scenario {
  readonly name: string;
  run(ctx: ScenarioContext): Promise<Row[]>;
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'duplicates',
    run: async (ctx) => rows.duplicatesRows(DUPLICATES, await duplicates(ctx, DUPLICATES)),
  },
  {
    name: 'claims',
    run: async (ctx) => rows.claimsRows(CLAIMS, await contestedClaims(ctx, CLAIMS)),
  },
  {
    name: 'database-frozen',
    run: async (ctx) => rows.databaseDownRows(FROZEN, await databaseDown(ctx, FROZEN)),
  },
  {
    name: 'database-restart',
    run: async (ctx) => rows.databaseDownRows(RESTARTED, await databaseDown(ctx, RESTARTED)),
  },
  { name: 'crash', run: async (ctx) => rows.crashRows(await crash(ctx, CRASH)) },
  {
    name: 'files-crash',
    run: async (ctx) => rows.filesCrashRows(await filesCrash(ctx, FILES_CRASH)),
  },
  { name: 'crash-window', run: async (ctx) => rows.crashWindowRows(await crashWindow(ctx)) },
  { name: 'sigterm', run: async (ctx) => rows.sigtermRows(await sigterm(ctx, SIGTERM)) },
  {
    name: 'overload',
    run: async (ctx) => rows.overloadRows(OVERLOAD, await overload(ctx, OVERLOAD)),
  },
  {
    name: 'two-bots',
    run: async (ctx) => rows.twoBotsRows(TWO_BOTS, await twoBots(ctx, TWO_BOTS)),
  },
  {
    name: 'two-bots-takeover',
    run: async (ctx) => rows.twoBotsTakeoverRows(TAKEOVER, await twoBotsTakeover(ctx, TAKEOVER)),
  },
  {
    name: 'card-retry',
    run: async (ctx) => rows.cardRetryRows(CARD_RETRY, await cardRetry(ctx, CARD_RETRY)),
  },
];
