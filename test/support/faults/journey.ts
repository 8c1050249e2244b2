import type { SlackApiStub, SlackCall } from '../slack-api-stub';
import { findButton, type FoundButton } from '../slack-calls';
import type { SlackResponse } from '../slack-requests';
import type { Employee } from './cast';
import {
  deliver,
  freshId,
  freshTs,
  type Delivery,
  type RetryPolicy,
  type Users,
} from './slack-user';
import { pollUntil } from './wait';

/**
 * An employee opening a ticket through a running bot, as in Slack: a question in the DM, "Still need
 * help" when an article was offered, the ticket form button, the modal submitted. Every request can be
 * delivered several times (Slack's retries and duplicates) and is retried until acknowledged; a step
 * whose result does not show up is done again as a person would (a fresh press).
 */
export interface JourneyOptions {
  readonly stub: SlackApiStub;
  readonly users: Users;
  /** The bot URL for the n-th request of the journey (several bots share the work). */
  readonly url: (n: number) => string;
  /** Deliveries of each request at once (1, or 4 to play duplicates). */
  readonly copies?: number;
  readonly policy: RetryPolicy;
  /** How long a step's visible result (worked from the inbox) is awaited. */
  readonly stepTimeoutMs: number;
  readonly question?: string;
}

export interface JourneyResult {
  readonly employee: Employee;
  /** The modal submission was acknowledged: a ticket is owed. */
  readonly acked: boolean;
  /** The question was acknowledged: an answer in the DM is owed, even if the journey gave up. */
  readonly questionAcked: boolean;
  /** Presses made again because the first showed nothing (see waitModal). */
  readonly represses: number;
  readonly failure?: string;
}

/** Journeys whose acknowledged question never got any answer in the DM (check once settled). */
export function unansweredQuestions(stub: SlackApiStub, results: readonly JourneyResult[]) {
  const answered = new Set(stub.ok('chat.postMessage').map((c) => String(c.args.channel)));
  return results.filter((r) => r.questionAcked && !answered.has(r.employee.dm));
}

export const JOURNEY_FORM = { category: 'hardware', impact: 'me', urgency: 'low' };

/** Delivers `copies` of one request at once; the copies are Slack retries (retry numbers 1, 2, ...). */
export async function deliverCopies(
  send: (retryNum?: number) => Promise<SlackResponse>,
  copies: number,
  policy: RetryPolicy,
): Promise<Delivery> {
  const all = await Promise.all(
    Array.from({ length: copies }, (_, k) =>
      deliver((n) => send(k + (n ?? 0) || undefined), policy),
    ),
  );
  return all.find((d) => d.acked) ?? all[0]!;
}

export function buttonIn(stub: SlackApiStub, action: string, channel: string) {
  try {
    return findButton(stub.calls, action, channel);
  } catch {
    return undefined;
  }
}

/** `beforeSubmit` runs once the modal is open (a test sets the stage for the submission there). */
export async function openTicketJourney(
  employee: Employee,
  o: JourneyOptions,
  beforeSubmit?: () => Promise<void>,
): Promise<JourneyResult> {
  let n = 0;
  const copies = o.copies ?? 1;
  let questionAcked = false;
  let represses = 0;
  const fail = (failure: string): JourneyResult => ({
    employee,
    acked: false,
    questionAcked,
    represses,
    failure,
  });
  const pressUntil = async <T>(
    button: FoundButton,
    result: (triggerId: string) => Promise<T | undefined>,
  ) => {
    const { seen, attempts } = await pressAgainUntil(o, employee, button, n++, result);
    represses += Math.max(0, attempts - 1);
    return seen;
  };
  const question = o.question ?? 'my laptop battery drains very fast';
  const asked = await deliverCopies(
    o.users.dm(o.url(n++), employee, question, freshId('Ev'), freshTs()),
    copies,
    o.policy,
  );
  if (!asked.acked) return fail('question not acknowledged');
  questionAcked = true;
  // An article comes with "Still need help"; no confident answer comes with the form button.
  let form = await waitButton(o, ['ticket_form', 'l0_need_help'], employee.dm);
  if (!form) return fail('no answer to the question');
  if (form.actionId.startsWith('lapis:l0_need_help:')) {
    const help = form;
    const pressed = await pressUntil(help, () => waitButton(o, ['ticket_form'], employee.dm));
    if (!pressed) return fail('no ticket form after "still need help"');
    form = pressed;
  }
  const opened = await pressUntil(form, (triggerId) => waitModal(o, triggerId));
  if (!opened) return fail('the form did not open');
  await beforeSubmit?.();
  const submitted = await deliverCopies(
    o.users.submit(o.url(n++), employee, opened, JOURNEY_FORM),
    copies,
    o.policy,
  );
  return submitted.acked
    ? { employee, acked: true, questionAcked, represses }
    : fail('submission not acknowledged');
}

/** Presses (in copies) until `result` shows up; a person presses again (a new press) up to 3 times. */
async function pressAgainUntil<T>(
  o: JourneyOptions,
  who: Employee,
  button: FoundButton,
  n: number,
  result: (triggerId: string) => Promise<T | undefined>,
): Promise<{ seen: T | undefined; attempts: number }> {
  let attempts = 0;
  while (attempts < 3) {
    attempts += 1;
    const triggerId = freshId('trig.');
    const press = o.users.press(o.url(n + attempts), who, button, freshTs(), triggerId);
    const sent = await deliverCopies(press, o.copies ?? 1, o.policy);
    if (!sent.acked) continue;
    const seen = await result(triggerId);
    if (seen) return { seen, attempts };
  }
  return { seen: undefined, attempts };
}

async function waitButton(
  o: JourneyOptions,
  actions: readonly string[],
  channel: string,
): Promise<FoundButton | undefined> {
  let found: FoundButton | undefined;
  const look = () => actions.map((a) => buttonIn(o.stub, a, channel)).find(Boolean);
  await pollUntil(() => Boolean((found = look())), o.stepTimeoutMs);
  return found;
}

/**
 * The modal is opened before the press is acknowledged, so a short wait suffices; none means the
 * press was taken as a duplicate of one whose process died before opening it: press again.
 */
const MODAL_WAIT_MS = 5000;

async function waitModal(o: JourneyOptions, triggerId: string): Promise<SlackCall | undefined> {
  let found: SlackCall | undefined;
  const match = (c: SlackCall) =>
    c.method === 'views.open' && c.response.ok === true && c.args.trigger_id === triggerId;
  await pollUntil(() => Boolean((found = o.stub.calls.find(match))), MODAL_WAIT_MS);
  return found;
}
