import path from 'node:path';
import { loadKnowledgeBase } from '../../../src/kb/load-kb';
import { createKnowledgeBase } from '../../../src/kb/search/create-knowledge-base';

const mini = loadKnowledgeBase(path.join(__dirname, '../../fixtures/kb-mini'));
const kb = createKnowledgeBase(mini);
const answerOf = async (query: string) => (await kb.search(query)).answer?.id ?? null;

describe('knowledge-base search', () => {
  describe('across languages', () => {
    it('answers an Indonesian question with an English-only article', async () => {
      expect(await answerOf('printer kertasnya macet, gimana ngeluarinnya?')).toBe('printer-jam');
    });

    it('answers an English question with an Indonesian-only article', async () => {
      expect(await answerOf('how do I connect to the VPN from home?')).toBe('vpn-setup');
    });

    it('shows the title in the language the question was asked in when the article has it', async () => {
      expect((await kb.search('saya lupa kata sandi')).results[0]).toMatchObject({
        id: 'password-reset',
        title: 'Reset kata sandi Anda',
      });
      expect((await kb.search('I forgot my password')).results[0]).toMatchObject({
        id: 'password-reset',
        title: 'Reset your password',
      });
    });

    it('returns the article variant in the wanted language, else the other one', () => {
      expect(kb.article('password-reset', 'id')?.lang).toBe('id');
      const fallback = kb.article('printer-jam', 'id');
      expect(fallback?.lang).toBe('en');
      expect(fallback?.summary).toMatch(/^Open the printer/);
      expect(kb.article('nope', 'en')).toBeUndefined();
    });
  });

  describe('chat spelling and typos', () => {
    it.each([
      ['lupa pw', 'password-reset'],
      ['pw sy expired', 'password-reset'],
      ['pasword reset', 'password-reset'],
      ['pritner paper jam', 'printer-jam'],
      ['vpn gmn caranya konek', 'vpn-setup'],
      ['tolong bgt, kotak surat email saya penuh', 'mailbox-full'],
      ['MAILBOX FULL!!!', 'mailbox-full'],
    ])('%s -> %s', async (query, id) => {
      expect(await answerOf(query)).toBe(id);
    });
  });

  describe('what it must not answer', () => {
    it.each([
      ['halo', 'greeting'],
      ['selamat pagi min', 'greeting'],
      ['makasih ya', 'thanks'],
      ['thanks, that fixed it', 'thanks'],
      ['ok', 'ack'],
      ['', 'empty'],
      ['   ', 'empty'],
    ])('small talk %j is recognised as %s', async (query, intent) => {
      const result = await kb.search(query);
      expect(result.intent).toBe(intent);
      expect(result.answer).toBeNull();
    });

    it.each([
      'gaji bulan ini belum masuk',
      'kapan cuti bersama?',
      'AC di ruang meeting mati',
      'where can I park my car?',
    ])('off-topic %j gets no article', async (query) => {
      const result = await kb.search(query);
      expect(result.answer).toBeNull();
    });

    it('offers no article for an IT question the KB does not cover', async () => {
      expect(await answerOf('my bluetooth headset will not pair with my laptop')).toBeNull();
    });
  });

  describe('confidence and threshold', () => {
    it('scores every result in [0, 1], best first', async () => {
      for (const query of [
        'printer',
        'lupa password',
        'vpn',
        'email penuh',
        'random words about nothing',
      ]) {
        const { results } = await kb.search(query);
        for (const r of results) expect(r.score).toBeGreaterThanOrEqual(0);
        for (const r of results) expect(r.score).toBeLessThanOrEqual(1);
        expect(results.map((r) => r.score)).toEqual(
          [...results.map((r) => r.score)].sort((a, b) => b - a),
        );
      }
    });

    it('answers only at or above the threshold', async () => {
      const strict = createKnowledgeBase(mini, { answerThreshold: 1 });
      const lenient = createKnowledgeBase(mini, { answerThreshold: 0 });
      const query = 'I forgot my password';
      const confidence = (await kb.search(query)).results[0]?.score ?? 0;
      expect(confidence).toBeGreaterThan(0.5);
      expect((await strict.search(query)).answer).toBeNull();
      expect((await lenient.search(query)).answer?.id).toBe('password-reset');
      expect((await kb.search(query)).answer).toEqual({ id: 'password-reset', score: confidence });
    });

    it('finds the problem inside a long, chatty message', async () => {
      const message =
        'Selamat pagi tim IT, mohon maaf mengganggu pagi-pagi. Saya dari bagian keuangan di lantai 3, ' +
        'kami sedang mengejar laporan bulanan. Sejak tadi printer di ruangan kami menunjukkan paper jam ' +
        'dan kertasnya nyangkut di dalam, sudah saya coba matikan dan nyalakan lagi tapi tetap sama. ' +
        'Mohon bantuannya ya, terima kasih banyak.';
      expect((await kb.search(message)).results[0]?.id).toBe('printer-jam');
    });

    it('limits the number of results', async () => {
      expect(
        (await kb.search('password email printer vpn', { limit: 2 })).results.length,
      ).toBeLessThanOrEqual(2);
    });
  });
});
