// Renders the core's platform-neutral messages (header, text, fields, actions, context, ping blocks).
import { clockTime, clockTitle } from './clock.js';
import { h, initials, isInternalNote } from './dom.js';
import { tr } from './labels.js';
import { linkify } from './links.js';
import { limitText, refusalText } from './text-limit.js';
import { renderFiles } from './files.js';

let nextFieldId = 0;

/**
 * One message. `options`: variant ('bubble' in the DM, 'card' for a ticket card, 'reply' in a thread),
 * mine (the viewer wrote it), act ({ enabled, reason, send(action, form), readOnly }) for its buttons
 * (with `readOnly`, a line saying why takes their place), unsent (a reply the core kept in the
 * thread: this says why it never reached the employee), and locale (the pane's language; a form
 * speaks its message's own).
 */
export function renderMessage(entry, options) {
  const locale = options.locale;
  const words = { locale: entry.message.locale || locale, ping: locale };
  const author = entry.from ? entry.from.name : 'Lapis';
  const note = entry.from && isInternalNote(entry.message.text);
  const classes = ['msg', `msg-${options.variant}`];
  if (!entry.from) classes.push('from-bot');
  if (options.mine) classes.push('mine');
  if (entry.ephemeral) classes.push('ephemeral');
  if (note) classes.push('note');
  if (options.unsent) classes.push('unsent');

  const head = h(
    'div',
    { class: 'msg-head' },
    options.variant === 'card' ? null : avatar(author, !entry.from),
    h('span', { class: 'msg-author' }, author),
    entry.from ? null : h('span', { class: 'tag tag-bot' }, tr(locale, 'tag_bot')),
    note ? h('span', { class: 'tag tag-note' }, tr(locale, 'tag_note')) : null,
    h(
      'time',
      { class: 'msg-time', datetime: entry.at, title: clockTitle(entry.at, locale) },
      clockTime(entry.at, locale),
    ),
    entry.updatedAt !== entry.at
      ? h('span', { class: 'msg-edited' }, tr(locale, 'msg_updated'))
      : null,
  );
  const body = h('div', { class: 'msg-body' }, renderBlocks(entry.message, options.act, words));
  const marker = entry.ephemeral
    ? h('div', { class: 'ephemeral-marker' }, tr(locale, 'ephemeral_marker'))
    : null;
  const unsent = options.unsent
    ? h('div', { class: 'unsent-marker', title: options.unsent }, tr(locale, 'unsent_marker'))
    : null;
  return h(
    'article',
    // The id is where a ticket made from this message links to (#msg-<id>).
    { class: classes.join(' '), 'data-id': entry.id, id: `msg-${entry.id}` },
    head,
    marker,
    unsent,
    body,
    renderFiles(entry.files),
  );
}

function avatar(name, bot) {
  return h(
    'span',
    { class: bot ? 'avatar avatar-bot' : 'avatar', 'aria-hidden': 'true' },
    bot ? 'L' : initials(name),
  );
}

/** `words.locale`: the language of the form's own buttons; `words.ping`: the pane's. */
export function renderBlocks(message, act, words) {
  const blocks = Array.isArray(message.blocks) ? message.blocks : [];
  if (blocks.length === 0) return [h('p', { class: 'b-text' }, message.text)];
  return blocks.map((block) => renderBlock(block, act, words)).filter(Boolean);
}

function renderBlock(block, act, words) {
  switch (block.kind) {
    case 'header':
      return h('h3', { class: 'b-header' }, block.text);
    case 'text':
      return h('p', { class: 'b-text' }, renderSpans(block.spans));
    case 'context':
      return h('p', { class: 'b-context' }, renderSpans(block.spans));
    case 'fields':
      return h(
        'dl',
        { class: 'b-fields' },
        block.fields.map((field) =>
          h(
            'div',
            { class: 'b-field' },
            h('dt', {}, field.label),
            h('dd', {}, renderSpan(field.value)),
          ),
        ),
      );
    case 'actions':
      return renderActions(block.actions, act, words.locale);
    case 'ping':
      return h(
        'p',
        { class: 'b-ping' },
        h('span', { class: 'ping-at' }, tr(words.ping, 'ping_handle', { level: block.level })),
        // A ping stored before pings carried words says the catalog's, in the pane's language.
        ` ${typeof block.text === 'string' ? block.text : tr(words.ping, 'ping_needs_you')}`,
      );
    default:
      return null;
  }
}

function renderSpans(spans) {
  return (spans || []).map(renderSpan);
}

/** Bold spans in <strong>; text a person typed gets its own style. Text nodes and web links only. */
function renderSpan(span) {
  const classes = span.user ? 'span-user' : undefined;
  return h(span.bold ? 'strong' : 'span', { class: classes }, linkify(String(span.text)));
}

