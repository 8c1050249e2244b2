import { t } from '../i18n/translate';
import type { Inbound } from '../inbound';
import { fromUser, plain } from '../messages';
import { displayName } from '../people';
import { isActive, LEVELS, type Level, type Ticket } from '../ticket';
import { say } from './render';
import type { Uses } from './runtime';
import { agentReplied } from './ticket-transitions';
import { keepFiles, type KeepFilesDeps } from './keep-files';
import { filesToRequester } from './relay-files';

type ThreadMessage = Extract<Inbound, { kind: 'thread_message' }>;

/**
 * The note/relay rule: in a ticket thread, a message from an agent of the ticket's current level is
 * sent to the requester, and the thread shows a visible "sent to" marker under it. A message starting
 * with `//` or `note:` is an internal note and is never sent. Anything else (someone who is not an
 * agent of that level, an old level's thread, a closed ticket) stays in the thread, and the author is
 * told so privately.
 */
const NOTE_PREFIX = /^\s*(\/\/|note:)\s*/i;

export function isInternalNote(text: string): boolean {
  return NOTE_PREFIX.test(text);
}

function levelOfThread(ticket: Ticket, threadId: string): Level | undefined {
  return LEVELS.find((level) => ticket.threads[`L${level}`]?.threadId === threadId);
}

/** What createAgentFlow uses of the runtime. */
export type AgentFlowDeps = Uses<
  | 'tickets'
  | 'agents'
  | 'clock'
  | 'ctx'
  | 'mutate'
  | 'refreshCards'
  | 'tellRequester'
  | 'tellThread'
  | 'whisper',
  'agentLocale'
> &
  KeepFilesDeps;

export function createAgentFlow(rt: AgentFlowDeps) {
  const locale = rt.config.agentLocale;

  return {
    async handle(e: ThreadMessage): Promise<void> {
      const ticket = await rt.tickets.getByThread(e.thread.platform, e.thread.threadId);
      const text = e.text.trim();
      if (!ticket || (!text && !e.files?.length)) return;
      // Fetched and kept before the ticket is changed, so a redo fetches and stores nothing again.
      const files = e.files?.length
        ? await keepFiles(rt, e.user, e.files, locale, (m) =>
            rt.whisper(e.user, { thread: e.thread }, m),
          )
        : [];
      if (!text && !files.length) return;
      const attached = files.length ? { files } : {};
      const level = levelOfThread(ticket, e.thread.threadId) ?? ticket.level;
      const note = isInternalNote(text);
      const isAgent = await rt.agents.isAgent(e.user, level);
      const keepInternal = async (why?: string) => {
        const entry = {
          at: rt.clock.now(),
          from: 'agent' as const,
          user: e.user,
          text: text.replace(NOTE_PREFIX, ''),
          level,
          internal: true,
          ...attached,
        };
        await rt.mutate(ticket.id, (x) => agentReplied(x, rt.ctx(e.user), entry));
        if (why) rt.whisper(e.user, { thread: e.thread }, say(why));
      };

      if (note) return keepInternal(t(locale, 'note_marker'));
      if (!isAgent) return keepInternal(t(locale, 'not_relayed_not_agent', { level }));
      if (level !== ticket.level)
        return keepInternal(
          t(locale, 'not_relayed_old_level', { key: ticket.key, level: ticket.level }),
        );
      if (!isActive(ticket))
        return keepInternal(
          t(locale, 'not_relayed_closed', {
            key: ticket.key,
            status: t(locale, `status_${ticket.status}`),
          }),
        );

      const entry = {
        at: rt.clock.now(),
        from: 'agent' as const,
        user: e.user,
        text,
        level,
        internal: false,
        ...attached,
      };
      const { before, after, replayed } = await rt.mutate(ticket.id, (x) =>
        agentReplied(x, rt.ctx(e.user), entry),
      );
      const requesterLocale = after.locale;
      if (text)
        rt.tellRequester(after, {
          text: `${displayName(e.user)}: ${text}`,
          locale: requesterLocale,
          blocks: [
            {
              kind: 'context',
              spans: [plain(t(requesterLocale, 'agent_says', { agent: displayName(e.user) }))],
            },
            { kind: 'text', spans: [fromUser(text)] },
            { kind: 'context', spans: [plain(after.key)] },
          ],
        });
      filesToRequester(after, files, e.user);
      rt.tellThread(after, level, {
        text: t(locale, 'relayed_marker', { requester: displayName(after.requester) }),
        locale,
        blocks: [
          {
            kind: 'context',
            spans: [
              plain(
                `↪ ${t(locale, 'relayed_marker', { requester: displayName(after.requester) })}`,
              ),
            ],
          },
        ],
      });
      // The card lists the ticket's files: a new one is shown there too.
      if (replayed || files.length || (!before.sla.firstResponseAt && after.sla.firstResponseAt))
        rt.refreshCards(after);
    },
  };
}
