import path from 'node:path';
import { loadKnowledgeBase } from '../../../src/kb/load-kb';
import { createKnowledgeBase } from '../../../src/kb/search/create-knowledge-base';
import { createAnalyzer, type Term } from '../../../src/kb/text/analyzer';
import { isGeneralWord } from '../../../src/kb/text/general-words';
import { compileLexicon } from '../../../src/kb/text/lexicon';
import { CONCEPTS, STOPWORDS } from '../../../src/kb/text/lexicon-data';
import { isInflectionOf } from '../../../src/kb/text/stem';
import { createTypoCorrector } from '../../../src/kb/text/typo-corrector';

const lexicon = compileLexicon();
// As the search builds it: every lexicon word is a correction target, the KB's words are known.
const frequency = new Map([...lexicon.words].map((w) => [w, 1] as const));
const analyze = createAnalyzer({
  lexicon,
  vocabulary: new Set(['printer', 'password']),
  corrector: createTypoCorrector(frequency),
});
const termsOf = (text: string): readonly Term[] => analyze(text).terms;
const conceptsOf = (text: string): string[] => termsOf(text).map((t) => t.term);

describe('spelling correction leaves real words alone', () => {
  it('knows general English and Indonesian words, not misspellings or names', () => {
    for (const word of ['house', 'gift', 'auto', 'rumah', 'hadiah', 'kucing'])
      expect(isGeneralWord(word)).toBe(true);
    for (const word of ['pasword', 'passowrd', 'outlok', 'lapotp', 'keybord'])
      expect(isGeneralWord(word)).toBe(false);
  });

  it.each([
    ['house', '~mouse'],
    ['gift', '~building'],
    ['auto', '~verify'],
  ])('%s stays itself (not %s)', (word, wrong) => {
    const [t] = termsOf(word);
    expect(t).toMatchObject({ corrected: false, conceptKind: undefined });
    expect(t?.term).not.toBe(wrong);
  });

  it.each([
    ['pasword', '~password'],
    ['passowrd', '~password'],
    ['outlok', '~outlook'],
    ['lapotp', '~computer'],
    ['keybord', '~keyboard'],
  ])('still fixes %s', (word, concept) => {
    expect(termsOf(word)[0]?.term).toBe(concept);
  });
});

describe('one concept per sense', () => {
  it('reads HP as a phone, but as a brand next to a printer or laptop', () => {
    expect(conceptsOf('printer HP')).toEqual(['~printer']);
    expect(conceptsOf('HP LaserJet jammed')).not.toContain('~phone');
    expect(conceptsOf('laptop hp saya mati')).not.toContain('~phone');
    expect(conceptsOf('hp saya hilang')).toContain('~phone');
    // A phrase never spans punctuation: a list names two things.
    expect(conceptsOf('laptop, HP dan tablet')).toEqual(['~computer', '~phone', '~tablet']);
  });

  it('does not take enabling a feature for activating a licence', () => {
    expect(conceptsOf('enable two-step sign in')).not.toContain('~activate');
    expect(conceptsOf('aktifkan MFA')).not.toContain('~activate');
    expect(conceptsOf('activate Office')).toContain('~activate');
  });

  it('tells a delayed email and being late from a slow computer', () => {
    expect(conceptsOf('email delay')).not.toContain('~slow');
    expect(conceptsOf('email telat masuk')).toEqual(['~email', '~delay']);
    expect(conceptsOf('saya telat masuk kerja')).toEqual(['~attendance']);
    expect(conceptsOf('laptop lemot')).toContain('~slow');
  });

  it('tells an AC adapter from the air conditioning', () => {
    expect(conceptsOf('my laptop AC adapter is broken')).toEqual([
      '~computer',
      '~charge',
      '~broken',
    ]);
    expect(conceptsOf('AC di ruang meeting mati')).toContain('~aircon');
  });

  it('keeps other everyday senses apart', () => {
    expect(conceptsOf('caps lock is stuck')).not.toContain('~locked');
    expect(conceptsOf('internet rumah aman')).not.toContain('~security');
    expect(conceptsOf('scan virus')).not.toContain('~scan');
    expect(conceptsOf('remote AC')).toEqual(['~aircon']);
    expect(conceptsOf('the reception desk')).not.toContain('~signal');
  });

  it('takes a concept through a stem only for inflections of its own words', () => {
    expect(isInflectionOf('batteries', 'battery')).toBe(true);
    expect(isInflectionOf('deleting', 'delete')).toBe(true);
    expect(isInflectionOf('mapped', 'map')).toBe(true);
    expect(isInflectionOf('activity', 'activate')).toBe(false);
    expect(isInflectionOf('mobil', 'mobile')).toBe(false);
    expect(conceptsOf('printing batteries')).toEqual(['~print', '~battery']);
    expect(conceptsOf('activity')).not.toContain('~activate');
    expect(conceptsOf('managers')).toEqual(['~manager']);
    expect(conceptsOf('berarti')).toEqual([]);
  });
});