function renderActions(actions, act, locale) {
  if (act.readOnly) return readOnlyLine(act.readOnly);
  const formSlot = h('div', { class: 'form-slot' });
  const buttons = actions.map((action) => {
    const classes = ['btn', action.style ? `btn-${action.style}` : 'btn-plain'];
    if (action.form && action.form.length) classes.push('has-form');
    const button = h(
      'button',
      {
        type: 'button',
        class: classes.join(' '),
        'data-action': action.id,
        disabled: !act.enabled,
        title: act.enabled ? null : act.reason,
      },
      action.label,
    );
    button.addEventListener('click', () => {
      if (action.form && action.form.length) openForm(formSlot, action, act, locale);
      else void busy(button, () => act.send(action, undefined));
    });
    return button;
  });
  return h('div', { class: 'b-actions' }, h('div', { class: 'buttons' }, buttons), formSlot);
}

/** What takes the place of buttons and reply boxes the viewer may not use: `{ text, title }`. */
export function readOnlyLine({ text, title }) {
  return h('p', { class: 'read-only', title }, text);
}

/** The fields an action collects before it is sent, inline under its buttons, in `locale`. */
function openForm(slot, action, act, locale) {
  const inputs = action.form.map((field) => formInput(field, locale));
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, action.label);
  // The form's own slot, wherever it is now: a message updated in place keeps it (see app.js).
  const here = () => form.parentElement || slot;
  const cancel = h(
    'button',
    { type: 'button', class: 'btn btn-plain', onclick: () => here().replaceChildren() },
    tr(locale, 'form_cancel'),
  );
  const refusal = h('p', { class: 'form-refusal', role: 'alert', hidden: true });
  const form = h(
    'form',
    { class: 'inline-form', 'data-form-for': action.id, novalidate: true },
    inputs.map((i) => i.row),
    refusal,
    h('div', { class: 'form-buttons' }, submit, cancel),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = {};
    let firstBad = null;
    for (const { field, input, limit, missing } of inputs) {
      const value = input.value.trim();
      missing(field.required && !value);
      if ((field.required && !value) || (limit && !limit.allows())) firstBad = firstBad || input;
      if (value) values[field.name] = value;
    }
    if (firstBad) return firstBad.focus();
    refusal.hidden = true;
    const refused = (error) => {
      refusal.textContent = tr(locale, 'form_not_sent', { reason: refusalText(error, locale) });
      refusal.hidden = false;
    };
    void busy(submit, () => act.send(action, values, refused)).then((ok) => {
      if (ok) {
        const sent = tr(locale, 'form_sent', { action: action.label });
        here().replaceChildren(h('p', { class: 'form-sent' }, sent));
      }
    });
  });
  slot.replaceChildren(form);
  inputs[0]?.input.focus();
}

/** One field of an inline form: its label, its input and, for text, the length limit. */
function formInput(field, locale) {
  const id = `field-${++nextFieldId}`;
  const common = { id, name: field.name, required: field.required, 'data-field': field.name };
  let input;
  if (field.type === 'select') {
    const options = (field.options || []).map((o) => h('option', { value: o.value }, o.label));
    input = h('select', common, h('option', { value: '' }, tr(locale, 'form_choose')), options);
  } else if (field.type === 'textarea') {
    input = h('textarea', { ...common, rows: 3 });
  } else {
    input = h('input', { ...common, type: 'text' });
  }
  // Pre-filled (a drafted KB article): the person edits it before sending.
  if (typeof field.initial === 'string') input.value = field.initial;
  if (field.type === 'textarea' && field.initial) input.rows = 8;
  const limit = field.type === 'select' ? null : limitText(input, () => locale);
  const label = h(
    'label',
    { for: id, class: 'form-label' },
    field.label,
    field.required ? h('span', { class: 'req' }, ' *') : null,
  );
  const problem = h('p', { class: 'field-problem', id: `${id}-problem`, role: 'alert' });
  input.setAttribute('aria-describedby', problem.id);
  const missing = requiredSaying(field, input, problem, locale);
  const row = h('div', { class: 'form-row' }, label, input, problem, limit?.row);
  return { field, input, limit, missing, row };
}

/**
 * `missing(true)` marks a required field left empty and says, right under it and in the reader's
 * language, which field and why; the field's first input clears it.
 */
function requiredSaying(field, input, problem, locale) {
  problem.hidden = true;
  const missing = (empty) => {
    input.classList.toggle('invalid', empty);
    if (empty) input.setAttribute('aria-invalid', 'true');
    problem.textContent = empty ? tr(locale, 'field_required', { field: field.label }) : '';
    problem.hidden = !empty;
  };
  input.addEventListener(field.type === 'select' ? 'change' : 'input', () => {
    if (input.value.trim()) missing(false);
  });
  return missing;
}

/** Disables a button while its request runs; resolves to whether it succeeded. */
export async function busy(button, run) {
  button.disabled = true;
  button.classList.add('busy');
  try {
    return await run();
  } finally {
    button.disabled = false;
    button.classList.remove('busy');
  }
}
