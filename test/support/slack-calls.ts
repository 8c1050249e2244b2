import type { SlackCall } from './slack-api-stub';

/** Reading what the app sent to the loopback Web API: its buttons and the texts people would see. */
export interface FoundButton {
  readonly actionId: string;
  readonly value: string;
  readonly text: string;
  readonly channel: string;
  readonly messageTs: string;
}

export function findButton(
  calls: readonly SlackCall[],
  action: string,
  channel?: string,
  label?: string,
): FoundButton {
  for (let i = calls.length - 1; i >= 0; i--) {
    const call = calls[i];
    if (
      !call ||
      !['chat.postMessage', 'chat.update'].includes(call.method) ||
      call.response.ok !== true
    )
      continue;
    if (channel && call.args.channel !== channel) continue;
    for (const block of (call.args.blocks ?? []) as {
      type: string;
      elements?: Record<string, unknown>[];
    }[]) {
      for (const element of block.type === 'actions' ? (block.elements ?? []) : []) {
        const actionId = String(element.action_id);
        if (!actionId.startsWith(`lapis:${action}:`)) continue;
        if (label !== undefined && (element.text as { text: string }).text !== label) continue;
        return {
          actionId,
          value: String(element.value),
          text: String((element.text as { text: string }).text),
          channel: String(call.args.channel),
          messageTs: String(call.response.ts),
        };
      }
    }
  }
  throw new Error(`no ${action} button was posted${channel ? ` in ${channel}` : ''}`);
}

/** Every text a call put in front of people: the fallback `text` and each block's texts, joined. */
export function shownText(call: SlackCall): string {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value !== 'object' || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'text' && typeof inner === 'string') texts.push(inner);
      else if (key !== 'value' && key !== 'private_metadata') walk(inner);
    }
  };
  if (typeof call.args.text === 'string') texts.push(call.args.text);
  walk(call.args.blocks);
  walk(call.args.view);
  return texts.join('\n');
}
