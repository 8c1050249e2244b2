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
  /** The pre-filled value (FormField.initial), possibly shortened to fit the button. */
  i: z.string().max(MAX_BUTTON_VALUE).optional(),
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
  let form = action.form;
  for (;;) {
    const value = encodeValue(action.payload, form);
    const over = value.length - MAX_BUTTON_VALUE;
    if (over <= 0) return value;
    // Pre-filled values are a convenience: the longest gives way (whole lines first) until it fits.
    const longest = form?.reduce<FormField | undefined>(
      (best, f) => ((f.initial?.length ?? 0) > (best?.initial?.length ?? 0) ? f : best),
      undefined,
    );
    if (!form || !longest?.initial)
      throw new Error(
        `button "${action.id}" carries ${value.length} characters; Slack allows 2000`,
      );
    const initial = shorten(longest.initial, longest.initial.length - over - 1);
    form = form.map((f) => (f === longest ? { ...f, initial } : f));
  }
}

function encodeValue(payload: string, form: readonly FormField[] | undefined): string {
  return JSON.stringify({
    p: payload,
    ...(form && {
      f: form.map((f) => ({
        n: f.name,
        l: f.label,
        t: f.type,
        r: f.required,
        ...(f.options && { o: f.options.map((o) => [o.value, o.label]) }),
        ...(f.initial && { i: f.initial }),
      })),
    }),
  });
}

/** `text` cut to at most `max` characters, at the end of a line when there is one. */
function shorten(text: string, max: number): string {
  if (max <= 0) return '';
  const cut = text.slice(0, max);
  const line = cut.lastIndexOf('\n');
  return (line > 0 ? cut.slice(0, line) : cut).trimEnd();
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
    ...(f.i && { initial: f.i }),
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
