import type { types as slack } from '@slack/bolt';
import { z } from 'zod';
import type { Locale } from '../../core/locale';
import type { ActionId, FormField } from '../../core/messages';
import { truncate } from '../../core/text/truncate';
import { actionIdSchema } from './slack-button-value';
import { t } from '../../core/i18n/translate';
import { defusePlainText } from './slack-text';

/**
 * A button with a form opens a modal (views.open with the press's trigger_id); its submission
 * becomes the core's action with the form's values. What the submission needs to know (which action,
 * its payload, where the button was) travels in the view's private_metadata, parsed with zod.
 */
export const FORM_CALLBACK_ID = 'lapis_form';
const VALUE = 'value';
const MAX_INPUT = 3000;

const metadataSchema = z.strictObject({
  a: actionIdSchema,
  p: z.string().max(2000),
  /** The channel the button was pressed in (a DM, a level channel). */
  c: z
    .string()
    .regex(/^[CGD][A-Z0-9]{2,}$/)
    .optional(),
  /** The `ts` of the message the button was on, in channel `c`: it is updated once the form is sent. */
  m: z
    .string()
    .regex(/^\d{1,12}\.\d{1,9}$/)
    .optional(),
});

export interface FormOrigin {
  readonly action: ActionId;
  readonly payload: string;
  readonly channelId: string | undefined;
  readonly messageTs?: string | undefined;
}

export function encodeMetadata(origin: FormOrigin): string {
  return JSON.stringify({
    a: origin.action,
    p: origin.payload,
    ...(origin.channelId && { c: origin.channelId }),
    ...(origin.channelId && origin.messageTs && { m: origin.messageTs }),
  });
}

export function decodeMetadata(raw: string): FormOrigin | undefined {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) return undefined;
    const { a: action, p: payload, c: channelId, m: messageTs } = parsed.data;
    return { action, payload, channelId, messageTs };
  } catch {
    return undefined;
  }
}

const plain = (text: string, max: number): slack.PlainTextElement => ({
  type: 'plain_text',
  text: truncate(defusePlainText(text), max),
  emoji: true,
});

function inputBlock(field: FormField, locale: Locale): slack.InputBlock {
  let element: slack.InputBlock['element'];
  if (field.type === 'select') {
    const options = (field.options ?? []).slice(0, 100).map((o) => ({
      text: plain(o.label, 75),
      value: o.value,
    }));
    const initial = options.find((o) => o.value === field.initial);
    element = {
      type: 'static_select',
      action_id: VALUE,
      // Slack's own placeholder would be English whatever the person reads.
      placeholder: plain(t(locale, 'form_choose'), 150),
      options,
      ...(initial && { initial_option: initial }),
    };
  } else {
    element = {
      type: 'plain_text_input',
      action_id: VALUE,
      multiline: field.type === 'textarea',
      max_length: MAX_INPUT,
      ...(field.initial && { initial_value: field.initial.slice(0, MAX_INPUT) }),
    };
  }
  return {
    type: 'input',
    block_id: field.name,
    label: plain(field.label, 2000),
    optional: !field.required,
    element,
  };
}

export function formModal(
  title: string,
  fields: readonly FormField[],
  origin: FormOrigin,
  locale: Locale,
): slack.ModalView {
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK_ID,
    title: plain(title, 24),
    submit: plain(title, 24),
    close: plain(t(locale, 'form_cancel'), 24),
    private_metadata: encodeMetadata(origin),
    blocks: fields.slice(0, 100).map((field) => inputBlock(field, locale)),
  };
}

const stateSchema = z.record(
  z.string().regex(/^[a-z_]{1,40}$/),
  z.record(
    z.string(),
    z.looseObject({
      value: z.string().max(MAX_INPUT).nullish(),
      selected_option: z.looseObject({ value: z.string().max(150) }).nullish(),
    }),
  ),
);

/** The submitted values by field name, as plain strings; unknown shapes are dropped. */
export function formValues(values: unknown): Record<string, string> {
  const parsed = stateSchema.safeParse(values);
  if (!parsed.success) return {};
  const form: Record<string, string> = {};
  for (const [name, inputs] of Object.entries(parsed.data)) {
    const input = inputs[VALUE];
    const value = input?.selected_option?.value ?? input?.value;
    if (typeof value === 'string') form[name] = value;
  }
  return form;
}

/** Required text inputs that hold only spaces: Slack accepts them, the core would refuse them. */
export function blankRequired(
  view: { blocks?: readonly unknown[] },
  form: Readonly<Record<string, string>>,
): string[] {
  const schema = z.looseObject({
    type: z.literal('input'),
    block_id: z.string(),
    optional: z.boolean().optional(),
  });
  return (view.blocks ?? [])
    .map((b) => schema.safeParse(b))
    .filter((r) => r.success && r.data.optional === false)
    .map((r) => (r.success ? r.data.block_id : ''))
    .filter((name) => !(form[name] ?? '').trim());
}
