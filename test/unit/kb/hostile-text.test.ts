import path from 'node:path';
import { loadKnowledgeBase } from '../../../src/kb/load-kb';
import { createKnowledgeBase } from '../../../src/kb/search/create-knowledge-base';
import { createTypoCorrector } from '../../../src/kb/text/typo-corrector';

const kb = createKnowledgeBase(loadKnowledgeBase(path.join(__dirname, '../../fixtures/kb-mini')));

/** CPU time of `work`, in ms (process time, so a busy machine slows it less than wall time). */
function cpuMs(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const SIZE = 40_000;
const shapes: Record<string, string> = {
  'one long word': 'laptopp'.repeat(SIZE / 7),
  'one letter repeated': 'a'.repeat(SIZE),
  'letters and a 2': `${'file'.repeat(SIZE / 4)}2`,
  'almost an address': `${'x.'.repeat(SIZE / 2)}`,
  'half-open mentions': '<@'.repeat(SIZE / 2),
  zalgo: 'e\u0301\u0302\u0303'.repeat(SIZE / 4),
  emoji: '🙂'.repeat(SIZE / 2),
  'right-to-left marks': 'vpn\u200f'.repeat(SIZE / 4),
  'many words': 'vpn putus '.repeat(SIZE / 10),
};

/**
 * Input size never decides whether the process lives: every shape of a 40,000-character message is
 * searched in a bounded time. The bound is generous (a second of CPU, the aim is 200 ms); before the
 * fix, one long word took 26 s and a 4,000-letter word exhausted the heap.
 */
describe('hostile text through the knowledge-base search', () => {
  it.each(Object.entries(shapes))('searches %s of 40,000 characters in bounded time', (_, text) => {
    let result: ReturnType<typeof kb.search> | undefined;
    const ms = cpuMs(() => {
      result = kb.search(text);
    });
    expect(result).toBeDefined();
    expect(ms).toBeLessThan(1000);
  });

  it('does not try to correct a word longer than any real one', () => {
    const corrector = createTypoCorrector(new Map([['password', 3]]));
    expect(corrector.correct('pasword')).toBe('password');
    const ms = cpuMs(() => expect(corrector.correct('a'.repeat(4000))).toBeUndefined());
    expect(ms).toBeLessThan(100);
  });
});
