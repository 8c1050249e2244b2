import type { SlackInput } from './slack-delivery';

/**
 * What a receiver read of a body travels to the listeners in Bolt's custom properties of the
 * event's context, so no listener reads the body again.
 */
const INPUT = 'lapisInput';

export function inputProperties(input: SlackInput): Record<string, unknown> {
  return { [INPUT]: input };
}

/** The input of a listener's kind, as the receiver read it (undefined: not this listener's). */
export function takenInput<K extends SlackInput['kind']>(
  context: { readonly [key: string]: unknown },
  kind: K,
): Extract<SlackInput, { kind: K }> | undefined {
  const input = context[INPUT] as SlackInput | undefined;
  return input?.kind === kind ? (input as Extract<SlackInput, { kind: K }>) : undefined;
}
