import path from 'node:path';
import { areaLabel } from '../../src/core/i18n/area-labels';
import { t } from '../../src/core/i18n/translate';
import { loadKnowledgeBase } from '../../src/kb/load-kb';
import { createKnowledgeBase } from '../../src/kb/search/create-knowledge-base';
import { projectRoot } from '../../src/util/project-root';
import { areaOutcome } from '../support/clarify-expectations';
import {
  button,
  cardSaying,
  cardSubmit,
  cardText,
  onlyCardIn,
  personalMessage,
  teamsPerson,
  type CardJson,
} from '../support/teams-activities';
import { TEAMS_SDKS, useTeamsBed } from '../support/teams-app';
import type { ConnectorCall } from '../support/teams-connector-stub';

/**
 * L0's clarifying question in Teams: each SDK's CloudAdapter over real HTTP, the real core and the
 * project's kb/, and the loopback connector recording what the bot sends. A vague message gets an
 * Adaptive Card with an Action.Submit per area and the ticket form behind "Open ticket".
 */
const budi = teamsPerson('budi', 'Budi Santoso', '0b0d1a2b-0000-4000-8000-00000000b0d1');
const sari = teamsPerson('sari', 'Sari Wulandari', '0b0d1a2b-0000-4000-8000-000000005a21');
const BUDI_DM = 'a:1budi-personal-chat';
const joko = teamsPerson('joko', 'Joko Susilo', '0b0d1a2b-0000-4000-8000-0000000010c0');
const SARI_DM = 'a:1sari-personal-chat';
const JOKO_DM = 'a:1joko-personal-chat';
const personal = (id: string) => ({ id, conversationType: 'personal' as const });

const actionsOf = (card: CardJson) =>
  card.body
    .filter((e) => e.type === 'ActionSet')
    .flatMap((e) => e.actions as { type: string; title: string; data?: { action: string } }[]);