describe('stopwords', () => {
  it('holds function words and fillers, not nouns and verbs with a meaning', () => {
    for (const word of ['mobil', 'kereta', 'lantai', 'floor', 'kerja', 'minggu', 'tahun', 'week'])
      expect(STOPWORDS.has(word)).toBe(false);
    for (const word of ['the', 'yang', 'dong', 'please', 'sih'])
      expect(STOPWORDS.has(word)).toBe(true);
    expect(conceptsOf('laptop saya dicuri di mobil')).toEqual([
      '~computer',
      '~stolen',
      '~transport',
    ]);
  });
});

describe('off-topic areas', () => {
  it('gives every off-topic concept an area, and no other concept one', () => {
    for (const entry of CONCEPTS) {
      if (entry.kind === 'offtopic') expect(entry.area).toMatch(/^(facilities|hr|general)$/);
      else expect(entry.area).toBeUndefined();
    }
  });

  it.each([
    ["what's the cafeteria menu today?", 'facilities'],
    ['menu kantin hari ini apa?', 'facilities'],
    ['how do I book a meeting room?', 'facilities'],
    ['bisa booking ruang rapat buat besok?', 'facilities'],
    ['AC kantor panas banget', 'facilities'],
    ['parkiran motor penuh', 'facilities'],
    ['siapa pemenang piala dunia 2022?', 'general'],
    ['who won the world cup', 'general'],
    ['cuaca besok', 'general'],
    ['will it rain', 'general'],
    ['kapan cuti bersama?', 'general'],
    ['sisa cuti saya berapa hari?', 'hr'],
    ['how many days of annual leave do I have left', 'hr'],
    ['slip gaji', 'hr'],
    ['where can I download my payslip', 'hr'],
    ['gajian kapan ya', 'hr'],
    ['klaim reimburse bensin gimana caranya', 'hr'],
  ])('%j is %s and names no IT object', (query, area) => {
    const terms = termsOf(query);
    expect(terms.find((t) => t.offTopicArea)?.offTopicArea).toBe(area);
    expect(terms.some((t) => t.conceptKind === 'it')).toBe(false);
  });

  it('keeps a Teams meeting and the meeting room equipment IT', () => {
    expect(termsOf('book a Teams meeting').some((t) => t.conceptKind === 'it')).toBe(true);
    expect(conceptsOf('teams room tidak bisa share screen')).toContain('~teams');
  });

  it('leaves "ya" closing a question out of small talk', () => {
    expect(analyze('gajian kapan ya').smallTalk).toEqual([]);
    expect(analyze('ya').smallTalk).toEqual(['ack']);
    expect(analyze('makasih ya').smallTalk[0]).toBe('thanks');
  });

  describe('in the search', () => {
    const kb = createKnowledgeBase(
      loadKnowledgeBase(path.join(__dirname, '../../fixtures/kb-mini')),
    );

    it.each([
      ["what's the cafeteria menu today?", 'facilities'],
      ['how do I book a meeting room?', 'facilities'],
      ['siapa pemenang piala dunia 2022?', 'general'],
      ['cuaca besok', 'general'],
      ['will it rain', 'general'],
      ['sisa cuti', 'hr'],
      ['slip gaji', 'hr'],
    ])('%j is off topic for %s', async (query, area) => {
      expect(await kb.search(query)).toMatchObject({
        intent: 'off_topic',
        offTopicArea: area,
        answer: null,
      });
    });

    it.each([
      'meeting room display not working',
      'printer on floor 3',
      'my laptop AC adapter is broken',
      'VPN at home',
    ])('%j stays an IT question', async (query) => {
      expect((await kb.search(query)).intent).toBe('question');
    });
  });
});
