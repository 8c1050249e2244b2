import { effectIds } from '../../../src/core/effect-keys';
import type { Effect } from '../../../src/core/effects';
import { say } from '../../../src/core/workflow/render';

const dm = { platform: 'slack', id: 'D1' } as const;
const direct = (text: string): Effect => ({ kind: 'direct', dm, message: say(text) });
const thread: Effect = { kind: 'thread', ticketId: 't-1', level: 1, message: say('relayed') };
const card: Effect = { kind: 'card', ticketId: 't-1', level: 1 };

describe('the outbox ids of a step', () => {
  it('are the same when the step is redone the same way', () => {
    const effects = [thread, direct('added to IT-1001')];
    expect(effectIds('inbox:e1', effects)).toEqual(effectIds('inbox:e1', effects));
  });

  it('do not shift when a redo refreshes a card the first run did not', () => {
    const [threadId, directId] = effectIds('inbox:e1', [thread, direct('added')]);
    const redo = effectIds('inbox:e1', [thread, card, direct('added')]);
    expect(redo[0]).toBe(threadId);
    expect(redo[2]).toBe(directId);
    expect(redo[1]).not.toBe(threadId);
    expect(redo[1]).not.toBe(directId);
  });

  it('tell apart two messages to the same conversation, and two steps', () => {
    const ids = effectIds('inbox:e1', [direct('one'), direct('two')]);
    expect(new Set(ids).size).toBe(2);
    expect(effectIds('inbox:e2', [direct('one')])[0]).not.toBe(ids[0]);
  });

  it('end in the step id before the last "#" (the reply-time metric reads it so)', () => {
    const teamsDm: Effect = {
      kind: 'direct',
      dm: { platform: 'teams', id: 'a:1#weird;messageid=2' },
      message: say('hi'),
    };
    const [id] = effectIds('inbox:e#1', [teamsDm]);
    expect(id!.slice(0, id!.lastIndexOf('#'))).toBe('inbox:e#1');
  });
});
