import path from 'node:path';
import { loadKnowledgeBase } from '../../../src/kb/load-kb';
import { createKnowledgeBase } from '../../../src/kb/search/create-knowledge-base';

/** The questions a new user tried in the console, on the shipped kb/. */
describe('off-topic questions on the shipped knowledge base', () => {
  const kb = createKnowledgeBase(loadKnowledgeBase(path.join(__dirname, '../../../kb')));

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
