import { createMongoKbDrafts } from '../../src/store/mongo-kb-drafts';
import {
  button,
  cardOf,
  cardSubmit,
  installedInChannel,
  onlyCardIn,
  personalMessage,
  teamsPerson,
  type CardJson,
} from '../support/teams-activities';
import { TEAMS_SDKS, useTeamsBed } from '../support/teams-app';
import type { ConnectorCall } from '../support/teams-connector-stub';

const L1 = '19:l1-service-desk@thread.tacv2';
const budi = teamsPerson('budi', 'Budi Santoso', '0b0d1a2b-0000-4000-8000-00000000b0d1');
const ayu = teamsPerson('ayu', 'Ayu Lestari', 'a7a7a7a7-0000-4000-8000-0000000000a1');
const DM = 'a:1budi-personal-chat';
const personal = { id: DM, conversationType: 'personal' as const };
const inThread = (id: string) => ({ id, conversationType: 'channel' as const });

/** The inputs of a ShowCard button's card, by id, as rendered. */
function inputsOf(card: CardJson, action: string): Record<string, unknown>[] {
  for (const element of card.body) {
    if (element.type !== 'ActionSet') continue;
    for (const a of element.actions as Record<string, unknown>[]) {
      const inner = a.card as CardJson | undefined;
      const submit = inner?.body.find((e) => e.type === 'ActionSet') as
        { actions: { data: { action: string } }[] } | undefined;
      if (a.type === 'Action.ShowCard' && submit?.actions[0]?.data.action === action)
        return inner!.body.filter((e) => String(e.type).startsWith('Input.'));
    }
  }
  throw new Error(`no ${action} form in the card`);
}

/**
 * "Draft KB article" in Teams over real HTTP (each SDK's CloudAdapter, the real core, a loopback
 * connector): the resolved ticket's card carries the draft form with its inputs pre-filled, and
 * submitting it stores the draft.
 */
describe.each(TEAMS_SDKS)('Teams (%s): drafting a KB article from a resolved ticket', (sdk) => {
  const bed = useTeamsBed({
    sdk,
    env: { TEAMS_L1_CHANNEL_ID: L1, L1_AGENT_IDS: ayu.aadObjectId },
  });
  let url: string;
  beforeAll(() => {
    url = bed.connector.url;
  });

  async function deliver(activity: unknown): Promise<ConnectorCall[]> {
    const before = bed.connector.calls.length;
    expect((await bed.app.post(activity)).status).toBe(200);
    return bed.connector.calls.slice(before);
  }

  it('carries the pre-filled values in the card and stores the submitted draft', async () => {
    await deliver(installedInChannel(url, ayu, L1));
    let card = onlyCardIn(
      await deliver(personalMessage(url, budi, DM, 'the projector in room 5 shows no picture')),
      DM,
    );
    if (card.body.some((e) => JSON.stringify(e).includes('l0_need_help')))
      card = onlyCardIn(
        await deliver(cardSubmit(url, budi, personal, button(card, 'l0_need_help').data)),
        DM,
      );
    const opened = await deliver(
      cardSubmit(url, budi, personal, {
        ...button(card, 'ticket_form').data,
        'ticket_form.category': 'hardware',
        'ticket_form.impact': 'me',
        'ticket_form.urgency': 'low',
      }),
    );
    const thread = opened.find((c) => c.kind === 'create')!;
    const threadId = thread.conversationId;
    const root = thread.activityId!;
    const updated = (calls: ConnectorCall[]) =>
      cardOf(calls.filter((c) => c.kind === 'update' && c.activityId === root).at(-1)!.body);
    let l1Card = cardOf(thread.body.activity as Record<string, unknown>);
    l1Card = updated(
      await deliver(cardSubmit(url, ayu, inThread(threadId), button(l1Card, 'claim').data)),
    );
    l1Card = updated(
      await deliver(
        cardSubmit(url, ayu, inThread(threadId), {
          ...button(l1Card, 'resolve').data,
          'resolve.summary': 'Replaced the HDMI cable. Set the input to HDMI 2',
        }),
      ),
    );

    const draft = button(l1Card, 'draft_article');
    expect(draft.title).toBe('Buat draf artikel KB'); // the agents' language (DEFAULT_LOCALE=id)
    expect(inputsOf(l1Card, 'draft_article').map((i) => [i.id, i.value])).toEqual([
      ['draft_article.title', 'The projector in room 5 shows no picture'],
      ['draft_article.article_summary', 'Replaced the HDMI cable.'],
      ['draft_article.questions', 'the projector in room 5 shows no picture'],
      ['draft_article.steps', '1. Replaced the HDMI cable.\n2. Set the input to HDMI 2.'],
      ['draft_article.tags', undefined],
      ['draft_article.lang', 'en'],
    ]);

    // Teams sends every input's current value with the press.
    await deliver(
      cardSubmit(url, ayu, inThread(threadId), {
        ...draft.data,
        'draft_article.title': 'Projector shows no picture',
        'draft_article.article_summary': 'Usually the cable or the input: check both.',
        'draft_article.questions': 'the projector in room 5 shows no picture',
        'draft_article.steps': '1. Replace the HDMI cable.\n2. Set the input to HDMI 2.',
        'draft_article.tags': 'projector, HDMI',
        'draft_article.lang': 'en',
      }),
    );
    const [stored] = await createMongoKbDrafts(bed.db).list();
    expect(stored).toMatchObject({
      articleId: 'projector-shows-no-picture',
      title: 'Projector shows no picture',
      summary: 'Usually the cable or the input: check both.',
      steps: ['Replace the HDMI cable.', 'Set the input to HDMI 2.'],
      tags: ['projector', 'HDMI'],
      category: 'hardware',
      lang: 'en',
      by: { platform: 'teams' },
    });
  });
});
