import path from 'node:path';
import { loadConfig } from '../../src/config/config';
import { t } from '../../src/core/i18n/translate';
import type { Locale } from '../../src/core/locale';
import { loadKnowledgeBase } from '../../src/kb/load-kb';
import { createKnowledgeBase } from '../../src/kb/search/create-knowledge-base';
import { projectRoot } from '../../src/util/project-root';
import type { SlackCall } from '../support/slack-api-stub';
import {
  CHANNELS,
  dmChannelOf,
  L2_GROUP,
  openTicket,
  PEOPLE,
  shownText,
  startSlackHarness,
  type SlackHarness,
} from '../support/slack-harness';
import { contentWords, foreignWords } from '../support/surface-words';
import { ticketByKey } from '../support/ticket-by-key';

/** What the employee and the agents type, in the journey's language. */
const TYPED = {
  id: {
    question: 'baterai laptop saya cepat sekali habis',
    details: 'Dari penuh sampai tinggal sedikit dalam satu jam',
    reply: 'Tolong turunkan kecerahan layar dan lihat aplikasi yang paling boros',
    answer: 'Kecerahan sudah rendah, tetap cepat habis',
    reason: 'Baterai perlu diperiksa teknisi perangkat keras',
    tried: 'Kecerahan, mode hemat daya, aplikasi latar belakang',
    summary: 'Baterai diganti dengan garansi',
    problem: 'Masih cepat habis saat rapat video',
    again: 'Pengaturan daya untuk rapat video diperbaiki',
  },
  en: {
    question: 'my laptop battery drains very fast',
    details: 'From full to almost empty within an hour',
    reply: 'Please lower the screen brightness and check which apps use the most power',
    answer: 'Brightness is already low, it still drains fast',
    reason: 'Battery wear needs a hardware diagnosis',
    tried: 'Brightness, power plan, background apps',
    summary: 'Battery replaced under warranty',
    problem: 'It still drains fast during video meetings',
    again: 'Power settings for video meetings fixed',
  },
} as const;

const SHOWN = [
  'chat.postMessage',
  'chat.postEphemeral',
  'chat.update',
  'views.open',
  'views.publish',
];

/**
 * Every word Slack showed in the whole journey is in the viewer's language: an Indonesian employee
 * with AGENT_LOCALE=id, then an English one with AGENT_LOCALE=en. The real Bolt app over HTTP, the
 * real core; every text, button, modal title, label, placeholder and option the Web API stub
 * recorded (messages, ephemerals, card updates, modals, App Home) is read for the other language's
 * words, leaving out what people typed and the KB article shown.
 */
describe.each<Locale>(['id', 'en'])(
  'Slack speaks one language (%s) the whole journey',
  (locale) => {
    let h: SlackHarness;
    const kb = createKnowledgeBase(loadKnowledgeBase(path.join(projectRoot(), 'kb')), {
      answerThreshold: loadConfig({}).KB_ANSWER_THRESHOLD,
    });
    beforeAll(async () => {
      h = await startSlackHarness({ env: { AGENT_LOCALE: locale, DEFAULT_LOCALE: locale }, kb });
    });
    afterAll(async () => {
      await h?.close();
    });

    it('asks, opens, relays, escalates with a ping, resolves, reopens, confirms and rates', async () => {
      const typed = TYPED[locale];
      const say = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) =>
        t(locale, key, params);
      const dm = dmChannelOf(PEOPLE.budi);
      const last = (channel: string) => shownText(h.posted(channel).at(-1)!);
      const modal = async (
        person: (typeof PEOPLE)[keyof typeof PEOPLE],
        values: Record<string, string>,
      ) => {
        const opened = h.stub.ok('views.open').at(-1)!;
        await h.submit(person, opened, values);
        return opened;
      };

      // Ask; the answer; "Still need help"; the form in a modal with Slack's own words translated.
      await h.dm(PEOPLE.budi, typed.question);
      expect(last(dm)).toContain(say('answer_question'));
      await h.press(PEOPLE.budi, h.button('l0_need_help', dm));
      expect(last(dm)).toContain(say('need_help_reply'));
      await h.press(PEOPLE.budi, h.button('ticket_form', dm));
      const form = await modal(PEOPLE.budi, {
        category: 'hardware',
        impact: 'me',
        urgency: 'blocked',
        details: typed.details,
      });
      const view = form.args.view as { close: { text: string }; blocks: unknown[] };
      expect(view.close.text).toBe(say('form_cancel'));
      expect(JSON.stringify(view.blocks)).toContain(JSON.stringify(say('form_choose')));
      expect(last(dm)).toContain(say('ticket_opened', { key: 'IT-1001', priority: 'P3' }));
      const cardTs = String(h.posted(CHANNELS.l1).at(-1)!.response.ts);

      // Claim, a relayed reply both ways.
      await h.press(PEOPLE.ayu, h.button('claim', CHANNELS.l1));
      await h.reply(PEOPLE.ayu, CHANNELS.l1, cardTs, typed.reply);
      expect(last(dm)).toContain(say('agent_says', { agent: 'Ayu Lestari' }));
      await h.dm(PEOPLE.budi, typed.answer);

      // Escalation through a modal: the L2 card calls the group in the agents' language.
      await h.press(PEOPLE.ayu, h.button('escalate', CHANNELS.l1));
      await modal(PEOPLE.ayu, { reason: typed.reason, tried: typed.tried });
      expect(last(CHANNELS.l2)).toContain(`<!subteam^${L2_GROUP}> ${say('ping_needs_you')}`);
      // Rudi (L1) presses the L2 card's Claim: refused, privately, in the agents' language.
      await h.press(PEOPLE.rudi, h.button('claim', CHANNELS.l2));
      expect(shownText(h.stub.ok('chat.postEphemeral').at(-1)!)).toContain(
        say('refused_not_agent', { level: 2 }),
      );

      // Dewi claims and resolves; Budi reopens through a modal; she resolves again.
      await h.press(PEOPLE.dewi, h.button('claim', CHANNELS.l2));
      await h.press(PEOPLE.dewi, h.button('resolve', CHANNELS.l2));
      await modal(PEOPLE.dewi, { summary: typed.summary });
      await h.press(PEOPLE.budi, h.button('reopen', dm));
      await modal(PEOPLE.budi, { problem: typed.problem });
      expect(last(dm)).toContain(say('reopened_requester', { key: 'IT-1001' }));
      await h.press(PEOPLE.dewi, h.button('resolve', CHANNELS.l2));
      await modal(PEOPLE.dewi, { summary: typed.again });

      // Budi confirms and rates.
      await h.press(PEOPLE.budi, h.button('confirm_resolved', dm));
      await h.press(PEOPLE.budi, h.button('csat', dm, '5'));
      expect(last(dm)).toContain(say('csat_thanks', { key: 'IT-1001', score: 5 }));

      // App Home, for the employee and for an agent.
      for (const person of [PEOPLE.budi, PEOPLE.ayu])
        await h.send.event({
          type: 'app_home_opened',
          user: person.id,
          channel: 'D0HOME0001',
          tab: 'home',
        });
      expect(shownText(h.stub.ok('views.publish').at(-1)!)).toContain(`L1`);

      const ticket = (await ticketByKey(h.db, 'IT-1001'))!;
      expect(ticket).toMatchObject({ status: 'closed', locale, csat: { score: 5 } });
      const article = kb.article(ticket.l0.at(-1)!.articleId!, locale)!;
      const shown = h.stub.calls.filter((c) => SHOWN.includes(c.method) && c.response.ok === true);
      expect(new Set(shown.map((c) => c.method))).toEqual(new Set(SHOWN));
      const content = contentWords(
        [...Object.values(typed), 'Budi Santoso', 'Ayu Lestari'],
        [article],
      );
      expect(foreignWords(locale, shown.map(surface), content)).toEqual([]);
    });
  },
);

