import type { Action } from '../../../../src/core/messages';
import { draftFormFields } from '../../../../src/core/workflow/draft-article';
import {
  decodeButtonValue,
  encodeButtonValue,
  MAX_BUTTON_VALUE,
} from '../../../../src/channels/slack/slack-button-value';
import { formModal } from '../../../../src/channels/slack/slack-modal';

const draft = {
  title: 'Projector shows no picture',
  summary: 'Check the cable and the input.',
  questions: ['the projector in room 5 shows no picture'],
  steps: Array.from(
    { length: 12 },
    (_, i) => `Step ${i + 1}: ${'do the thing carefully '.repeat(7)}`,
  ),
  tags: ['projector'],
  lang: 'id' as const,
  category: 'hardware',
};
const action = (steps: readonly string[]): Action => ({
  id: 'draft_article',
  label: 'Draft KB article',
  payload: JSON.stringify({ ticket: 't1', level: 1 }),
  form: draftFormFields({ ...draft, steps }, 'en'),
});

describe('Slack: pre-filled forms', () => {
  it('carries the initial values through the button and into the modal', () => {
    const value = decodeButtonValue(encodeButtonValue(action(['One.', 'Two.'])))!;
    const modal = formModal(
      'Draft KB article',
      value.form!,
      { action: 'draft_article', payload: value.payload, channelId: undefined },
      'en',
    );
    const elements = modal.blocks.map(
      (b) => (b as unknown as { element: Record<string, unknown> }).element,
    );
    expect(elements[0]).toMatchObject({ initial_value: 'Projector shows no picture' });
    expect(elements[3]).toMatchObject({ initial_value: '1. One.\n2. Two.' });
    expect(elements[5]).toMatchObject({
      type: 'static_select',
      initial_option: { value: 'id', text: { text: 'Indonesian' } },
    });
  });

  it('shortens the longest pre-filled value, by whole lines, to fit a button value', () => {
    const long = action(draft.steps);
    const encoded = encodeButtonValue(long);
    expect(encoded.length).toBeLessThanOrEqual(MAX_BUTTON_VALUE);
    const steps = decodeButtonValue(encoded)!.form!.find((f) => f.name === 'steps')!.initial!;
    const full = long.form!.find((f) => f.name === 'steps')!.initial!;
    expect(full.startsWith(steps)).toBe(true);
    expect(steps.length).toBeLessThan(full.length);
    expect(steps.endsWith('carefully')).toBe(true); // a whole line kept, none cut in half
    expect(decodeButtonValue(encoded)!.form!.find((f) => f.name === 'title')!.initial).toBe(
      'Projector shows no picture',
    );
  });
});
