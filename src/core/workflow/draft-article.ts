import { t } from '../i18n/translate';
import { LOCALES, type Locale } from '../locale';
import type { FormField } from '../messages';
import type { Category, Ticket } from '../ticket';

/**
 * A KB article drafted from a resolved ticket (knowledge-centred support): the question as asked,
 * the ticket's category in the KB's words, the agent's resolution as numbered steps, in the ticket's
 * language. Pure: the agent edits it in a form before it is stored (draft-actions.ts).
 */
export interface DraftFields {
  readonly title: string;
  /** The first paragraph of the body, shown first in chat. */
  readonly summary: string;
  readonly questions: readonly string[];
  readonly steps: readonly string[];
  readonly tags: readonly string[];
  readonly lang: Locale;
  readonly category: string;
}

/** The KB's categories (its folders under kb/) for the ticket categories. */
export const KB_CATEGORY: Readonly<Record<Category, string>> = {
  account: 'accounts',
  email: 'email',
  network: 'network',
  hardware: 'hardware',
  software: 'software',
  printing: 'hardware',
  security: 'security',
  other: 'general',
};

/** Bounds that keep a pre-filled form within every channel's limits (Slack inputs take 3000). */
export const DRAFT_LIMITS = {
  title: 100,
  summary: 400,
  question: 300,
  questions: 5,
  step: 400,
  steps: 12,
  tag: 40,
  tags: 10,
} as const;

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Cut at a word boundary when one is near, else at the limit. */
export function clip(text: string, max: number): string {
  const flat = oneLine(text);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:-]+$/, '');
}

/** "my printer says E-42??" -> "My printer says E-42". */
export function titleFromQuestion(question: string): string {
  const text = clip(question.replace(/[\s?!.,;:]+$/, ''), DRAFT_LIMITS.title);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const BULLET = /^\s*(?:\d+[.)]|[-*•])\s+/;

/**
 * The resolution as steps: one a line when it was written in lines (numbers and bullets dropped),
 * else one a sentence (or a part between semicolons).
 */
export function splitSteps(resolution: string): string[] {
  const lines = resolution
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(BULLET, '').trim())
    .filter(Boolean);
  const parts = lines.length > 1 ? lines : oneLine(resolution).split(/(?<=[.!?])\s+(?=\S)|;\s+/);
  return parts
    .map((p) => clip(p.replace(BULLET, ''), DRAFT_LIMITS.step))
    .filter((p) => p.replace(/[.!?;\s]/g, '') !== '')
    .map((p) => (/[.!?:]$/.test(p) ? p : `${p}.`))
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .slice(0, DRAFT_LIMITS.steps);
}

/**
 * The draft of a resolved ticket: what the agent's form is pre-filled with. It is made of the ticket
 * alone (its question, category, language and resolution): the L0 attempts a ticket carries include
 * whatever the employee asked earlier in the same conversation, often about something else (the wifi
 * before the printer), and an article must not claim those as ways of asking about this one.
 */
export function draftArticle(ticket: Ticket): DraftFields {
  const steps = splitSteps(ticket.resolution?.summary ?? '');
  const question = clip(ticket.question, DRAFT_LIMITS.question);
  return {
    title: titleFromQuestion(ticket.question),
    summary: clip(steps[0] ?? ticket.resolution?.summary ?? '', DRAFT_LIMITS.summary),
    questions: question ? [question] : [],
    steps,
    tags: [],
    lang: ticket.locale,
    category: KB_CATEGORY[ticket.category],
  };
}

/** The names of the draft form's fields, as the channels send them back. */
export const DRAFT_FIELDS = {
  title: 'title',
  summary: 'article_summary',
  questions: 'questions',
  steps: 'steps',
  tags: 'tags',
  lang: 'lang',
} as const;

/** The form of "Draft KB article", in the agents' language, pre-filled with `draft`. */
export function draftFormFields(draft: DraftFields, locale: Locale): FormField[] {
  const f = DRAFT_FIELDS;
  return [
    {
      name: f.title,
      label: t(locale, 'form_draft_title'),
      type: 'text',
      required: true,
      initial: draft.title,
    },
    {
      name: f.summary,
      label: t(locale, 'form_draft_summary'),
      type: 'textarea',
      required: true,
      initial: draft.summary,
    },
    {
      name: f.questions,
      label: t(locale, 'form_draft_questions'),
      type: 'textarea',
      required: false,
      initial: draft.questions.join('\n'),
    },
    {
      name: f.steps,
      label: t(locale, 'form_draft_steps'),
      type: 'textarea',
      required: false,
      initial: draft.steps.map((s, i) => `${i + 1}. ${s}`).join('\n'),
    },
    {
      name: f.tags,
      label: t(locale, 'form_draft_tags'),
      type: 'text',
      required: false,
      initial: draft.tags.join(', '),
    },
    {
      name: f.lang,
      label: t(locale, 'form_draft_lang'),
      type: 'select',
      required: true,
      options: LOCALES.map((l) => ({ value: l, label: t(locale, `lang_${l}`) })),
      initial: draft.lang,
    },
  ];
}

const lines = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => oneLine(l.replace(BULLET, '')))
    .filter(Boolean);

/**
 * The agent's edit, read back from the submitted form (a field left out is a field left empty); the
 * language falls back to the generated one, the category is the ticket's. Empty required fields are
 * the caller's to refuse.
 */
export function readDraftForm(
  form: Readonly<Record<string, string>>,
  generated: DraftFields,
): DraftFields {
  const f = DRAFT_FIELDS;
  const value = (name: string) => form[name]?.trim();
  const lang = LOCALES.find((l) => l === value(f.lang)) ?? generated.lang;
  return {
    title: clip(value(f.title) ?? '', DRAFT_LIMITS.title),
    summary: clip(value(f.summary) ?? '', 2000),
    questions: lines(value(f.questions) ?? '')
      .slice(0, DRAFT_LIMITS.questions)
      .map((q) => clip(q, DRAFT_LIMITS.question)),
    steps: lines(value(f.steps) ?? '')
      .slice(0, DRAFT_LIMITS.steps)
      .map((s) => clip(s, DRAFT_LIMITS.step)),
    tags: [
      ...new Set(
        (value(f.tags) ?? '')
          .split(/[,\n]/)
          .map((x) => clip(x, DRAFT_LIMITS.tag))
          .filter(Boolean),
      ),
    ].slice(0, DRAFT_LIMITS.tags),
    lang,
    category: generated.category,
  };
}

/** A KB id ([a-z0-9-]+) from a title: accents dropped, anything else a dash, at most 60 characters. */
export function articleSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const short = slug.length > 60 ? slug.slice(0, 60).replace(/-[^-]*$/, '') : slug;
  return short || 'article';
}

/** `base`, else `base-2`, `base-3`...: the first that `taken` says is free. */
export function uniqueArticleId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}
