import { t } from '../../src/core/i18n/translate';
import {
  button,
  cardOf,
  cardSaying,
  cardSubmit,
  cardText,
  installedInChannel,
  personalMessage,
  sendsTo,
  teamsPerson,
  type CardJson,
} from '../support/teams-activities';
import { TEAMS_SDKS, useTeamsBed } from '../support/teams-app';
import type { ConnectorCall } from '../support/teams-connector-stub';
import { ticketByKey } from '../support/ticket-by-key';

/**
 * Nothing typed into a Teams card form is thrown away, and used buttons retire: each SDK's
 * CloudAdapter over real HTTP, the real core on the test database and the project's kb/, and the
 * loopback connector recording every post and card update. Presses name their card (replyToId).
 */
const L1 = '19:l1-service-desk@thread.tacv2';
const budi = teamsPerson('budi', 'Budi Santoso', '0b0d1a2b-0000-4000-8000-00000000b0d1');
const ayu = teamsPerson('ayu', 'Ayu Lestari', 'a7a7a7a7-0000-4000-8000-0000000000a1');
const DM = 'a:1budi-personal-chat';
const personal = { id: DM, conversationType: 'personal' as const };

describe.each(TEAMS_SDKS)(
  'Teams (%s) channel on the real core: out-of-date card forms and retired buttons',
  (sdk) => {
    const bed = useTeamsBed({
      sdk,
      env: { TEAMS_L1_CHANNEL_ID: L1, L1_AGENT_IDS: ayu.aadObjectId },
    });

    async function deliver(activity: unknown): Promise<ConnectorCall[]> {
      const before = bed.connector.calls.length;
      expect((await bed.app.post(activity)).status).toBe(200);
      return bed.connector.calls.slice(before);
    }
    /** The one card sent into Budi's chat among `calls`, and the id Teams gave it. */
    function sentToBudi(calls: ConnectorCall[]): { card: CardJson; id: string } {
      const [sent, ...others] = sendsTo(calls, DM);
      expect(others).toEqual([]);
      return { card: cardOf(sent!.body), id: sent!.id! };
    }
    const updateOf = (calls: ConnectorCall[], id: string) => {
      const updates = calls.filter((c) => c.kind === 'update' && c.activityId === id);
      expect(updates.map((c) => c.conversationId)).toEqual([DM]);
      return cardOf(updates[0]!.body);
    };
    const press = (value: Record<string, unknown>, replyToId: string) =>
      deliver(cardSubmit(bed.connector.url, budi, personal, value, { replyToId }));

    it('a form from an older question still opens the ticket from what was typed', async () => {
      await deliver(installedInChannel(bed.connector.url, ayu, L1));
      const answer = sentToBudi(
        await deliver(
          personalMessage(bed.connector.url, budi, DM, 'my laptop battery drains very fast'),
        ),
      );
      // "Still need help": the answer card is updated in place, its buttons replaced by the choice.
      const calls = await press(button(answer.card, 'l0_need_help').data, answer.id);
      const retired = updateOf(calls, answer.id);
      expect(cardText(retired)).toContain(t('en', 'answer_intro'));
      expect(cardText(retired)).toContain(t('en', 'chosen_need_help'));
      expect(JSON.stringify(retired)).not.toContain('ActionSet');
      const form = sentToBudi(calls);

      await deliver(personalMessage(bed.connector.url, budi, DM, 'I forgot my password'));
      const typed = 'Since Tuesday it lasts 40 minutes and the fan never stops';
      const submitted = await press(
        {
          ...button(form.card, 'ticket_form').data,
          'ticket_form.category': 'hardware',
          'ticket_form.impact': 'me',
          'ticket_form.urgency': 'degraded',
          'ticket_form.details': typed,
        },
        form.id,
      );
      const thread = submitted.find((c) => c.kind === 'create');
      const card = cardText(cardOf(thread!.body.activity as Record<string, unknown>));
      expect(card).toContain('IT-1001 · P4 · L1');
      expect(card).toContain('my laptop battery drains very fast');
      expect(card).toContain(typed);
      cardSaying(submitted, DM, t('en', 'ticket_opened', { key: 'IT-1001', priority: 'P4' }));

      // The old form once more, with more to say: into the ticket's thread, and Budi told so.
      const again = await press(
        {
          ...button(form.card, 'ticket_form').data,
          'ticket_form.category': 'hardware',
          'ticket_form.impact': 'me',
          'ticket_form.urgency': 'degraded',
          'ticket_form.details': 'It also restarts when unplugged',
        },
        form.id,
      );
      const ticket = (await ticketByKey(bed.db, 'IT-1001'))!;
      cardSaying(again, ticket.threads.L1!.threadId, 'It also restarts when unplugged');
      cardSaying(
        again,
        DM,
        t('en', 'added_to_ticket', { key: 'IT-1001', status: t('en', 'status_open'), level: 1 }),
      );
      expect(again.filter((c) => c.kind === 'create')).toEqual([]);
    });

    it('the resolution card shows "Rated 5/5" in place of the rating buttons', async () => {
      const ticket = (await ticketByKey(bed.db, 'IT-1001'))!;
      const l1Thread = ticket.threads.L1!.threadId;
      const l1Card = cardOf(
        bed.connector.calls.find((c) => c.kind === 'create')!.body.activity as Record<
          string,
          unknown
        >,
      );
      const resolved = await deliver(
        cardSubmit(
          bed.connector.url,
          ayu,
          { id: l1Thread, conversationType: 'channel' },
          {
            ...button(l1Card, 'resolve').data,
            'resolve.summary': 'Battery replaced under warranty',
          },
        ),
      );
      const resolution = sentToBudi(resolved);
      const calls = await press(button(resolution.card, 'csat', '5').data, resolution.id);
      const now = updateOf(calls, resolution.id);
      expect(cardText(now)).toContain('Battery replaced under warranty');
      expect(cardText(now)).toContain(t('en', 'chosen_rated', { score: 5 }));
      expect(JSON.stringify(now)).not.toContain('"csat"');
      // Yes / Reopen still wait for his answer.
      button(now, 'confirm_resolved');
      cardSaying(calls, DM, t('en', 'csat_thanks', { key: 'IT-1001', score: 5 }));
      expect(bed.connector.calls.filter((c) => c.failedWith !== undefined || c.hung)).toEqual([]);
    });
  },
);
