import type { Db, Filter } from 'mongodb';
import { LOCALES } from '../core/locale';
import {
  learnedPhrasingId,
  phrasingText,
  type L0LearningAdmin,
  type L0Outcome,
  type OutcomeQuery,
  type PhrasingChange,
  type LearnedPhrasing,
  type PhrasingConfirmation,
} from '../core/ports/l0-learning';
import { COLLECTIONS } from './collections';
import { filterDate, filterOneOf, filterString } from './filter-values';
import {
  CONFIRMATION_SOURCES,
  confirmationDocumentSchema,
  L0_OUTCOME_KINDS,
  markDocumentSchema,
  outcomeDocumentSchema,
  parseDocument,
  phrasingDocumentSchema,
  tallyPhrasings,
  type ConfirmationDocument,
  type MarkDocument,
  type OutcomeDocument,
  type PhrasingDocument,
  type PhrasingMark,
} from './l0-learning-documents';
import { createGroupCommit } from './group-commit';
import { insertAll } from './insert-all';
import { isDuplicateKey } from './version-guard';

/**
 * L0 outcomes and learned phrasings in MongoDB (or FerretDB). Every write is a unique insert, never
 * a conditional update (those are not atomic on FerretDB 1.24): a confirmation is a document of its
 * own, so concurrent confirmations of one phrasing all count, and a redone one is a duplicate.
 */
export function createMongoL0Learning(db: Db): L0LearningAdmin {
  const outcomes = db.collection<OutcomeDocument>(COLLECTIONS.l0Outcomes, {
    ignoreUndefined: true,
  });
  const phrasings = db.collection<PhrasingDocument>(COLLECTIONS.learnedPhrasings, {
    ignoreUndefined: true,
  });
  const confirmations = db.collection<ConfirmationDocument>(COLLECTIONS.phrasingConfirmations, {
    ignoreUndefined: true,
  });
  const marks = db.collection<MarkDocument>(COLLECTIONS.phrasingMarks);

  const hasMark = async (id: string, mark: PhrasingMark) =>
    (await marks.findOne({ _id: `${id}#${mark}` }, { projection: { _id: 1 } })) !== null;

  /** Inserts the mark; false when it was there already. */
  async function putMark(id: string, mark: PhrasingMark, at: Date): Promise<boolean> {
    return insertOnce(() => marks.insertOne({ _id: `${id}#${mark}`, phrasingId: id, mark, at }));
  }

  /** A phrasing an admin may act on: stored and not removed. */
  async function isLive(id: string): Promise<boolean> {
    const found = await phrasings.findOne({ _id: id }, { projection: { _id: 1 } });
    return found !== null && !(await hasMark(id, 'removed'));
  }

  async function learned(): Promise<LearnedPhrasing[]> {
    // Tallied here rather than with $group: the same on MongoDB and FerretDB, which reads the
    // whole collection for either.
    const [p, c, m] = await Promise.all([
      phrasings.find().toArray(),
      confirmations.find({}, { projection: { phrasingId: 1, source: 1, at: 1 } }).toArray(),
      marks.find().toArray(),
    ]);
    const confirmationSchema = confirmationDocumentSchema.pick({
      _id: true,
      phrasingId: true,
      source: true,
      at: true,
    });
    return tallyPhrasings(
      p.map((d) => parseDocument(phrasingDocumentSchema, COLLECTIONS.learnedPhrasings, d)),
      c.map((d) => parseDocument(confirmationSchema, COLLECTIONS.phrasingConfirmations, d)),
      m.map((d) => parseDocument(markDocumentSchema, COLLECTIONS.phrasingMarks, d)),
    );
  }

  /** Outcomes recorded at once share one insert (a redone one is a duplicate: false). */
  const recordBatch = createGroupCommit<OutcomeDocument, boolean>(async (documents) => {
    const repeated = await insertAll(outcomes, documents);
    return documents.map((_, i) => !repeated.has(i));
  });

  return {
    async record(outcome: L0Outcome): Promise<boolean> {
      const { id, ...fields } = outcome;
      const document = parseDocument(outcomeDocumentSchema, COLLECTIONS.l0Outcomes, {
        ...fields,
        _id: filterString(id, 'outcome id'),
      });
      return recordBatch(document);
    },

    async outcomes(query: OutcomeQuery): Promise<L0Outcome[]> {
      const filter: Filter<OutcomeDocument> = {
        at: { $gte: filterDate(query.from, 'from'), $lt: filterDate(query.to, 'to') },
      };
      if (query.kinds)
        filter.kind = { $in: query.kinds.map((k) => filterOneOf(k, L0_OUTCOME_KINDS, 'kind')) };
      const found = await outcomes.find(filter).sort({ at: 1, _id: 1 }).toArray();
      return found.map((d) => {
        const { _id, ...outcome } = parseDocument(outcomeDocumentSchema, COLLECTIONS.l0Outcomes, d);
        return { id: _id, ...outcome };
      });
    },

    async confirm(c: PhrasingConfirmation): Promise<void> {
      const articleId = filterString(c.articleId, 'article id');
      const text = phrasingText(filterString(c.text, 'phrasing text'));
      const id = learnedPhrasingId(articleId, text);
      // Everything checked before the first write, so a bad call leaves nothing behind.
      const confirmation = parseDocument(
        confirmationDocumentSchema,
        COLLECTIONS.phrasingConfirmations,
        {
          _id: `${id}:${filterString(c.key, 'confirmation key')}`,
          phrasingId: id,
          source: filterOneOf(c.source, CONFIRMATION_SOURCES, 'source'),
          at: filterDate(c.at, 'confirmed at'),
          user: c.user,
        },
      );
      const lang = c.lang === undefined ? undefined : filterOneOf(c.lang, LOCALES, 'lang');
      if (!articleId || !text || (await hasMark(id, 'removed'))) return;
      // The phrasing first: a confirmation never exists without it.
      await insertOnce(() =>
        phrasings.insertOne({ _id: id, articleId, text, lang, at: confirmation.at }),
      );
      await insertOnce(() => confirmations.insertOne(confirmation));
    },

    learned,

    async remove(id: string): Promise<PhrasingChange> {
      const phrasingId = filterString(id, 'phrasing id');
      if (!(await phrasings.findOne({ _id: phrasingId }, { projection: { _id: 1 } })))
        return 'unknown';
      return (await putMark(phrasingId, 'removed', new Date())) ? 'changed' : 'unchanged';
    },

    async approve(id: string): Promise<PhrasingChange> {
      const phrasingId = filterString(id, 'phrasing id');
      if (!(await isLive(phrasingId))) return 'unknown';
      // Already approved by an agent naming the article: nothing to add.
      if (await confirmations.findOne({ phrasingId, source: 'agent' }, { projection: { _id: 1 } }))
        return 'unchanged';
      return (await putMark(phrasingId, 'approved', new Date())) ? 'changed' : 'unchanged';
    },

    async markExported(ids: readonly string[], at: Date): Promise<number> {
      const when = filterDate(at, 'exported at');
      let changed = 0;
      for (const id of new Set(ids.map((i) => filterString(i, 'phrasing id')))) {
        if ((await isLive(id)) && (await putMark(id, 'exported', when))) changed += 1;
      }
      return changed;
    },
  };
}

/** Runs a unique insert; false when the document was there already (a redone step). */
async function insertOnce(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}
