import type { Analysis } from '../text/analyzer';
import { normalizeText, tokenize } from '../text/normalize';
import type { SearchIndex } from './search-index';

/**
 * Words that say something is wrong, or ask for help, without saying what: a message of nothing
 * else ("it doesn't work", "ada masalah nih", "laptop problem") deserves a clarifying question, not
 * a guess. General words of both languages, not of any knowledge base.
 */
const TROUBLE_WORDS = new Set(
  (
    'problem problems issue issues trouble error errors broken break breaks work works working worked ' +
    'wrong weird strange odd acting act fail fails failed failing fix help helps urgent asap please pls ' +
    'plz doesn didn isn aren wasn won t s something anything thing stuff again still always keeps keep happen happens happening bad ' +
    'down crash crashed crashing bug bugs glitch glitchy not no dont doesnt didnt cant cannot wont isnt ' +
    'masalah bermasalah kendala gangguan error eror rusak ngaco aneh kacau bantu bantuin tolong mohon ' +
    'minta urgent segera cepat terus lagi selalu sering kenapa knp tidak tdk gak ga nggak enggak gk ' +
    'bisa jalan berfungsi nyala mati apa ada sesuatu macet butuh perlu belum masih juga ' +
    'today yesterday morning week since everything messed fixed reported report support ' +
    'hari ini kemarin pagi minggu tadi banget sangat semua lapor dukungan bantuan kendala'
  ).split(' '),
);

/**
 * A message that is otherwise small talk ("help", "halo, saya butuh bantuan IT", "ini kenapa ya?")
 * but asks for help or reports trouble is vague, not a greeting.
 */
const HELP_WORDS = new Set(
  (
    'help problem problems issue issues wrong broken error urgent support trouble ' +
    'bantu bantuan tolong masalah kendala rusak kenapa error eror lapor gangguan'
  ).split(' '),
);

/** Whether a message the analysis took for small talk asks for help all the same. */
export function asksForHelp(text: string): boolean {
  return tokenize(normalizeText(text)).some((w) => HELP_WORDS.has(w));
}

/** Things too general to say what is wrong with them. */
const GENERAL_THINGS = new Set(
  (
    'laptop computer komputer pc notebook device perangkat machine mesin app apps aplikasi application ' +
    'system sistem program software it tech komputerku laptopku'
  ).split(' '),
);

/** A term in the topic of this share of the articles says nothing about which one is meant. */
const GENERAL_TOPIC_SHARE = 0.3;
/** Longer messages usually say what is wrong somewhere, even in general words. */
const MAX_VAGUE_TERMS = 8;

/** Share of the articles whose title, questions, tags or summary use each term. */
export function topicDocumentShare(index: SearchIndex): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const d of index.docs) for (const t of d.topic) counts.set(t, (counts.get(t) ?? 0) + 1);
  const n = Math.max(1, index.docs.length);
  return new Map([...counts].map(([t, c]) => [t, c / n]));
}

export function isVague(analysis: Analysis, topicShare: ReadonlyMap<string, number>): boolean {
  const { terms } = analysis;
  if (terms.length === 0 || terms.length > MAX_VAGUE_TERMS) return false;
  return terms.every((t) => {
    if ((topicShare.get(t.term) ?? 0) >= GENERAL_TOPIC_SHARE) return true;
    const words = tokenize(normalizeText(t.surface)).map(withoutPossessive);
    return words.length > 0 && words.every((w) => TROUBLE_WORDS.has(w) || GENERAL_THINGS.has(w));
  });
}

/** "sistemnya", "laptopku": Indonesian possessive endings say nothing more about the thing. */
function withoutPossessive(word: string): string {
  const m = /^(.{3,}?)(nya|ku|mu)$/.exec(word);
  return m && (TROUBLE_WORDS.has(m[1] as string) || GENERAL_THINGS.has(m[1] as string))
    ? (m[1] as string)
    : word;
}