/**
 * The two languages side by side: Budi writes English, the agents read Indonesian. Each modal speaks
 * its reader's (the reopen form is Budi's, the escalation and resolution forms the agents'), and
 * nothing in his DM is Indonesian nor anything in the agents' channels English.
 */
describe('Slack with an English employee and Indonesian agents', () => {
  let h: SlackHarness;
  const kb = createKnowledgeBase(loadKnowledgeBase(path.join(projectRoot(), 'kb')), {
    answerThreshold: loadConfig({}).KB_ANSWER_THRESHOLD,
  });
  beforeAll(async () => {
    h = await startSlackHarness({ env: { AGENT_LOCALE: 'id', DEFAULT_LOCALE: 'id' }, kb });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("opens each form in its reader's language and keeps the two apart", async () => {
    const typed = TYPED.en;
    const dm = dmChannelOf(PEOPLE.budi);
    const closeOf = () =>
      (h.stub.ok('views.open').at(-1)!.args.view as { close: { text: string } }).close.text;
    await openTicket(h, PEOPLE.budi, typed.question);
    expect(closeOf()).toBe(t('en', 'form_cancel'));
    await h.press(PEOPLE.ayu, h.button('escalate', CHANNELS.l1));
    expect(closeOf()).toBe(t('id', 'form_cancel'));
    await h.submit(PEOPLE.ayu, h.stub.ok('views.open').at(-1)!, {
      reason: TYPED.id.reason,
      tried: TYPED.id.tried,
    });
    await h.press(PEOPLE.dewi, h.button('claim', CHANNELS.l2));
    await h.press(PEOPLE.dewi, h.button('resolve', CHANNELS.l2));
    expect(closeOf()).toBe(t('id', 'form_cancel'));
    await h.submit(PEOPLE.dewi, h.stub.ok('views.open').at(-1)!, { summary: TYPED.id.summary });
    await h.press(PEOPLE.budi, h.button('reopen', dm));
    expect(closeOf()).toBe(t('en', 'form_cancel'));
    await h.submit(PEOPLE.budi, h.stub.ok('views.open').at(-1)!, { problem: typed.problem });

    const ticket = (await ticketByKey(h.db, 'IT-1001'))!;
    expect(ticket).toMatchObject({ locale: 'en', status: 'claimed' });
    const article = kb.article(ticket.l0.at(-1)!.articleId!, 'en')!;
    const content = contentWords(
      [...Object.values(TYPED.en), ...Object.values(TYPED.id), 'Budi Santoso', 'Ayu Lestari'],
      [article, kb.article(article.id, 'id')!],
    );
    const posts = h.stub.calls.filter(
      (c) => c.method.startsWith('chat.') && c.response.ok === true,
    );
    const inDm = posts.filter((c) => c.args.channel === dm);
    const inChannels = posts.filter((c) => String(c.args.channel).startsWith('C'));
    expect(inDm.length).toBeGreaterThan(3);
    expect(inChannels.length).toBeGreaterThan(3);
    expect(foreignWords('en', inDm.map(surface), content)).toEqual([]);
    expect(foreignWords('id', inChannels.map(surface), content)).toEqual([]);
  });
});

function surface(call: SlackCall) {
  return {
    where: `${call.method} ${JSON.stringify(call.args.channel ?? call.args.user_id ?? '')}`,
    text: shownText(call),
  };
}
