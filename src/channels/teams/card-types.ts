/**
 * The part of Adaptive Cards 1.5 that Lapis renders (https://adaptivecards.io/explorer/), as plain
 * data types: cards are built as values and serialised, never from strings.
 */

export interface TextBlock {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly wrap: true;
  readonly size?: 'Small' | 'Medium' | 'Large';
  readonly weight?: 'Bolder';
  readonly isSubtle?: boolean;
  readonly spacing?: 'None' | 'Small' | 'Medium';
}

export interface FactSet {
  readonly type: 'FactSet';
  readonly facts: readonly { readonly title: string; readonly value: string }[];
}

export interface InputText {
  readonly type: 'Input.Text';
  readonly id: string;
  readonly label: string;
  readonly isRequired: boolean;
  readonly isMultiline: boolean;
  readonly maxLength: number;
  /** Pre-filled text. */
  readonly value?: string;
  /** Shown when a required input is left empty (else Teams says it in its own words). */
  readonly errorMessage?: string;
}

export interface InputChoiceSet {
  readonly type: 'Input.ChoiceSet';
  readonly id: string;
  readonly label: string;
  readonly isRequired: boolean;
  readonly style: 'compact';
  readonly choices: readonly { readonly title: string; readonly value: string }[];
  /** The pre-selected choice's value. */
  readonly value?: string;
  /** Shown while nothing is chosen (else the list opens on its first choice's look). */
  readonly placeholder?: string;
  readonly errorMessage?: string;
}

/** What a button sends back: the core's action id and its opaque payload (inputs are merged in). */
export interface SubmitData {
  readonly action: string;
  readonly payload: string;
}

export interface ActionSubmit {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly data: SubmitData;
  readonly style?: 'positive' | 'destructive';
}

export interface ActionShowCard {
  readonly type: 'Action.ShowCard';
  readonly title: string;
  readonly card: AdaptiveCard;
}

/** Opens a web address: a file Lapis serves. */
export interface ActionOpenUrl {
  readonly type: 'Action.OpenUrl';
  readonly title: string;
  readonly url: string;
}

export type CardAction = ActionSubmit | ActionShowCard | ActionOpenUrl;

export interface ActionSet {
  readonly type: 'ActionSet';
  readonly actions: readonly CardAction[];
}

/** An image Teams fetches from `url` (https) and shows in the card. */
export interface CardImage {
  readonly type: 'Image';
  readonly url: string;
  readonly altText: string;
  readonly size: 'Auto';
  readonly selectAction?: { readonly type: 'Action.OpenUrl'; readonly url: string };
}

export type CardElement = TextBlock | FactSet | ActionSet | InputText | InputChoiceSet | CardImage;

/** A Teams mention: `text` appears verbatim (`<at>Name</at>`) in a TextBlock of the card. */
export interface MentionEntity {
  readonly type: 'mention';
  readonly text: string;
  readonly mentioned: { readonly id: string; readonly name: string; readonly type?: 'tag' };
}

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema?: string;
  readonly version: '1.5';
  readonly body: readonly CardElement[];
  readonly msteams?: { readonly width?: 'Full'; readonly entities?: readonly MentionEntity[] };
}

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** A small image sent in the message itself, as a data URL (a file Lapis passes on). */
export interface InlineImage {
  readonly contentType: string;
  readonly contentUrl: string;
  readonly name: string;
}

/**
 * The message activity Lapis sends: one Adaptive Card and a plain-text summary for notifications;
 * a file's message may carry the image itself after the card.
 */
export interface CardActivity {
  readonly type: 'message';
  readonly summary: string;
  readonly attachments: readonly [
    { readonly contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE; readonly content: AdaptiveCard },
    ...InlineImage[],
  ];
}
