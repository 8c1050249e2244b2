import type { types as slack } from '@slack/bolt';
import { t } from '../../core/i18n/translate';
import type { Locale } from '../../core/locale';
import { fromUser, plain, type Block, type OutboundMessage } from '../../core/messages';
import { displayName, type UserRef } from '../../core/people';
import type { AgentDirectory } from '../../core/ports/agent-directory';
import type { TicketViews } from '../../core/inbound';
import { LEVELS, type Level, type Ticket } from '../../core/ticket';
import { truncate } from '../../core/text/truncate';
import { renderMessage } from './slack-blocks';
import { label } from './slack-labels';

const MINE = 10;
const QUEUE = 10; // with MINE, headings and three levels, within Block Kit's 50 blocks

function ticketLine(ticket: Ticket, locale: Locale, withOwner: boolean): Block {
  const owner = ticket.assignee
    ? t(locale, 'assigned_to', { agent: displayName(ticket.assignee) })
    : t(locale, 'unassigned');
  const facts = [ticket.priority, `L${ticket.level}`, t(locale, `status_${ticket.status}`)];
  if (withOwner) facts.push(owner);
  return {
    kind: 'text',
    spans: [
      { text: ticket.key, bold: true },
      plain(` · ${facts.join(' · ')}\n`),
      fromUser(truncate(ticket.question.replace(/\s+/g, ' '), 200)),
    ],
  };
}

function section(
  title: string,
  lines: Block[],
  empty: string,
  more: number,
  locale: Locale,
): Block[] {
  return [
    { kind: 'text', spans: [{ text: title, bold: true }] },
    ...(lines.length ? lines : [{ kind: 'context' as const, spans: [plain(empty)] }]),
    ...(more > 0
      ? [{ kind: 'context' as const, spans: [plain(label(locale, 'home_more', { count: more }))] }]
      : []),
  ];
}

/** The Home tab: the person's own tickets and, for agents, the active queue of each of their levels. */
export async function homeView(options: {
  user: UserRef;
  /** The core's views; undefined until the channel is attached to the helpdesk. */
  tickets: TicketViews | undefined;
  agents: AgentDirectory;
  defaultLocale: Locale;
  /** AGENT_LOCALE: the language of an agent's Home, queues and all. */
  agentLocale: Locale;
}): Promise<slack.HomeView> {
  const { user, tickets } = options;
  const mine = tickets ? await tickets.myTickets(user) : [];
  const levels: Level[] = [];
  for (const level of LEVELS) if (await options.agents.isAgent(user, level)) levels.push(level);
  // One language for the whole tab: the agents' for an agent, else the person's latest ticket's.
  const locale = levels.length ? options.agentLocale : (mine[0]?.locale ?? options.defaultLocale);
  const blocks: Block[] = [
    { kind: 'header', text: `Lapis · ${label(locale, 'home_title')}` },
    { kind: 'context', spans: [plain(label(locale, 'home_intro'))] },
    ...section(
      label(locale, 'home_mine'),
      mine.slice(0, MINE).map((x) => ticketLine(x, locale, true)),
      t(locale, 'my_tickets_none'),
      mine.length - MINE,
      locale,
    ),
  ];
  for (const level of levels) {
    if (!tickets) continue;
    const queue = await tickets.levelQueue(level);
    blocks.push(
      ...section(
        label(locale, 'home_queue', { level }),
        queue.slice(0, QUEUE).map((x) => ticketLine(x, locale, true)),
        label(locale, 'home_queue_empty'),
        queue.length - QUEUE,
        locale,
      ),
    );
  }
  const message: OutboundMessage = { text: label(locale, 'home_title'), blocks };
  return { type: 'home', blocks: renderMessage(message, { 1: [], 2: [], 3: [] }).blocks };
}
