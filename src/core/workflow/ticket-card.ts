import { t } from '../i18n/translate';
import type { Locale } from '../locale';
import type { Action, Block, FormField, OutboundMessage } from '../messages';
import { fromUser, plain } from '../messages';
import { displayName } from '../people';
import { ACTIVE_STATUSES, type Level, type Ticket } from '../ticket';
import { AGENT_ACTIONS, allowedActions, type AgentAction } from './allowed-actions';
import { draftArticle, draftFormFields } from './draft-article';
import { encodePayload } from './payload';
import { formatTime, pingBlock } from './render';
import { fileLabel } from './file-messages';

/** Every agent button of a card, in the order shown; the card keeps those the rules allow. */
function agentButton(action: AgentAction, locale: Locale, payload: string, ticket: Ticket): Action {
  const textarea = (name: string, label: string): FormField => ({
    name,
    label,
    type: 'textarea',
    required: true,
  });
  switch (action) {
    case 'claim':
      return { id: 'claim', label: t(locale, 'btn_claim'), style: 'primary', payload };
    case 'escalate':
      return {
        id: 'escalate',
        label: t(locale, 'btn_escalate'),
        payload,
        form: [
          textarea('reason', t(locale, 'form_reason')),
          textarea('tried', t(locale, 'form_tried')),
        ],
      };
    case 'send_back':
      return {
        id: 'send_back',
        label: t(locale, 'btn_send_back'),
        payload,
        form: [textarea('note', t(locale, 'form_note'))],
      };
    case 'wait_requester':
      return { id: 'wait_requester', label: t(locale, 'btn_wait'), payload };
    case 'resolve':
      return {
        id: 'resolve',
        label: t(locale, 'btn_resolve'),
        style: 'primary',
        payload,
        form: [
          textarea('summary', t(locale, 'form_summary')),
          // Optional: naming the article teaches L0 this ticket's question (see l0-learning.ts).
          { name: 'article', label: t(locale, 'form_article'), type: 'text', required: false },
        ],
      };
    case 'draft_article':
      // Built from the ticket now: a channel opening the form later has only the button at hand.
      return {
        id: 'draft_article',
        label: t(locale, 'btn_draft_article'),
        payload,
        form: draftFormFields(draftArticle(ticket), locale),
      };
  }
}

function agentActions(ticket: Ticket, locale: Locale, level: Level): Action[] {
  const payload = encodePayload({ ticket: ticket.id, level });
  // Agent rules do not depend on the time; the requester's reopen window is not in play here.
  const rules = { now: ticket.updatedAt, reopenWindowHours: 0 };
  return allowedActions(ticket, { role: 'agent', level }, rules)
    .filter((a): a is AgentAction => (AGENT_ACTIONS as readonly string[]).includes(a))
    .map((action) => agentButton(action, locale, payload, ticket));
}

/** The digest of what happened so far, newest last, so a specialist needs no scrolling back. */
function digest(ticket: Ticket, locale: Locale, limit = 8): string {
  return ticket.transcript
    .filter((e) => !e.internal)
    .slice(-limit)
    .map((e) => {
      const files = (e.files ?? []).map((f) => ` 📎 ${fileLabel(f, locale)}`).join('');
      return `L${e.level} ${e.from === 'requester' ? displayName(ticket.requester) : e.user ? displayName(e.user) : 'Lapis'}: ${e.text}${files}`;
    })
    .join('\n');
}

/** The files of the ticket's conversation (not its internal notes), newest last: `error.png (12 KB)`. */
function filesOf(ticket: Ticket, locale: Locale, limit = 10): string {
  const files = ticket.transcript.filter((e) => !e.internal).flatMap((e) => e.files ?? []);
  const shown = files.slice(-limit).map((f) => fileLabel(f, locale));
  return (files.length > limit ? ['…', ...shown] : shown).join(', ');
}

