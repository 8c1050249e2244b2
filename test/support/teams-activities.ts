import type { ConnectorCall } from './teams-connector-stub';

/**
 * Activities as Teams sends them to a bot, for end-to-end tests, and helpers that read the Adaptive
 * Cards the bot sent back (as the connector stub recorded them).
 */
export const TENANT_ID = '9a8b7c6d-0000-4000-8000-000000000001';
export const BOT = { id: '28:lapis-bot', name: 'Lapis' } as const;

export interface TeamsPerson {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
}

let counter = 0;
/** A fresh activity id, as Teams gives every activity (its redeliveries keep it). */
export function activityId(): string {
  counter += 1;
  return `1:${Date.now().toString(36)}-${counter}`;
}

function envelope(serviceUrl: string, from: TeamsPerson, conversation: Record<string, unknown>) {
  return {
    channelId: 'msteams',
    serviceUrl,
    from,
    recipient: BOT,
    conversation: { tenantId: TENANT_ID, ...conversation },
    channelData: { tenant: { id: TENANT_ID } },
    timestamp: new Date().toISOString(),
  };
}

export function personalMessage(
  serviceUrl: string,
  from: TeamsPerson,
  dmId: string,
  text: string,
  options: { id?: string; locale?: string } = {},
) {
  return {
    type: 'message',
    id: options.id ?? activityId(),
    ...envelope(serviceUrl, from, { id: dmId, conversationType: 'personal' }),
    text,
    textFormat: 'plain',
    locale: options.locale ?? 'en-US',
  };
}

/** A reply in the reply chain of a channel message (`<channel>;messageid=<root>`). */
export function threadMessage(
  serviceUrl: string,
  from: TeamsPerson,
  threadConversationId: string,
  text: string,
  options: { id?: string; mentionBot?: boolean } = {},
) {
  const channelId = threadConversationId.split(';')[0];
  const mention = `<at>${BOT.name}</at>`;
  return {
    type: 'message',
    id: options.id ?? activityId(),
    ...envelope(serviceUrl, from, {
      id: threadConversationId,
      conversationType: 'channel',
      isGroup: true,
    }),
    channelData: {
      tenant: { id: TENANT_ID },
      team: { id: '19:team@thread.tacv2' },
      channel: { id: channelId },
    },
    text: options.mentionBot ? `${mention} ${text}` : text,
    ...(options.mentionBot
      ? { entities: [{ type: 'mention', text: mention, mentioned: BOT }] }
      : {}),
    locale: 'id-ID',
  };
}

/**
 * An Action.Submit press: a message whose `value` is the button's data with the card's inputs;
 * `replyToId` names the card the button was on, as Teams sends it.
 */
export function cardSubmit(
  serviceUrl: string,
  from: TeamsPerson,
  conversation: { id: string; conversationType: 'personal' | 'channel' },
  value: Record<string, unknown>,
  options: { id?: string; locale?: string; replyToId?: string } = {},
) {
  return {
    type: 'message',
    id: options.id ?? activityId(),
    ...(options.replyToId ? { replyToId: options.replyToId } : {}),
    ...envelope(serviceUrl, from, conversation),
    value,
    locale: options.locale ?? 'en-US',
  };
}

/** What Teams sends when the app is added to a team: a conversationUpdate in its channel. */
export function installedInChannel(serviceUrl: string, installer: TeamsPerson, channelId: string) {
  return {
    type: 'conversationUpdate',
    id: activityId(),
    ...envelope(serviceUrl, installer, {
      id: channelId,
      conversationType: 'channel',
      isGroup: true,
    }),
    channelData: {
      tenant: { id: TENANT_ID },
      team: { id: channelId, name: 'IT Support' },
      channel: { id: channelId },
      eventType: 'teamMemberAdded',
    },
    membersAdded: [{ id: BOT.id }],
  };
}

// --- reading the cards the bot sent --------------------------------------------------------

export interface CardJson {
  readonly body: readonly Record<string, unknown>[];
  readonly msteams?: {
    readonly entities?: readonly { text: string; mentioned: { id: string; name: string } }[];
  };
}

export function cardOf(activity: Record<string, unknown>): CardJson {
  const attachments = activity.attachments as
    { contentType: string; content: CardJson }[] | undefined;
  const card = attachments?.[0];
  if (card?.contentType !== 'application/vnd.microsoft.card.adaptive')
    throw new Error(`not an Adaptive Card message: ${JSON.stringify(activity).slice(0, 200)}`);
  return card.content;
}

/** Every TextBlock's and FactSet's text of a card, in order, one per line. */
export function cardText(card: CardJson): string {
  const lines: string[] = [];
  const walk = (elements: readonly Record<string, unknown>[]) => {
    for (const element of elements) {
      if (element.type === 'TextBlock') lines.push(String(element.text));
      if (element.type === 'FactSet')
        for (const fact of element.facts as { title: string; value: string }[])
          lines.push(`${fact.title}: ${fact.value}`);
    }
  };
  walk(card.body);
  return lines.join('\n');
}

export interface CardButton {
  readonly title: string;
  readonly data: { action: string; payload: string };
  /** Input ids of the form it submits (in its ShowCard), if any. */
  readonly inputs: readonly string[];
}

export function buttonsOf(card: CardJson): CardButton[] {
  const buttons: CardButton[] = [];
  for (const element of card.body) {
    if (element.type !== 'ActionSet') continue;
    for (const action of element.actions as Record<string, unknown>[]) {
      if (action.type === 'Action.Submit')
        buttons.push({
          title: String(action.title),
          data: action.data as CardButton['data'],
          inputs: [],
        });
      if (action.type === 'Action.ShowCard') {
        const inner = action.card as CardJson;
        const inputs = inner.body
          .filter((e) => String(e.type).startsWith('Input.'))
          .map((e) => String(e.id));
        const submit = buttonsOf(inner)[0];
        if (submit) buttons.push({ ...submit, title: String(action.title), inputs });
      }
    }
  }
  return buttons;
}

export function button(card: CardJson, action: string, title?: string): CardButton {
  const found = buttonsOf(card).find(
    (b) => b.data.action === action && (title === undefined || b.title === title),
  );
  if (!found) throw new Error(`no ${action} button in the card:\n${cardText(card)}`);
  return found;
}

// --- reading what the connector stub recorded ----------------------------------------------

/** The posts (not updates) into one conversation among `calls`. */
export function sendsTo(calls: readonly ConnectorCall[], conversationId: string): ConnectorCall[] {
  return calls.filter((c) => c.kind === 'send' && c.conversationId === conversationId);
}

/** The one card posted into `conversationId` among `calls`. */
export function onlyCardIn(calls: readonly ConnectorCall[], conversationId: string): CardJson {
  const found = sendsTo(calls, conversationId);
  if (found.length !== 1)
    throw new Error(`expected one message in ${conversationId}, got ${found.length}`);
  return cardOf(found[0]!.body);
}

/** The card posted into `conversationId` that says `text`. */
export function cardSaying(
  calls: readonly ConnectorCall[],
  conversationId: string,
  text: string,
): CardJson {
  const card = sendsTo(calls, conversationId)
    .map((c) => cardOf(c.body))
    .find((c) => cardText(c).includes(text));
  if (!card) throw new Error(`nothing saying "${text}" in ${conversationId}`);
  return card;
}

/** A Teams user with the ids Teams gives them. */
export function teamsPerson(key: string, name: string, aadObjectId: string): TeamsPerson {
  return { id: `29:${key}`, name, aadObjectId };
}
