import type { Inbound } from '../inbound';
import type { ActionId, Block, OutboundMessage } from '../messages';
import { plain } from '../messages';
import { emit } from './work-scope';

type ActionEvent = Extract<Inbound, { kind: 'action' }>;

/**
 * `original` as it reads once its `pressed` button was honoured: what it said, with the row of that
 * button replaced by what was chosen. Rows of buttons after it go too, with the line leading into
 * each ("None of these? An agent can help:"), which would lead nowhere now.
 */
export function retiredMessage(
  original: OutboundMessage,
  pressed: ActionId,
  chosen: string,
): OutboundMessage {
  const line: Block = { kind: 'context', spans: [plain(chosen)] };
  const blocks: Block[] = [];
  let placed = false;
  original.blocks.forEach((block, i) => {
    if (block.kind === 'actions') {
      if (!placed && block.actions.some((a) => a.id === pressed)) blocks.push(line);
      placed ||= block.actions.some((a) => a.id === pressed);
      return;
    }
    const next = original.blocks[i + 1];
    const leadsIntoLaterRow = placed && block.kind === 'text' && next?.kind === 'actions';
    if (!leadsIntoLaterRow) blocks.push(block);
  });
  if (!placed) blocks.push(line);
  return { text: `${original.text}\n${chosen}`, locale: original.locale, blocks };
}

/**
 * Updates the message the press came from (when the channel said which) to `message`, its buttons
 * retired. An outbox entry like any other: a redone step queues the same update under the same key.
 */
export function retire(e: ActionEvent, message: OutboundMessage | undefined): void {
  if (e.message && message) emit({ kind: 'retire', ref: e.message, message });
}
