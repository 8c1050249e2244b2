import { t } from '../i18n/translate';
import type { Locale } from '../locale';
import type { Action, Block, FormField, OutboundMessage } from '../messages';
import { fromUser, plain } from '../messages';
import type { KbArticleView } from '../ports/knowledge-base';
import { displayName } from '../people';
import type { Level, Ticket } from '../ticket';
import { CATEGORIES } from '../ticket';
import { AGENT_ACTIONS, allowedActions } from './allowed-actions';
import { encodePayload } from './payload';

type AgentAction = (typeof AGENT_ACTIONS)[number];

/** A message of plain bot text. */
export function say(text: string): OutboundMessage {
  return { text, blocks: [{ kind: 'text', spans: [plain(text)] }] };
}

export function formatTime(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/**
 * Article steps as chat text: headings become plain lines and emphasis markers go, so every channel
 * shows them cleanly whatever Markdown dialect it speaks (Slack's is not CommonMark).
 */
export function chatText(markdown: string): string {
  return markdown
    .replace(/^#{1,6}\s+(.*)$/gm, '$1')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function answerMessage(
  article: KbArticleView,
  locale: Locale,
  sessionVersion: number,
  articleUrl?: (id: string, lang: Locale) => string,
): OutboundMessage {
  const payload = encodePayload({ session: sessionVersion, lang: locale });
  return {
    text: `${article.title}: ${article.summary}`,
    blocks: [
      { kind: 'context', spans: [plain(t(locale, 'answer_intro'))] },
      { kind: 'header', text: article.title },
      { kind: 'text', spans: [plain(article.summary)] },
      ...(article.details
        ? [{ kind: 'text' as const, spans: [plain(chatText(article.details))] }]
        : []),
      {
        kind: 'context',
        spans: [
          plain(
            t(locale, 'answer_more', {
              title: articleUrl
                ? articleUrl(article.id, article.lang)
                : `${article.title} (${article.id})`,
            }),
          ),
        ],
      },
      { kind: 'text', spans: [plain(t(locale, 'answer_question'))] },
      {
        kind: 'actions',
        actions: [
          { id: 'l0_solved', label: t(locale, 'btn_solved'), style: 'primary', payload },
          { id: 'l0_need_help', label: t(locale, 'btn_need_help'), payload },
        ],
      },
    ],
  };
}

export function ticketFormFields(locale: Locale): FormField[] {
  return [
    {
      name: 'category',
      label: t(locale, 'form_category'),
      type: 'select',
      required: true,
      options: CATEGORIES.map((c) => ({ value: c, label: t(locale, `category_${c}`) })),
    },
    {
      name: 'impact',
      label: t(locale, 'form_impact'),
      type: 'select',
      required: true,
      options: (['me', 'team', 'many'] as const).map((v) => ({
        value: v,
        label: t(locale, `impact_${v}`),
      })),
    },
    {
      name: 'urgency',
      label: t(locale, 'form_urgency'),
      type: 'select',
      required: true,
      options: (['blocked', 'degraded', 'low'] as const).map((v) => ({
        value: v,
        label: t(locale, `urgency_${v}`),
      })),
    },
    { name: 'details', label: t(locale, 'form_details'), type: 'textarea', required: false },
  ];
}

export function ticketFormMessage(
  locale: Locale,
  intro: string,
  sessionVersion: number,
): OutboundMessage {
  return {
    text: intro,
    blocks: [
      { kind: 'text', spans: [plain(intro)] },
      {
        kind: 'actions',
        actions: [
          {
            id: 'ticket_form',
            label: t(locale, 'btn_open_ticket'),
            style: 'primary',
            payload: encodePayload({ session: sessionVersion, lang: locale }),
            form: ticketFormFields(locale),
          },
        ],
      },
    ],
  };
}

/** Every agent button of a card, in the order shown; the card keeps those the rules allow. */
function agentButton(action: AgentAction, locale: Locale, payload: string): Action {
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
        form: [textarea('summary', t(locale, 'form_summary'))],
      };
  }
}

function agentActions(ticket: Ticket, locale: Locale, level: Level): Action[] {
  const payload = encodePayload({ ticket: ticket.id, level });
  // Agent rules do not depend on the time; the requester's reopen window is not in play here.
  const rules = { now: ticket.updatedAt, reopenWindowHours: 0 };
  return allowedActions(ticket, { role: 'agent', level }, rules)
    .filter((a): a is AgentAction => (AGENT_ACTIONS as readonly string[]).includes(a))
    .map((action) => agentButton(action, locale, payload));
}

/** The digest of what happened so far, newest last, so a specialist needs no scrolling back. */
function digest(ticket: Ticket, limit = 8): string {
  return ticket.transcript
    .filter((e) => !e.internal)
    .slice(-limit)
    .map(
      (e) =>
        `L${e.level} ${e.from === 'requester' ? displayName(ticket.requester) : e.user ? displayName(e.user) : 'bot'}: ${e.text}`,
    )
    .join('\n');
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
  const conversation = digest(ticket);
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
    blocks.push({ kind: 'ping', level });
  blocks.push({ kind: 'context', spans: [plain(t(locale, 'card_hint'))] });
  return { text: `${ticket.key}: ${ticket.question}`, blocks };
}

export function resolvedMessage(ticket: Ticket, locale: Locale): OutboundMessage {
  const payload = encodePayload({ ticket: ticket.id });
  const agent = ticket.resolution?.by ? displayName(ticket.resolution.by) : 'IT';
  const text = t(locale, 'resolved_requester', {
    key: ticket.key,
    agent,
    summary: ticket.resolution?.summary ?? '',
  });
  return {
    text,
    blocks: [
      {
        kind: 'text',
        spans: [
          plain(
            t(locale, 'resolved_requester', { key: ticket.key, agent, summary: '' }).split(
              '\n',
            )[0] ?? '',
          ),
          fromUser(ticket.resolution?.summary ?? ''),
        ],
      },
      {
        kind: 'actions',
        actions: [
          { id: 'confirm_resolved', label: t(locale, 'btn_confirm'), style: 'primary', payload },
          {
            id: 'reopen',
            label: t(locale, 'btn_reopen'),
            payload,
            // The form is the confirmation, and tells the agent what is still wrong.
            form: [
              {
                name: 'problem',
                label: t(locale, 'form_reopen_reason'),
                type: 'textarea',
                required: true,
              },
            ],
          },
        ],
      },
      ...csatBlocks(ticket, locale),
    ],
  };
}

export function csatBlocks(ticket: Ticket, locale: Locale): Block[] {
  return [
    { kind: 'text', spans: [plain(t(locale, 'csat_question', { key: ticket.key }))] },
    {
      kind: 'actions',
      actions: [1, 2, 3, 4, 5].map((score) => ({
        id: 'csat' as const,
        label: String(score),
        payload: encodePayload({ ticket: ticket.id, score }),
      })),
    },
  ];
}
