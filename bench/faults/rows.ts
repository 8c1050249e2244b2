import { OVERLOAD_RSS_ADDED_MB } from '../../test/support/faults/bounds';
import type {
  CardRetryOutcome,
  CardRetrySize,
} from '../../test/support/faults/scenarios/card-retry';
import type { ClaimsOutcome, ClaimsSize } from '../../test/support/faults/scenarios/claims';
import type { CrashOutcome } from '../../test/support/faults/scenarios/crash';
import type { FilesCrashOutcome } from '../../test/support/faults/scenarios/files-crash';
import type { CrashWindowOutcome } from '../../test/support/faults/scenarios/crash-window';
import type {
  DatabaseDownOutcome,
  DatabaseDownSize,
} from '../../test/support/faults/scenarios/database-down';
import {
  COPIES,
  type DuplicatesOutcome,
  type DuplicatesSize,
} from '../../test/support/faults/scenarios/duplicates';
import type { OverloadOutcome, OverloadSize } from '../../test/support/faults/scenarios/overload';
import type { SigtermOutcome } from '../../test/support/faults/scenarios/sigterm';
import type { TwoBotsOutcome, TwoBotsSize } from '../../test/support/faults/scenarios/two-bots';
import type {
  TwoBotsTakeoverOutcome,
  TwoBotsTakeoverSize,
} from '../../test/support/faults/scenarios/two-bots-takeover';
import { above, atMost, exact, holds, type Row } from './table';

/**
 * Each scenario's figures as rows of the table, each held to its bound: the same expectations as
 * the scenario's test in test/process, at the bench's sizes.
 */
const REPOSTS = 'posts in flight: WORKER_CONCURRENCY';

export function duplicatesRows(size: DuplicatesSize, o: DuplicatesOutcome): Row[] {
  const j = size.journeys;
  return [
    exact(
      `duplicates: DMs x${COPIES} -> answered once`,
      size.dms * COPIES,
      size.dms,
      o.dmsAnsweredOnce,
    ),
    exact(`duplicates: journeys x${COPIES} -> tickets`, j, j, o.tickets),
    exact(`duplicates: journeys x${COPIES} -> L1 cards`, j, j, o.cards),
    exact(`duplicates: form presses x${COPIES} -> modals`, j * COPIES, j, o.modals),
  ];
}

export function claimsRows(size: ClaimsSize, o: ClaimsOutcome): Row[] {
  const presses = size.tickets * size.agents;
  const claims = `claims: ${size.tickets} tickets x ${size.agents} agents`;
  return [
    exact(`${claims}: presses acknowledged`, presses, presses, o.acked),
    exact(`${claims}: tickets with one owner`, presses, size.tickets, o.ticketsWithOneOwner),
    exact(`${claims}: refusals audited`, presses, presses - size.tickets, o.refusals),
  ];
}

export function databaseDownRows(size: DatabaseDownSize, o: DatabaseDownOutcome): Row[] {
  const db = size.mode === 'freeze' ? 'db frozen (SIGSTOP)' : 'db stopped and restarted';
  const { dms, journeys } = o;
  return [
    above(`${db}: DMs refused (5xx) at least once`, dms.sent, 0, dms.refusedOnce, 'felt'),
    exact(`${db}: DMs acknowledged in the end (Slack retries)`, dms.sent, dms.sent, dms.acked),
    exact(`${db}: acknowledged DMs answered`, dms.sent, dms.acked, dms.ackedAnswered),
    exact(`${db}: DMs answered twice`, dms.sent, 0, dms.answeredTwice),
    exact(`${db}: acknowledged questions never answered`, journeys.sent, 0, journeys.unanswered),
    exact(
      `${db}: acknowledged journeys -> tickets`,
      journeys.sent,
      journeys.acked,
      journeys.withTicket,
    ),
    exact(`${db}: tickets without an L1 card`, o.tickets, 0, o.ticketsWithoutCard),
  ];
}

