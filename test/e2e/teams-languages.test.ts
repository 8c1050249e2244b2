import { t } from '../../src/core/i18n/translate';
import { LOCALES } from '../../src/core/locale';
import {
  button,
  cardOf,
  cardSubmit,
  cardText,
  installedInChannel,
  personalMessage,
  teamsPerson,
  threadMessage,
  type CardJson,
} from '../support/teams-activities';
import { projectKnowledgeBase, TEAMS_SDKS, useTeamsBed } from '../support/teams-app';
import type { ConnectorCall } from '../support/teams-connector-stub';
import { cardWords, contentWords, foreignWords } from '../support/surface-words';
import { ticketByKey } from '../support/ticket-by-key';

const L1 = '19:l1-service-desk@thread.tacv2';
const L2 = '19:l2-platform@thread.tacv2';
const budi = teamsPerson('budi', 'Budi Santoso', '0b0d1a2b-0000-4000-8000-00000000b0d1');
const ayu = teamsPerson('ayu', 'Ayu Lestari', 'a7a7a7a7-0000-4000-8000-0000000000a1');
const rudi = teamsPerson('rudi', 'Rudi Hartono', 'a7a7a7a7-0000-4000-8000-0000000000a2');
const dewi = teamsPerson('dewi', 'Dewi Anggraini', 'd2d2d2d2-0000-4000-8000-0000000000d2');
const DM = 'a:1budi-personal-chat';
const personal = { id: DM, conversationType: 'personal' as const };
const inThread = (id: string) => ({ id, conversationType: 'channel' as const });
type Where = typeof personal | ReturnType<typeof inThread>;

