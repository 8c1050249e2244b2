import { z } from 'zod';
import { ACTION_IDS, type Action, type ActionId, type FormField } from '../../core/messages';

/**
 * What a Lapis button carries through Slack: the core's opaque payload and, for buttons that need a
 * form first, the form's fields (compactly), so a press can open the modal with no server-side state.
 * Slack gives the value back verbatim; it is still parsed with zod, as every inbound field is.
 */

export const actionIdSchema = z.enum(ACTION_IDS);

/** Slack's limit on a button value. */
export const MAX_BUTTON_VALUE = 2000;

const fieldSchema = z.strictObject({
  n: z.string().regex(/^[a-z_]{1,40}$/),
  l: z.string().max(2000),
  t: z.enum(['text', 'textarea', 'select']),
  r: z.boolean(),
  o: z
    .array(z.tuple([z.string().max(150), z.string().max(200)]))
    .max(100)
    .optional(),
});

const valueSchema = z.strictObject({
  p: z.string().max(MAX_BUTTON_VALUE),
  f: z.array(fieldSchema).max(20).optional(),
});

export interface ButtonValue {
  readonly payload: string;
  readonly form: readonly FormField[] | undefined;
}

export function encodeButtonValue(action: Action): string {
  const value = JSON.stringify({
    p: action.payload,
    ...(action.form && {
      f: action.form.map((f) => ({
        n: f.name,
        l: f.label,
        t: f.type,
        r: f.required,
        ...(f.options && { o: f.options.map((o) => [o.value, o.label]) }),
      })),
    }),
  });
  if (value.length > MAX_BUTTON_VALUE)
    throw new Error(`button "${action.id}" carries ${value.length} characters; Slack allows 2000`);
  return value;
}

/** The button's payload and form, or undefined for a value Lapis did not write. */
export function decodeButtonValue(raw: string): ButtonValue | undefined {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const parsed = valueSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const form = parsed.data.f?.map((f): FormField => ({
    name: f.n,
    label: f.l,
    type: f.t,
    required: f.r,
    ...(f.o && { options: f.o.map(([value, label]) => ({ value, label })) }),
  }));
  return { payload: parsed.data.p, form };
}

/** `lapis:<action>:<block>:<button>`: unique per button in a message, and names the core action. */
export function buttonActionId(id: ActionId, block: number, index: number): string {
  return `lapis:${id}:${block}:${index}`;
}

export const BUTTON_ACTION_PATTERN = /^lapis:([a-z0-9_]+):\d+:\d+$/;

export function actionOfButton(actionId: string): ActionId | undefined {
  const name = BUTTON_ACTION_PATTERN.exec(actionId)?.[1];
  const parsed = actionIdSchema.safeParse(name);
  return parsed.success ? parsed.data : undefined;
}