export function crashRows(o: CrashOutcome): Row[] {
  const { journeys: j, relays: r } = o;
  return [
    above('crash: work items pending at the kill', '-', 0, o.pendingAtKill),
    above(
      'crash: relays sent while down -> refused, then retried',
      r.sentWhileDown,
      0,
      r.refusedWhileDown,
    ),
    exact('crash: journeys acknowledged', j.sent, j.sent, j.acked),
    exact('crash: acknowledged questions never answered', j.sent, 0, j.unanswered),
    exact('crash: acknowledged journeys -> ticket with card', j.acked, j.acked, j.withCard),
    atMost(
      'crash: presses made again (no modal)',
      j.sent,
      o.pressAgainBound,
      j.pressedAgain,
      'journeys under way',
    ),
    exact('crash: relays acknowledged', r.sent, r.sent, r.acked),
    exact('crash: acknowledged relays in the transcript', r.acked, r.acked, r.inTranscript),
    exact('crash: acknowledged relays posted', r.acked, r.acked, r.posted),
    atMost('crash: relays posted twice', r.acked, o.repostBound, r.postedTwice, REPOSTS),
  ];
}

export function filesCrashRows(o: FilesCrashOutcome): Row[] {
  const { atKill, messages: m, files: f, store: s } = o;
  const at = (what: string) => `files crash: ${what}`;
  return [
    above(
      at(`file messages in hand at the kill (files downloaded again: ${f.downloadedAgain})`),
      '-',
      0,
      atKill.fileMessagesInHand,
    ),
    above(
      at(`uploads in hand at the kill (uploads cut: ${f.uploadsCut})`),
      '-',
      0,
      atKill.uploadsInHand,
    ),
    above(
      at('messages sent while down -> refused, then retried'),
      m.sentWhileDown,
      0,
      m.refusedWhileDown,
    ),
    exact(at('messages acknowledged'), m.sent, m.sent, m.acked),
    exact(at(`files acknowledged (${mb(f.bytes)} MB)`), f.sent, f.sent, f.acked),
    exact(
      at('acknowledged files uploaded to the other side, same sha-256'),
      f.acked,
      f.acked,
      f.uploaded,
    ),
    exact(at('uploads with other bytes'), f.acked, 0, f.uploadedOtherBytes),
    exact(at('acknowledged files in the transcript'), f.acked, f.acked, f.inTranscript),
    exact(at('acknowledged files lost'), f.acked, 0, f.lost),
    exact(at('acknowledged captions posted'), m.withCaption, m.withCaption, m.captionsPosted),
    atMost(
      at(`uploaded twice (${f.uploadedTwice}) + captions posted twice`),
      f.acked + m.withCaption,
      o.repostBound,
      f.uploadedTwice + m.captionsPostedTwice,
      REPOSTS,
    ),
    exact(at('files in the store (GridFS)'), f.acked, f.acked, s.files),
    exact(at('kept whole, read back with the same sha-256'), f.acked, f.acked, s.keptIntact),
    exact(at('stray chunks (a cut write left behind)'), f.acked, 0, s.strayChunks),
    exact(at('work items given up'), '-', 0, o.givenUp),
  ];
}

const mb = (bytes: number) => (bytes / 1_000_000).toFixed(1);

export function crashWindowRows(o: CrashWindowOutcome): Row[] {
  return [
    exact(
      'crash window: submission after an interrupted session write -> ticket',
      o.submissionAcked ? 1 : 0,
      1,
      o.ticketsMade,
    ),
    exact(
      'crash window: Claim after an interrupted ticket write -> owner',
      o.claimAcked ? 1 : 0,
      1,
      o.owned,
    ),
    exact('crash window: that Claim refused to the agent meanwhile', 1, 0, o.refusalsShown),
  ];
}

