import { t } from '../i18n/translate';
import type { Locale } from '../locale';
import type { Action, Block, OutboundMessage } from '../messages';
import { fromUser, plain } from '../messages';
import { displayName } from '../people';
import { isActive, type Ticket } from '../ticket';
import { offeredToRequester } from './allowed-actions';
import { encodePayload } from './payload';

const line = (text: string): Block => ({ kind: 'context', spans: [plain(text)] });

/**
 * The requester's message about a resolution. Sent with Yes / Reopen and the 1-5 rating (as far as
 * allowed-actions.ts offers them to the requester: the one rule of who may press what); updated in
 * place after each press with the ticket as it is `now`: the buttons it still takes, and for the
 * others what became of them (closed, reopened, the score, or `decided`, such as a follow-up opened).
 * The summary is `resolved`'s: a reopened ticket no longer has one.
 */
export function resolvedMessage(
  resolved: Ticket,
  locale: Locale,
  now: Ticket = resolved,
  decided?: string,
): OutboundMessage {
  const key = resolved.key;
  const agent = resolved.resolution?.by ? displayName(resolved.resolution.by) : 'IT';
  const summary = resolved.resolution?.summary ?? '';
  const lines = [decided ?? decisionLine(now, locale), ratingLine(now, locale)].filter(
    (x): x is string => x !== undefined,
  );
  const text = [t(locale, 'resolved_requester', { key, agent, summary }), ...lines].join('\n');
  const intro = t(locale, 'resolved_requester', { key, agent, summary: '' }).split('\n')[0] ?? '';
  return {
    text,
    locale,
    blocks: [
      { kind: 'text', spans: [plain(intro), fromUser(summary)] },
      ...decisionBlocks(now, locale, decided),
      ...csatBlocks(now, locale),
    ],
  };
}

/** What became of "is it working for you?" once it is not waiting for an answer any more. */
function decisionLine(now: Ticket, locale: Locale): string | undefined {
  if (now.status === 'closed') return t(locale, 'chosen_confirmed');
  if (isActive(now)) return t(locale, 'chosen_reopened');
  const followUp = followUpSinceResolved(now);
  if (followUp) return t(locale, 'chosen_follow_up', { key: followUp });
  return undefined;
}

/** The follow-up opened from this resolution (a reopen asked too late), if any: it stays answered. */
function followUpSinceResolved(ticket: Ticket): string | undefined {
  const resolvedAt = ticket.resolution?.at.getTime() ?? 0;
  const entry = ticket.audit.findLast((a) => a.action === 'followed_up');
  const key = entry && entry.at.getTime() >= resolvedAt ? entry.detail?.ticket : undefined;
  return typeof key === 'string' ? key : undefined;
}

function ratingLine(now: Ticket, locale: Locale): string | undefined {
  return now.csat ? t(locale, 'chosen_rated', { score: now.csat.score }) : undefined;
}

function decisionBlocks(now: Ticket, locale: Locale, decided: string | undefined): Block[] {
  if (decided !== undefined) return [line(decided)];
  const offered = offeredToRequester(now).filter(
    (action) => action === 'confirm_resolved' || action === 'reopen',
  );
  // A follow-up opened from this resolution answered the question: it is not asked again.
  if (!offered.length || followUpSinceResolved(now)) {
    const said = decisionLine(now, locale);
    return said ? [line(said)] : [];
  }
  // The language rides along, so a channel opens the reopen form in it (a Slack modal's Cancel).
  const payload = encodePayload({ ticket: now.id, lang: locale });
  return [
    { kind: 'actions', actions: offered.map((action) => decisionButton(action, locale, payload)) },
  ];
}

function decisionButton(
  action: 'confirm_resolved' | 'reopen',
  locale: Locale,
  payload: string,
): Action {
  if (action === 'confirm_resolved')
    return { id: action, label: t(locale, 'btn_confirm'), style: 'primary', payload };
  return {
    id: action,
    label: t(locale, 'btn_reopen'),
    payload,
    // The form is the confirmation, and tells the agent what is still wrong.
    form: [
      { name: 'problem', label: t(locale, 'form_reopen_reason'), type: 'textarea', required: true },
    ],
  };
}

/** The rating, asked while the requester may give it (resolved or closed, not rated); then its score. */
export function csatBlocks(ticket: Ticket, locale: Locale): Block[] {
  if (ticket.csat) return [line(t(locale, 'chosen_rated', { score: ticket.csat.score }))];
  if (!offeredToRequester(ticket).includes('csat')) return [];
  return [
    { kind: 'text', spans: [plain(t(locale, 'csat_question', { key: ticket.key }))] },
    {
      kind: 'actions',
      actions: [1, 2, 3, 4, 5].map((score) => ({
        id: 'csat' as const,
        label: String(score),
        payload: encodePayload({ ticket: ticket.id, score, lang: locale }),
      })),
    },
  ];
}
