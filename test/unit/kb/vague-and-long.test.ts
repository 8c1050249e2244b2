import path from 'node:path';
import { loadKnowledgeBase } from '../../../src/kb/load-kb';
import { createKnowledgeBase } from '../../../src/kb/search/create-knowledge-base';
import { problemSentences } from '../../../src/kb/text/problem-sentences';

const kb = createKnowledgeBase(loadKnowledgeBase(path.join(__dirname, '../../../kb')));

describe('vague messages', () => {
  it.each([
    "it doesn't work",
    'ada masalah nih',
    'help',
    'laptop problem',
    'error terus',
    'my computer is acting weird',
    'tolong bantu, urgent',
    'something is broken',
    'halo, saya butuh bantuan IT',
  ])('%j gets a clarifying question, not an answer', async (text) => {
    const result = await kb.search(text);
    expect(result.intent).toBe('vague');
    expect(result.answer).toBeNull();
    expect(result.suggestions).toEqual([]);
  });

  it.each([
    'my laptop is slow',
    'printer tidak bisa mencetak',
    'vpn keeps disconnecting',
    'outlook error when sending email',
    'how do I write an Excel macro',
  ])('%j says what is wrong: not vague', async (text) => {
    expect((await kb.search(text)).intent).not.toBe('vague');
  });

  it('small talk stays small talk', async () => {
    expect((await kb.search('thanks, that fixed it')).intent).toBe('thanks');
    expect((await kb.search('halo')).intent).toBe('greeting');
  });

  it('a search within an area ranks only that area', async () => {
    const area = kb.areas()[0];
    expect(area).toBeDefined();
    const result = await kb.search("it doesn't work", { category: area?.id });
    expect(result.results.length).toBeGreaterThan(0);
    for (const r of result.results) expect(kb.article(r.id, 'en')?.category).toBe(area?.id);
  });
});

describe('long messages', () => {
  const weight = (s: string) => (/printer|print|cetak/i.test(s) ? 2 : /laptop/i.test(s) ? 1 : 0);

  it('reads the sentence that states the problem', () => {
    const message =
      'Good morning team, sorry to bother you so early. I came back from two weeks of leave yesterday. ' +
      'Since then the printer on the third floor prints nothing although the job shows as sent. ' +
      'Thanks a lot in advance, it is quite urgent for me.';
    expect(problemSentences(message, weight)).toBe(
      'Since then the printer on the third floor prints nothing although the job shows as sent.',
    );
  });

  it('keeps a short message whole', () => {
    expect(problemSentences('printer is broken. help', weight)).toBe('printer is broken. help');
  });

  it('keeps the whole message when no sentence says anything about IT', () => {
    const message =
      'Hello there, hope you are well. I wanted to ask something about the weekend plans, if that is fine. Thanks!';
    expect(problemSentences(message, () => 0)).toBe(message);
  });

  it('finds the problem in a long message on the shipped KB, whatever surrounds it', async () => {
    const message =
      'Selamat pagi tim IT, mohon maaf mengganggu pagi-pagi. Saya dari bagian keuangan di lantai 3, ' +
      'kami sedang mengejar laporan bulanan. Sejak tadi printer di ruangan kami menunjukkan paper jam ' +
      'dan kertasnya nyangkut di dalam, sudah saya coba matikan dan nyalakan lagi tapi tetap sama. ' +
      'Mohon bantuannya ya, terima kasih banyak.';
    const short = 'printer kertasnya nyangkut, paper jam';
    const [long, brief] = await Promise.all([kb.search(message), kb.search(short)]);
    expect(long.results[0]?.id).toBe(brief.results[0]?.id);
    // The confidence does not fall because the message is long.
    expect(long.results[0]?.score ?? 0).toBeGreaterThanOrEqual(
      (brief.results[0]?.score ?? 0) - 0.15,
    );
  });
});
