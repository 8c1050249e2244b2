import path from 'node:path';
import { loadKnowledgeBase } from '../../../src/kb/load-kb';
import type { SearchableKnowledgeBase } from '../../../src/kb/search/create-knowledge-base';
import { botKnowledgeBase } from '../../support/bot-search';

/** The search as the bot runs it on the shipped kb/, with the semantic opinion (setup:test installs it). */
describe('L0 search with the semantic opinion', () => {
  let kb: SearchableKnowledgeBase & { close(): void };
  beforeAll(async () => {
    kb = await botKnowledgeBase(loadKnowledgeBase(path.join(__dirname, '../../../kb')));
  }, 120_000);
  afterAll(() => kb.close());

  it('runs in semantic mode and says so per search', async () => {
    expect(kb.mode).toBe('semantic');
    expect((await kb.search('I forgot my password')).mode).toBe('semantic');
    // Small talk needs no vector.
    expect((await kb.search('makasih ya')).mode).toBe('lexical');
  });

  it('offers two articles close together instead of deciding by a hair', async () => {
    const result = await kb.search('printer kantor tidak bisa mencetak');
    expect(result.answer).toBeNull();
    expect(result.suggestions.map((s) => s.id)).toEqual(
      expect.arrayContaining(['printer-setup', 'printer-troubleshoot']),
    );
  });

  it('answers clear questions in either language', async () => {
    expect((await kb.search('saya lupa kata sandi')).answer?.id).toBe('password-reset');
    expect((await kb.search('my VPN keeps disconnecting')).answer?.id).toBe('vpn-troubleshoot');
  });

  it('asks what is not working when a message does not say', async () => {
    for (const text of ["it doesn't work", 'ada masalah nih', 'laptop problem']) {
      const result = await kb.search(text);
      expect(result).toMatchObject({ intent: 'vague', answer: null, suggestions: [] });
    }
  });
});
