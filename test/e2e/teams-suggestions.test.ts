import path from 'node:path';
import { t } from '../../src/core/i18n/translate';
import { loadKnowledgeBase } from '../../src/kb/load-kb';
import { createKnowledgeBase } from '../../src/kb/search/create-knowledge-base';
import { projectRoot } from '../../src/util/project-root';
import {
  button,
  buttonsOf,
  cardSubmit,
  cardText,
  onlyCardIn,
  personalMessage,
  teamsPerson,
} from '../support/teams-activities';
import { TEAMS_SDKS, useTeamsBed } from '../support/teams-app';
import type { ConnectorCall } from '../support/teams-connector-stub';

/**
 * L0 "is it one of these?" in Teams: each SDK's CloudAdapter over real HTTP, the real core, and
 * the loopback connector recording what the bot sends. The knowledge base never answers
 * (answerThreshold 1) and always offers its top 3 (suggestThreshold 0), whatever the ranking model.
 */
const budi = teamsPerson('budi', 'Budi Santoso', '0b0d1a2b-0000-4000-8000-00000000b0d1');
const DM = 'a:1budi-personal-chat';
const personal = { id: DM, conversationType: 'personal' as const };

describe.each(TEAMS_SDKS)('Teams (%s) channel on the real core: is it one of these?', (sdk) => {
  const kb = createKnowledgeBase(loadKnowledgeBase(path.join(projectRoot(), 'kb')), {
    answerThreshold: 1,
    suggestThreshold: 0,
  });
  const bed = useTeamsBed({ sdk, kb });

  /** Posts an activity, expects the 200 Teams needs, returns the connector calls it caused. */
  async function deliver(activity: unknown): Promise<ConnectorCall[]> {
    const before = bed.connector.calls.length;
    expect((await bed.app.post(activity)).status).toBe(200);
    return bed.connector.calls.slice(before);
  }

  it('offers the articles as Action.Submit buttons, shows the picked one, and thanks', async () => {
    const question = 'my laptop battery drains very fast';
    const offered = (await kb.search(question)).suggestions.map((s) => kb.article(s.id, 'en')!);
    expect(offered).toHaveLength(3);

    // 1. One card: the intro, a submit button per article, and the ticket form behind "None of these".
    const card = onlyCardIn(
      await deliver(personalMessage(bed.connector.url, budi, DM, question)),
      DM,
    );
    expect(cardText(card)).toContain(t('en', 'suggest_intro'));
    expect(cardText(card)).toContain(t('en', 'suggest_none'));
    const actions = card.body
      .filter((e) => e.type === 'ActionSet')
      .flatMap((e) => e.actions as { type: string; title: string; data?: { action: string } }[]);
    expect(actions.map((a) => [a.type, a.data?.action, a.title])).toEqual([
      ...offered.map((a) => ['Action.Submit', 'l0_pick', a.title]),
      ['Action.ShowCard', undefined, t('en', 'btn_none_of_these')],
    ]);
    const form = button(card, 'ticket_form', t('en', 'btn_none_of_these'));
    expect(form.inputs).toContain('ticket_form.category');
    const picks = buttonsOf(card).filter((b) => b.data.action === 'l0_pick');
    expect(picks.map((b) => JSON.parse(b.data.payload) as unknown)).toEqual(
      offered.map((a) => ({ session: 1, lang: 'en', article: a.id })),
    );

    // 2. Submitting the second pick sends that article's card, asking whether it solved it.
    const chosen = offered[1]!;
    const pick = button(card, 'l0_pick', chosen.title).data;
    const answer = onlyCardIn(
      await deliver(cardSubmit(bed.connector.url, budi, personal, pick)),
      DM,
    );
    expect(cardText(answer)).toContain(chosen.title);
    expect(cardText(answer)).toContain(chosen.summary);
    expect(cardText(answer)).toContain(t('en', 'answer_question'));
    button(answer, 'l0_need_help', t('en', 'btn_need_help'));

    // 3. "Solved" thanks him.
    const solved = button(answer, 'l0_solved', t('en', 'btn_solved')).data;
    const thanks = onlyCardIn(
      await deliver(cardSubmit(bed.connector.url, budi, personal, solved)),
      DM,
    );
    expect(cardText(thanks)).toContain(t('en', 'solved_reply'));

    // 4. The same pick again is out of date (Teams' private notice: his personal chat), no article.
    const refusal = onlyCardIn(
      await deliver(cardSubmit(bed.connector.url, budi, personal, pick)),
      DM,
    );
    expect(cardText(refusal)).toContain(t('en', 'refused_stale_l0'));
    expect(cardText(refusal)).not.toContain(chosen.title);
    expect(bed.connector.calls.filter((c) => c.failedWith !== undefined || c.hung)).toEqual([]);
  });
});
