/**
 * Block Kit's documented limits, checked the way Slack checks them (it answers `invalid_blocks`):
 * the loopback Web API uses this so an over-long message fails the test as it would fail in Slack.
 */
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const textOf = (v: unknown): string => (isObject(v) && typeof v.text === 'string' ? v.text : '');
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : []);

function checkBlock(block: unknown, i: number, problems: string[], actionIds: Set<string>): void {
  if (!isObject(block)) return void problems.push(`block ${i} is not an object`);
  const over = (what: string, length: number, max: number) => {
    if (length > max)
      problems.push(`block ${i} (${String(block.type)}): ${what} ${length} > ${max}`);
  };
  switch (block.type) {
    case 'header':
      return over('text', textOf(block.text).length, 150);
    case 'section':
      over('text', textOf(block.text).length, 3000);
      over('fields', list(block.fields).length, 10);
      list(block.fields).forEach((f) => over('field', textOf(f).length, 2000));
      if (!block.text && !block.fields) problems.push(`block ${i}: a section needs text or fields`);
      return;
    case 'context':
      over('elements', list(block.elements).length, 10);
      list(block.elements).forEach((e) => over('element text', textOf(e).length, 3000));
      return;
    case 'actions':
      over('elements', list(block.elements).length, 25);
      for (const e of list(block.elements)) {
        if (!isObject(e)) continue;
        over('button text', textOf(e.text).length, 75);
        over('value', str(e.value).length, 2000);
        const id = str(e.action_id);
        if (actionIds.has(id)) problems.push(`block ${i}: duplicate action_id ${id}`);
        actionIds.add(id);
      }
      return;
    case 'input':
      over('label', textOf(block.label).length, 2000);
      if (isObject(block.element)) {
        over('options', list(block.element.options).length, 100);
        list(block.element.options).forEach((o) =>
          over('option text', textOf(isObject(o) ? o.text : undefined).length, 75),
        );
      }
      return;
    default:
      problems.push(`block ${i}: unexpected type ${String(block.type)}`);
  }
}

/** Problems with a chat.* call's `text`/`blocks` or a views.* call's `view`, as Slack would see them. */
export function slackBlockProblems(args: Json): string[] {
  const problems: string[] = [];
  const actionIds = new Set<string>();
  if (typeof args.text === 'string' && args.text.length > 40000) problems.push('text > 40000');
  const blocks = list(args.blocks);
  if (blocks.length > 50) problems.push(`${blocks.length} blocks > 50`);
  blocks.forEach((b, i) => checkBlock(b, i, problems, actionIds));
  if (isObject(args.view)) {
    const view = args.view;
    for (const key of ['title', 'submit', 'close'] as const)
      if (textOf(view[key]).length > 24) problems.push(`view ${key} > 24`);
    if (str(view.private_metadata).length > 3000) problems.push('private_metadata > 3000');
    const viewBlocks = list(view.blocks);
    if (viewBlocks.length > 100) problems.push('view blocks > 100');
    viewBlocks.forEach((b, i) => checkBlock(b, i, problems, actionIds));
  }
  return problems;
}