/** What people type, the Teams client's language of the employee, and the on-call tag's name. */
const JOURNEY = {
  id: {
    client: 'id-ID',
    onCall: 'Piket L2',
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
    client: 'en-US',
    onCall: 'L2 On-call',
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

/**
 * Every word Teams showed in the whole journey is in the viewer's language: an Indonesian employee
 * (Teams client id-ID) with AGENT_LOCALE=id, then an English one with AGENT_LOCALE=en. The agents'
 * clients are English in both, which must not matter. Each SDK's CloudAdapter over HTTP, the real
 * core, a loopback connector; every card's texts, facts, button titles, input labels, placeholders,
 * error messages and choices are read for the other language's words, leaving out what people typed
 * and the KB article shown.
 */
describe.each(TEAMS_SDKS.flatMap((sdk) => LOCALES.map((locale) => [sdk, locale] as const)))(
  'Teams (%s) speaks one language (%s) the whole journey',
  (sdk, locale) => {
    const journey = JOURNEY[locale];
    const bed = useTeamsBed({
      sdk,
      env: {
        TEAMS_L1_CHANNEL_ID: L1,
        TEAMS_L2_CHANNEL_ID: L2,
        TEAMS_L2_PING: `${dewi.aadObjectId}|Dewi Anggraini,l2-oncall@contoso.example|${journey.onCall}`,
        L1_AGENT_IDS: `${ayu.aadObjectId},${rudi.aadObjectId}`,
        L2_AGENT_IDS: dewi.aadObjectId,
        AGENT_LOCALE: locale,
        DEFAULT_LOCALE: locale,
      },
    });

    /** Posts an activity (Teams needs its 200) and returns the connector calls it caused. */
    async function deliver(activity: unknown): Promise<ConnectorCall[]> {
      const before = bed.connector.calls.length;
      expect((await bed.app.post(activity)).status).toBe(200);
      return bed.connector.calls.slice(before);
    }
    const activityOf = (call: ConnectorCall) =>
      (call.kind === 'create' ? call.body.activity : call.body) as Record<string, unknown>;
    /** The newest card the bot posted or updated in a conversation (a chat, a channel thread). */
    const newest = (conversationId: string, action: string): CardJson => {
      const calls = bed.connector.succeeded().filter((c) => c.conversationId === conversationId);
      for (const call of calls.reverse()) {
        const card = cardOf(activityOf(call));
        if (JSON.stringify(card).includes(`"action":"${action}"`)) return card;
      }
      throw new Error(`no ${action} button in ${conversationId}`);
    };
    const threadOf = (calls: ConnectorCall[]) => calls.find((c) => c.kind === 'create')!;
    const employee = { locale: journey.client };

    it('asks, opens, relays, escalates with a ping, resolves, reopens, confirms and rates', async () => {
      const say = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) =>
        t(locale, key, params);
      const press = (who: typeof budi, where: Where, data: object, inputs = {}) =>
        deliver(
          cardSubmit(
            bed.connector.url,
            who,
            where,
            { ...data, ...inputs },
            who === budi ? employee : {},
          ),
        );
      await deliver(installedInChannel(bed.connector.url, ayu, L1));

      // Ask; "Still need help"; the form's inputs carry the card's words in the employee's language.
      await deliver(personalMessage(bed.connector.url, budi, DM, journey.question, employee));
      expect(cardText(newest(DM, 'l0_need_help'))).toContain(say('answer_question'));
      await press(budi, personal, button(newest(DM, 'l0_need_help'), 'l0_need_help').data);
      const form = newest(DM, 'ticket_form');
      expect(JSON.stringify(form)).toContain(`"placeholder":${JSON.stringify(say('form_choose'))}`);
      expect(JSON.stringify(form)).toContain(
        `"errorMessage":${JSON.stringify(say('form_required'))}`,
      );
      const opened = await press(budi, personal, button(form, 'ticket_form').data, {
        'ticket_form.category': 'hardware',
        'ticket_form.impact': 'me',
        'ticket_form.urgency': 'blocked',
        'ticket_form.details': journey.details,
      });
      const l1Thread = threadOf(opened).conversationId;

      // Claim, a relayed reply both ways.
      await press(ayu, inThread(l1Thread), button(newest(l1Thread, 'claim'), 'claim').data);
      await deliver(
        threadMessage(bed.connector.url, ayu, l1Thread, journey.reply, { mentionBot: true }),
      );
      await deliver(personalMessage(bed.connector.url, budi, DM, journey.answer, employee));

      // Escalation: the L2 card calls the group in the agents' language.
      const escalated = await press(
        ayu,
        inThread(l1Thread),
        button(newest(l1Thread, 'escalate'), 'escalate').data,
        {
          'escalate.reason': journey.reason,
          'escalate.tried': journey.tried,
        },
      );
      const l2Thread = threadOf(escalated).conversationId;
      expect(cardText(newest(l2Thread, 'claim'))).toContain(
        `📣 <at>Dewi Anggraini</at>, <at>${journey.onCall}</at>: ${say('ping_needs_you')}`,
      );
      // Rudi (L1) presses the L2 card's Claim: refused in the agents' language.
      const refused = await press(
        rudi,
        inThread(l2Thread),
        button(newest(l2Thread, 'claim'), 'claim').data,
      );
      expect(refused.map((c) => cardText(cardOf(activityOf(c)))).join('\n')).toContain(
        say('refused_not_agent', { level: 2 }),
      );

      // Dewi claims and resolves; Budi reopens; she resolves again; Budi confirms and rates.
      await press(dewi, inThread(l2Thread), button(newest(l2Thread, 'claim'), 'claim').data);
      await press(dewi, inThread(l2Thread), button(newest(l2Thread, 'resolve'), 'resolve').data, {
        'resolve.summary': journey.summary,
      });
      await press(budi, personal, button(newest(DM, 'reopen'), 'reopen').data, {
        'reopen.problem': journey.problem,
      });
      await press(dewi, inThread(l2Thread), button(newest(l2Thread, 'resolve'), 'resolve').data, {
        'resolve.summary': journey.again,
      });
      const resolution = newest(DM, 'confirm_resolved');
      await press(budi, personal, button(resolution, 'confirm_resolved').data);
      await press(budi, personal, button(resolution, 'csat', '5').data);

      const ticket = (await ticketByKey(bed.db, 'IT-1001'))!;
      expect(ticket).toMatchObject({ status: 'closed', locale, csat: { score: 5 } });
      const article = projectKnowledgeBase().article(ticket.l0.at(-1)!.articleId!, locale)!;
      const typed = Object.values(journey).slice(2);
      const content = contentWords(
        [...typed, 'Budi Santoso', 'Ayu Lestari', 'Rudi Hartono'],
        [article],
      );
      const surfaces = bed.connector.succeeded().map((call) => ({
        where: `${call.kind} ${call.conversationId}`,
        text: cardWords(activityOf(call)),
      }));
      expect(surfaces.length).toBeGreaterThan(20);
      expect(foreignWords(locale, surfaces, content)).toEqual([]);
    });
  },
);