export function sigtermRows(o: SigtermOutcome): Row[] {
  return [
    exact('sigterm: exit code', o.sent, 0, o.exitCode ?? -1),
    atMost(
      'sigterm: ms from SIGTERM to exit',
      o.sent,
      o.exitLimitMs,
      o.exitMs,
      'SHUTDOWN_SECONDS + 1 s',
    ),
    above('sigterm: DMs sent once stopping', o.sent, 0, o.sentAfterStopping),
    exact(
      'sigterm: ... of them refused (503 or no connection)',
      o.sentAfterStopping,
      o.sentAfterStopping,
      o.refusedAfterStopping,
    ),
    exact(
      'sigterm: acknowledged DMs answered (by the next bot)',
      o.acked,
      o.acked,
      o.ackedAnswered,
    ),
    atMost('sigterm: DMs answered twice', o.acked, o.repostBound, o.answeredTwice, REPOSTS),
  ];
}

export function overloadRows(size: OverloadSize, o: OverloadOutcome): Row[] {
  const deadline = size.deadlineMs / 1000;
  return [
    above('overload: DMs refused with 503 (then retried)', o.sent, 0, o.refused503),
    exact('overload: DMs acknowledged in the end', o.sent, o.sent, o.acked),
    exact('overload: DMs answered', o.sent, o.sent, o.answered),
    exact('overload: DMs answered twice', o.sent, 0, o.answeredTwice),
    atMost('overload: seconds until all answered', o.sent, deadline, o.seconds),
    atMost(
      `overload: bot RSS added, MB (idle ${o.idleRssMb}, max ${o.maxRssMb})`,
      o.sent,
      OVERLOAD_RSS_ADDED_MB,
      o.maxRssMb - o.idleRssMb,
    ),
  ];
}

export function twoBotsRows(size: TwoBotsSize, o: TwoBotsOutcome): Row[] {
  const presses = size.tickets * size.agents;
  return [
    exact('two bots: same DM to both -> answered once', size.dms * 2, size.dms, o.dmsAnsweredOnce),
    exact('two bots: alternating journeys -> tickets', size.tickets, size.tickets, o.tickets),
    exact('two bots: alternating journeys -> L1 cards', size.tickets, size.tickets, o.cards),
    exact('two bots: tickets with one owner', presses, size.tickets, o.ticketsWithOneOwner),
    exact('two bots: refusals audited', presses, presses - size.tickets, o.refusals),
  ];
}

export function twoBotsTakeoverRows(size: TwoBotsTakeoverSize, o: TwoBotsTakeoverOutcome): Row[] {
  const { dms, sla } = o;
  const killed = 'two bots, one killed';
  const sweeping = `two bots sweeping SLAs, ${sla.tickets} unclaimed tickets`;
  return [
    exact(`${killed}: DMs acknowledged (before the kill)`, size.dms, size.dms, dms.acked),
    above(
      `${killed}: answers by the survivor after the kill`,
      dms.acked,
      0,
      dms.answeredAfterKill,
      'held at the kill',
    ),
    exact(`${killed}: acknowledged DMs answered`, dms.acked, dms.acked, dms.ackedAnswered),
    atMost(`${killed}: DMs answered twice`, dms.acked, o.repostBound, dms.answeredTwice, REPOSTS),
    exact(
      `${sweeping}: warnings + breaches in the threads`,
      sla.tickets,
      2 * sla.tickets,
      sla.threadMessages,
    ),
    exact(
      `${sweeping}: tickets with one warning and one breach`,
      sla.tickets,
      sla.tickets,
      sla.ticketsWithOneWarningAndOneBreach,
    ),
    exact(`${sweeping}: SLA events audited`, sla.tickets, 2 * sla.tickets, sla.auditedEvents),
  ];
}

export function cardRetryRows(size: CardRetrySize, o: CardRetryOutcome): Row[] {
  const t = size.tickets;
  const refusals = t * size.failuresPerCard;
  return [
    holds('card retry: the employee wrote before a card was up', '-', o.writtenBeforeCard),
    exact('card retry: card posts refused by Slack', refusals, refusals, o.refusedCards),
    exact('card retry: cards posted', t, t, o.cards),
    exact('card retry: tickets with their card recorded', t, t, o.ticketsWithCard),
    exact(
      'card retry: tickets whose replies follow the card, in order',
      t * size.messagesMeanwhile,
      t,
      o.repliesInOrder,
    ),
  ];
}