describe.each(TEAMS_SDKS)('Teams (%s) channel on the real core: "What is not working?"', (sdk) => {
  const kb = createKnowledgeBase(loadKnowledgeBase(path.join(projectRoot(), 'kb')));
  const areas = kb.areas().slice(0, 6);
  const bed = useTeamsBed({ sdk, kb });

  /** Posts an activity, expects the 200 Teams needs, returns the connector calls it caused. */
  async function deliver(activity: unknown): Promise<ConnectorCall[]> {
    const before = bed.connector.calls.length;
    expect((await bed.app.post(activity)).status).toBe(200);
    return bed.connector.calls.slice(before);
  }

  it('asks which area, searches the picked one, and refuses a press of someone else or a stale one', async () => {
    const question = "it doesn't work";
    expect((await kb.search(question)).intent).toBe('vague');

    // 1. One card: the question, an Action.Submit per area, and the ticket form behind its button.
    const card = onlyCardIn(
      await deliver(personalMessage(bed.connector.url, budi, BUDI_DM, question)),
      BUDI_DM,
    );
    expect(cardText(card)).toContain(t('en', 'clarify_question'));
    expect(actionsOf(card).map((a) => [a.type, a.data?.action, a.title])).toEqual([
      ...areas.map((a) => ['Action.Submit', 'l0_area', areaLabel(a.id, 'en')]),
      ['Action.ShowCard', undefined, t('en', 'btn_open_ticket')],
    ]);
    expect(button(card, 'ticket_form').inputs).toContain('ticket_form.category');

    // 2. Sari submitting Budi's button from her own chat: out of date, said there, nothing else.
    const { area, expected } = await areaOutcome(kb, question, areas, 'en', 'suggest');
    const label = areaLabel(area, 'en');
    const pressed = button(card, 'l0_area', label).data;
    const refusal = onlyCardIn(
      await deliver(cardSubmit(bed.connector.url, sari, personal(SARI_DM), pressed)),
      SARI_DM,
    );
    expect(cardText(refusal)).toContain(t('en', 'refused_stale_l0'));

    // 3. Budi's press searches his question within the area: its articles to pick from.
    const reply = onlyCardIn(
      await deliver(cardSubmit(bed.connector.url, budi, personal(BUDI_DM), pressed)),
      BUDI_DM,
    );
    expect(cardText(reply)).toContain(t('en', 'area_suggest_intro', { area: label }));
    expect(cardText(reply)).toContain(t('en', 'area_own_words'));
    expect(actionsOf(reply).map((a) => [a.data?.action, a.title])).toEqual([
      ...expected.titles.map((title) => ['l0_pick', title]),
      [undefined, t('en', 'btn_none_of_these')],
    ]);

    // 4. The same area again is out of date (Teams' private notice: his personal chat).
    const stale = onlyCardIn(
      await deliver(cardSubmit(bed.connector.url, budi, personal(BUDI_DM), pressed)),
      BUDI_DM,
    );
    expect(cardText(stale)).toContain(t('en', 'refused_stale_l0'));
    expect(bed.connector.calls.filter((c) => c.failedWith !== undefined || c.hung)).toEqual([]);
  });

  it('asks in Indonesian, and the form behind "Buat tiket" opens a ticket', async () => {
    const question = 'ada masalah nih';
    expect((await kb.search(question)).intent).toBe('vague');
    const card = onlyCardIn(
      await deliver(
        personalMessage(bed.connector.url, sari, SARI_DM, question, { locale: 'id-ID' }),
      ),
      SARI_DM,
    );
    expect(cardText(card)).toContain('Apa yang bermasalah?');
    expect(actionsOf(card).map((a) => a.title)).toEqual([
      ...areas.map((a) => areaLabel(a.id, 'id')),
      'Buat tiket',
    ]);
    const calls = await deliver(
      cardSubmit(
        bed.connector.url,
        sari,
        personal(SARI_DM),
        {
          ...button(card, 'ticket_form', 'Buat tiket').data,
          'ticket_form.category': 'hardware',
          'ticket_form.impact': 'me',
          'ticket_form.urgency': 'low',
        },
        { locale: 'id-ID' },
      ),
    );
    cardSaying(calls, SARI_DM, 'IT-1001');
    expect(bed.connector.calls.filter((c) => c.failedWith !== undefined || c.hung)).toEqual([]);
  });

  it('offers the articles of a picked area in Indonesian, never a guess; one picked is answered and solved', async () => {
    const question = 'ada masalah nih';
    const { area, expected } = await areaOutcome(kb, question, areas, 'id', 'suggest');
    const card = onlyCardIn(
      await deliver(
        personalMessage(bed.connector.url, joko, JOKO_DM, question, { locale: 'id-ID' }),
      ),
      JOKO_DM,
    );
    const pressed = button(card, 'l0_area', areaLabel(area, 'id')).data;
    const offered = onlyCardIn(
      await deliver(cardSubmit(bed.connector.url, joko, personal(JOKO_DM), pressed)),
      JOKO_DM,
    );
    const pick = button(offered, 'l0_pick', expected.titles[0]).data;
    const answer = onlyCardIn(
      await deliver(cardSubmit(bed.connector.url, joko, personal(JOKO_DM), pick)),
      JOKO_DM,
    );
    expect(cardText(answer)).toContain(expected.titles[0]);
    expect(cardText(answer)).toContain(t('id', 'answer_question'));
    const solved = button(answer, 'l0_solved', t('id', 'btn_solved')).data;
    const thanks = onlyCardIn(
      await deliver(cardSubmit(bed.connector.url, joko, personal(JOKO_DM), solved)),
      JOKO_DM,
    );
    expect(cardText(thanks)).toContain(t('id', 'solved_reply'));
    expect(bed.connector.calls.filter((c) => c.failedWith !== undefined || c.hung)).toEqual([]);
  });
});
