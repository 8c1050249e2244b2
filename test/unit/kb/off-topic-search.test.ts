import path from 'node:path';
import { loadKnowledgeBase } from '../../../src/kb/load-kb';
import type { SearchableKnowledgeBase } from '../../../src/kb/search/create-knowledge-base';
import { botKnowledgeBase } from '../../support/bot-search';

/** The questions a new user tried in the console, on the shipped kb/, searched as the bot does. */
describe('off-topic questions on the shipped knowledge base', () => {
  let kb: SearchableKnowledgeBase & { close(): void };
  beforeAll(async () => {
    kb = await botKnowledgeBase(loadKnowledgeBase(path.join(__dirname, '../../../kb')));
  }, 120_000);
  afterAll(() => kb.close());

  it('runs with the semantic opinion (setup:test installs the model)', () => {
    expect(kb.mode).toBe('semantic');
  });

  it.each([
    ["what's the cafeteria menu today?", 'facilities'],
    ['how do I book a meeting room?', 'facilities'],
    ['siapa pemenang piala dunia 2022?', 'general'],
    ['sisa cuti saya tinggal berapa ya', 'hr'],
    ['slip gaji bulan ini kok belum keluar', 'hr'],
  ])('"%s" is off topic (%s): no answer, nothing offered', async (query, area) => {
    const result = await kb.search(query);
    expect(result).toMatchObject({ intent: 'off_topic', offTopicArea: area, answer: null });
    expect(result.suggestions).toEqual([]);
  });

  it.each([
    'my laptop AC adapter is broken',
    'printer on floor 3 is not printing',
    'VPN at home keeps disconnecting',
  ])('"%s" stays an IT question', async (query) => {
    expect((await kb.search(query)).intent).toBe('question');
  });
});