/** The ticket card in a level's channel; re-rendered and updated in place on every change. */
export function ticketCard(
  ticket: Ticket,
  level: Level,
  locale: Locale,
  timeZone: string,
): OutboundMessage {
  const when = (d: Date) => formatTime(d, locale, timeZone);
  const l0 = ticket.l0.at(-1);
  const l0Text = l0?.articleId
    ? `${l0.articleTitle ?? l0.articleId}${l0.feedback === 'not_solved' ? ` (${t(locale, 'card_l0_feedback_not_solved')})` : ''}`
    : t(locale, 'card_l0_none');
  const sla = ticket.sla.pausedAt
    ? t(locale, 'card_sla_paused')
    : t(locale, 'card_sla_value', {
        firstResponse: ticket.sla.firstResponseAt ? '✓' : when(ticket.sla.firstResponseDue),
        resolution: when(ticket.sla.resolutionDue),
      });
  const files = filesOf(ticket, locale);
  const blocks: Block[] = [
    {
      kind: 'header',
      text: t(locale, 'card_title', {
        key: ticket.key,
        priority: ticket.priority,
        level: ticket.level,
      }),
    },
    { kind: 'text', spans: [plain(`${t(locale, 'card_question')}: `), fromUser(ticket.question)] },
    {
      kind: 'fields',
      fields: [
        { label: t(locale, 'card_requester'), value: fromUser(displayName(ticket.requester)) },
        {
          label: t(locale, 'card_status'),
          value: plain(`${t(locale, `status_${ticket.status}`)} · L${ticket.level}`),
        },
        {
          label: t(locale, 'card_owner'),
          value: ticket.assignee
            ? fromUser(displayName(ticket.assignee))
            : plain(t(locale, 'unassigned')),
        },
        {
          label: t(locale, 'card_category'),
          value: plain(t(locale, `category_${ticket.category}`)),
        },
        { label: t(locale, 'card_sla'), value: plain(sla) },
        { label: t(locale, 'card_l0'), value: plain(l0Text) },
        ...(ticket.followUpOf
          ? [{ label: t(locale, 'card_follow_up_of'), value: plain(ticket.followUpOf.key) }]
          : []),
        ...(files ? [{ label: t(locale, 'card_files'), value: fromUser(files) }] : []),
        // Why it closed: confirmed, cancelled, or a timer (no reply, resolution never confirmed).
        ...(ticket.closedReason && !ACTIVE_STATUSES.includes(ticket.status)
          ? [
              {
                label: t(locale, 'card_closed_reason'),
                value: plain(t(locale, `closed_reason_${ticket.closedReason}`)),
              },
            ]
          : []),
      ],
    },
  ];
  if (ticket.details)
    blocks.push({
      kind: 'text',
      spans: [plain(`${t(locale, 'card_details')}: `), fromUser(ticket.details)],
    });
  for (const e of ticket.escalations.filter((x) => x.to === level)) {
    blocks.push({
      kind: 'text',
      spans: [
        fromUser(t(locale, 'card_escalation', { from: e.from, reason: e.reason, tried: e.tried })),
      ],
    });
  }
  const conversation = digest(ticket, locale);
  if (level > 1 && conversation)
    blocks.push({
      kind: 'text',
      spans: [plain(`${t(locale, 'card_digest')}:\n`), fromUser(conversation)],
    });
  if (ticket.resolution)
    blocks.push({
      kind: 'text',
      spans: [plain(`${t(locale, 'card_resolution')}: `), fromUser(ticket.resolution.summary)],
    });
  const actions = agentActions(ticket, locale, level);
  if (actions.length) blocks.push({ kind: 'actions', actions });
  // The level's group is called while the escalated ticket waits for someone to take it.
  if (ticket.escalations.at(-1)?.to === level && ticket.level === level && ticket.status === 'open')
    blocks.push(pingBlock(level, locale));
  blocks.push({ kind: 'context', spans: [plain(t(locale, 'card_hint'))] });
  return { text: `${ticket.key}: ${ticket.question}`, blocks, locale };
}
