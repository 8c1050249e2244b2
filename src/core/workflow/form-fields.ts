import { LapisError } from '../errors';
import { t } from '../i18n/translate';
import type { Inbound } from '../inbound';
import type { Locale } from '../locale';

type ActionEvent = Extract<Inbound, { kind: 'action' }>;

/** Longest value kept from a form field (the channels bound what they take too). */
const MAX_TEXT = 4000;

/** A required form field left blank: refused naming its label(s). */
export class MissingFields extends LapisError {
  constructor(readonly labels: string) {
    super('invalid_input', `missing: ${labels}`);
    this.name = 'MissingFields';
  }
}

/** The label each form field is shown with (render.ts builds the forms with the same keys). */
export const FIELD_LABELS = {
  category: 'form_category',
  impact: 'form_impact',
  urgency: 'form_urgency',
  reason: 'form_reason',
  tried: 'form_tried',
  note: 'form_note',
  summary: 'form_summary',
  problem: 'form_reopen_reason',
  article: 'form_article',
  title: 'form_draft_title',
  article_summary: 'form_draft_summary',
} as const;
export type FormFieldName = keyof typeof FIELD_LABELS;

export function field(e: ActionEvent, name: string): string {
  return (e.form?.[name] ?? '').trim().slice(0, MAX_TEXT);
}

/** A field the button's form marks required; a blank one is refused naming its label. */
export function required(e: ActionEvent, name: FormFieldName, locale: Locale): string {
  const value = field(e, name);
  if (!value) throw new MissingFields(t(locale, FIELD_LABELS[name]));
  return value;
}

export function missingFields(names: readonly FormFieldName[], locale: Locale): MissingFields {
  return new MissingFields(names.map((n) => t(locale, FIELD_LABELS[n])).join(', '));
}
