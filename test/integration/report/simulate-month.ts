import type { Locale } from '../../../src/core/locale';
import type { Action } from '../../../src/core/messages';
import type { UserRef } from '../../../src/core/people';
import type { Level, Priority } from '../../../src/core/ticket';
import type { createHarness } from '../../support/helpdesk-harness';
import { QUESTIONS } from './scripted-kb';
import {
  countArticle,
  countOutcome,
  countUnsettled,
  type Tally,
  type TicketTally,
} from './month-tally';

type Harness = ReturnType<typeof createHarness>;
type Question = (typeof QUESTIONS)[keyof typeof QUESTIONS];

const L1 = ['ayu', 'rudi'];
const FORMS: { impact: string; urgency: string; priority: Priority }[] = [
  { impact: 'team', urgency: 'blocked', priority: 'P2' },
  { impact: 'me', urgency: 'blocked', priority: 'P3' },
  { impact: 'me', urgency: 'degraded', priority: 'P4' },
  { impact: 'many', urgency: 'blocked', priority: 'P1' },
];
const PATHS = [
  'l1',
  'l1',
  'l1',
  'l1',
  'l1_reopen',
  'l2',
  'l2',
  'l3',
  'send_back',
  'open',
  'unclaimed',
] as const;
type Path = (typeof PATHS)[number];

/**
 * A month of the help desk driven through the real core: employees ask, pick, solve or open tickets;
 * agents claim, reply, resolve, escalate and send back; employees rate, confirm and reopen; the SLA
 * sweep runs three times a day. Every step is written into the tally as it is taken.
 */
