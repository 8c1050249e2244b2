import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createMemoryL0Learning } from '../../support/fakes/memory-l0-learning';
import type { KnowledgeBase } from '../../../src/core/ports/knowledge-base';
import { loadKnowledgeBase } from '../../../src/kb/load-kb';
import { createLearningKnowledgeBase } from '../../../src/kb/search/learning-knowledge-base';

interface Labelled {
  readonly query: string;
  readonly expect: string | null;
}

const root = path.join(__dirname, '../../..');
const devSet: Labelled[] = readFileSync(path.join(root, 'test/fixtures/kb-devset.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Labelled);

/**
 * The same question asked again a little differently: a greeting in front, and two letters of its
 * longest word swapped (the commonest typo).
 */
function nearRepeat(query: string, i: number): string {
  const words = query.split(' ');
  const longest = words.reduce((a, w, k) => (w.length > (words[a] ?? '').length ? k : a), 0);
  const w = words[longest] ?? '';
  const mid = Math.floor(w.length / 2);
  words[longest] = w.slice(0, mid - 1) + (w[mid] ?? '') + (w[mid - 1] ?? '') + w.slice(mid + 1);
  return `${i % 2 ? 'halo, ' : 'hi, '}${words.join(' ')}`;
}

async function score(kb: KnowledgeBase, set: readonly Labelled[]) {
  let right = 0;
  let wrong = 0;
  for (const item of set) {
    const answer = (await kb.search(item.query)).answer?.id ?? null;
    if (item.expect === null) wrong += answer === null ? 0 : 1;
    else if (answer === item.expect) right++;
    else if (answer !== null) wrong++;
  }
  return { right, wrong };
}

describe('learning from confirmed outcomes (replayed on the development set)', () => {
  const inScope = devSet.filter((x) => x.expect !== null);
  const taught = inScope.filter((_, i) => i % 2 === 0);
  const untaught = inScope.filter((_, i) => i % 2 === 1);
  const outOfScope = devSet.filter((x) => x.expect === null);
  const nearRepeats = taught.map((x, i) => ({ ...x, query: nearRepeat(x.query, i) }));

  it('answers repeated and near-repeated phrasings better, without more wrong answers', async () => {
    const kb = createLearningKnowledgeBase(loadKnowledgeBase(path.join(root, 'kb')), {
      minConfirmations: 2,
    });
    const sets = { taught, nearRepeats, untaught, outOfScope };
    const scoreAll = async () =>
      Object.fromEntries(
        await Promise.all(
          Object.entries(sets).map(async ([name, set]) => [name, await score(kb, set)] as const),
        ),
      ) as Record<keyof typeof sets, Awaited<ReturnType<typeof score>>>;
    const before = await scoreAll();

    // Two people confirm each taught question as solved by its article (as after "Solved").
    const learning = createMemoryL0Learning();
    const at = new Date('2026-12-01T03:00:00Z');
    for (const [i, item] of taught.entries())
      for (const who of ['a', 'b'])
        await learning.confirm({
          articleId: item.expect as string,
          text: item.query,
          lang: undefined,
          source: 'requester',
          key: `${i}:${who}`,
          user: { platform: 'console', id: who },
          at,
        });
    expect(await kb.refresh(await learning.learned())).toBe(
      new Set(taught.map((x) => x.query)).size,
    );

    const after = await scoreAll();
    // The figures, for whoever reads the test output.
    console.log(
      Object.entries(sets)
        .map(
          ([name, set]) =>
            `${name} (${set.length}): right ${before[name as keyof typeof sets].right} -> ${after[name as keyof typeof sets].right}, wrong ${before[name as keyof typeof sets].wrong} -> ${after[name as keyof typeof sets].wrong}`,
        )
        .join('\n'),
    );
    expect(after.taught.right).toBeGreaterThan(before.taught.right);
    expect(after.taught.right).toBeGreaterThanOrEqual(Math.round(0.97 * taught.length));
    expect(after.nearRepeats.right).toBeGreaterThan(before.nearRepeats.right);
    expect(after.taught.wrong).toBeLessThanOrEqual(before.taught.wrong);
    expect(after.nearRepeats.wrong).toBeLessThanOrEqual(before.nearRepeats.wrong);
    expect(after.untaught.wrong).toBeLessThanOrEqual(before.untaught.wrong);
    expect(after.outOfScope.wrong).toBeLessThanOrEqual(before.outOfScope.wrong);
  });

  it('searches a phrasing only after enough confirmations, and not once removed', async () => {
    const articles = loadKnowledgeBase(path.join(root, 'kb'));
    const kb = createLearningKnowledgeBase(articles, { minConfirmations: 2 });
    const learning = createMemoryL0Learning();
    const odd = 'the thing with the blinking orange light in the corridor';
    const confirm = (key: string) =>
      learning.confirm({
        articleId: 'printer-troubleshoot',
        text: odd,
        lang: 'en',
        source: 'requester',
        key,
        user: { platform: 'console', id: key },
        at: new Date(),
      });
    await confirm('one');
    expect(await kb.refresh(await learning.learned())).toBe(0);
    await confirm('two');
    expect(await kb.refresh(await learning.learned())).toBe(1);
    expect((await kb.search(odd)).answer?.id).toBe('printer-troubleshoot');
    const [phrasing] = await learning.learned();
    await learning.remove(phrasing!.id);
    await confirm('three');
    expect(await kb.refresh(await learning.learned())).toBe(0);
    expect((await kb.search(odd)).answer?.id).not.toBe('printer-troubleshoot');
  });
});