export function createMonth(h: Harness, tally: Tally, seed = 7) {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const person = (id: string): UserRef => ({ platform: 'console', id, name: id });
  const employees = Array.from({ length: 40 }, (_, i) =>
    person(`e${String(i + 1).padStart(2, '0')}`),
  );
  const busy = new Set<string>();
  let seen = 0;

  const dmButton = (e: UserRef, id: Action['id']) => h.button(id, `dm:${e.id}`);
  async function cardButton(t: TicketTally, level: Level, id: Action['id']): Promise<Action> {
    const ticket = await h.stores.tickets.get(t.id);
    const card = h.latestCard(ticket?.cards[`L${level}`]?.messageId ?? '');
    const found = card?.blocks
      .flatMap((b) => (b.kind === 'actions' ? b.actions : []))
      .find((a) => a.id === id);
    if (!found) throw new Error(`${t.key}: no ${id} on the L${level} card`);
    return found;
  }
  const agentAct = async (
    t: TicketTally,
    level: Level,
    agent: string,
    id: Action['id'],
    form?: Record<string, string>,
  ) => {
    await h.press(person(agent), await cardButton(t, level, id), form);
    t.responses.push({ level, at: h.now() });
  };

  async function sweep(): Promise<void> {
    await h.sweep();
    for (const s of h.sent.slice(seen)) {
      const m = /^SLA (warning|breached): (first response|resolution) for (IT-\d+)/.exec(
        s.message.text,
      );
      // The warning itself (⚠); an automatic escalation repeats its text in the old thread.
      const first = s.message.blocks[0];
      const warned = first?.kind === 'text' && first.spans[0]?.text.startsWith('⚠');
      if (s.kind !== 'reply' || !m || !warned) continue;
      const t = tally.tickets.find((x) => x.key === m[3]);
      tally.sla.push({
        kind: m[1] === 'warning' ? 'warning' : 'breach',
        clock: m[2] === 'first response' ? 'first_response' : 'resolution',
        level: Number(s.to.slice(1, 2)) as Level,
        priority: t?.priority ?? 'P4',
      });
    }
    seen = h.sent.length;
    for (const t of tally.tickets.filter((x) => x.active)) {
      const stored = await h.stores.tickets.get(t.id);
      if (stored && stored.level > t.level) {
        t.escalations.push({ from: t.level, at: h.now(), automatic: true });
        t.level = stored.level;
        t.arrivals.push({ level: t.level, at: h.now(), how: 'escalated' });
      }
    }
  }

  /** The employee's L0 conversation; returns the ticket opened, if any. */
  async function journey(e: UserRef): Promise<TicketTally | undefined> {
    const kind = pick([
      'solve',
      'solve',
      'answer_ticket',
      'pick_solve',
      'pick_ticket',
      'none',
      'no_answer',
      'off_topic',
      'abandon',
    ] as const);
    const q: Question =
      kind === 'off_topic'
        ? QUESTIONS.canteen
        : kind === 'no_answer'
          ? pick([QUESTIONS.fan, QUESTIONS.screen])
          : kind.startsWith('pick') || kind === 'none'
            ? QUESTIONS.online
            : pick([QUESTIONS.printer, QUESTIONS.password]);
    const locale: Locale = q.locale;
    await h.dm(e, q.text);
    h.advance(2);
    if (kind === 'off_topic') return void countOutcome(tally, 'off_topic', locale);
    if ('answer' in q) {
      countOutcome(tally, 'answered', locale);
      countArticle(tally, q.answer, 'shown');
      if (kind === 'abandon') return undefined;
      if (kind === 'solve') {
        await h.press(e, dmButton(e, 'l0_solved'));
        countOutcome(tally, 'solved', locale);
        return void countArticle(tally, q.answer, 'solved');
      }
      await h.press(e, dmButton(e, 'l0_need_help'));
      countOutcome(tally, 'not_solved', locale);
      countArticle(tally, q.answer, 'notSolved');
      countUnsettled(tally, q.text, locale);
      tally.ticketAfterAnswer += 1;
      return openTicket(e, locale);
    }
    if ('suggest' in q) {
      countOutcome(tally, 'suggested', locale);
      if (kind === 'none') {
        countUnsettled(tally, q.text, locale);
        return openTicket(e, locale);
      }
      const choice = dmButton(e, 'l0_pick');
      const article = (JSON.parse(choice.payload) as { article: string }).article;
      await h.press(e, choice);
      countOutcome(tally, 'suggestion_picked', locale);
      countArticle(tally, article, 'shown');
      h.advance(2);
      if (kind === 'pick_solve') {
        await h.press(e, dmButton(e, 'l0_solved'));
        countOutcome(tally, 'solved', locale);
        return void countArticle(tally, article, 'solved');
      }
      await h.press(e, dmButton(e, 'l0_need_help'));
      countOutcome(tally, 'not_solved', locale);
      countArticle(tally, article, 'notSolved');
      countUnsettled(tally, q.text, locale);
      tally.ticketAfterAnswer += 1;
      return openTicket(e, locale);
    }
    countOutcome(tally, 'no_answer', locale);
    countUnsettled(tally, q.text, locale);
    return openTicket(e, locale);
  }

  async function openTicket(e: UserRef, locale: Locale): Promise<TicketTally> {
    const form = pick(FORMS);
    h.advance(1);
    await h.press(e, dmButton(e, 'ticket_form'), {
      category: pick(['printing', 'account', 'network', 'hardware']),
      impact: form.impact,
      urgency: form.urgency,
    });
    countOutcome(tally, 'ticket_opened', locale);
    const [stored] = await h.stores.tickets.listByRequester(e);
    if (!stored || stored.priority !== form.priority)
      throw new Error('the ticket was not opened as asked');
    const t: TicketTally = {
      id: stored.id,
      key: stored.key,
      priority: stored.priority,
      locale,
      createdAt: h.now(),
      level: 1,
      active: true,
      arrivals: [{ level: 1, at: h.now(), how: 'created' }],
      responses: [],
      resolutions: [],
      escalations: [],
      sendBacks: [],
      reopens: [],
    };
    tally.tickets.push(t);
    busy.add(e.id);
    return t;
  }

  async function resolve(t: TicketTally, level: Level, agent: string) {
    h.advance(30 + Math.floor(random() * 60));
    await agentAct(t, level, agent, 'resolve', { summary: 'Fixed it' });
    t.resolutions.push({ level, at: h.now(), agent, standing: true });
    t.active = false;
  }

  async function escalate(t: TicketTally, level: Level, agent: string) {
    h.advance(15);
    await agentAct(t, level, agent, 'escalate', {
      reason: 'Needs specialists',
      tried: 'The basics',
    });
    t.escalations.push({ from: level, at: h.now(), automatic: false });
    t.level = (level + 1) as Level;
    t.arrivals.push({ level: t.level, at: h.now(), how: 'escalated' });
  }

  async function claimAndReply(t: TicketTally, level: Level, agent: string, e: UserRef) {
    h.advance(3 + Math.floor(random() * 10));
    await agentAct(t, level, agent, 'claim');
    h.advance(5);
    const thread = (await h.stores.tickets.get(t.id))?.threads[`L${level}`];
    if (!thread) throw new Error(`${t.key}: no L${level} thread`);
    await h.reply(
      person(agent),
      thread.threadId,
      thread.channelId,
      `Looking at it, ${e.name ?? ''}`,
    );
    t.responses.push({ level, at: h.now() });
  }

  /** What the agents and the employee do with a new ticket. */
  async function work(t: TicketTally, e: UserRef): Promise<void> {
    const path: Path = pick(PATHS);
    if (path === 'unclaimed') return;
    const l1 = pick(L1);
    await claimAndReply(t, 1, l1, e);
    if (path === 'open') return;
    let level: Level = 1;
    let agent = l1;
    if (path === 'l2' || path === 'l3' || path === 'send_back') {
      await escalate(t, 1, l1);
      await claimAndReply(t, 2, 'dewi', e);
      level = 2;
      agent = 'dewi';
      if (path === 'l3') {
        await escalate(t, 2, 'dewi');
        await claimAndReply(t, 3, 'hendra', e);
        level = 3;
        agent = 'hendra';
      } else if (path === 'send_back') {
        h.advance(10);
        await agentAct(t, 2, 'dewi', 'send_back', { note: 'Check the cable first' });
        t.sendBacks.push({ from: 2, at: h.now() });
        t.level = 1;
        t.arrivals.push({ level: 1, at: h.now(), how: 'sent_back' });
        h.advance(5);
        await agentAct(t, 1, l1, 'claim');
        level = 1;
        agent = l1;
      }
    }
    await resolve(t, level, agent);
    if (path === 'l1_reopen') {
      h.advance(20);
      await h.press(e, dmButton(e, 'reopen'), { problem: 'It happens again' });
      const last = t.resolutions.at(-1);
      if (last) last.standing = false;
      t.reopens.push({ level, at: h.now() });
      t.active = true;
      await resolve(t, level, agent);
    }
    if (random() < 0.7) {
      const score = 1 + Math.floor(random() * 5);
      const csat = dmButton(e, 'csat');
      h.advance(5);
      await h.press(e, {
        ...csat,
        payload: csat.payload.replace(/"score":\d/, `"score":${score}`),
      });
      t.rating = { score, at: h.now(), level, agent };
    }
    if (random() < 0.5) await h.press(e, dmButton(e, 'confirm_resolved'));
    busy.delete(e.id);
  }

  return {
    sweep,
    /** One working day from 09:00 Jakarta: `journeys` employees, a sweep morning, noon and evening. */
    async day(start: Date, journeys: number): Promise<void> {
      h.advance((start.getTime() - h.now().getTime()) / 60_000);
      await sweep();
      for (let j = 0; j < journeys; j++) {
        const e = pick(employees.filter((x) => !busy.has(x.id)));
        const t = await journey(e);
        if (t) await work(t, e);
        h.advance(20 + Math.floor(random() * 40));
        if (j === Math.floor(journeys / 2)) await sweep();
      }
      h.advance(Math.max(0, (start.getTime() + 8 * 60 * 60_000 - h.now().getTime()) / 60_000));
      await sweep();
    },
  };
}
