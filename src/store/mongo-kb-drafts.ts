import type { Db } from 'mongodb';
import { z } from 'zod';
import { LOCALES } from '../core/locale';
import type { DraftSaveOutcome, KbDraft, KbDrafts } from '../core/ports/kb-drafts';
import { COLLECTIONS } from './collections';
import { filterDate, filterString } from './filter-values';
import { parseDocument } from './l0-learning-documents';
import { dateSchema, userRefSchema } from './ticket-document';

const draftDocumentSchema = z.object({
  _id: z.string().min(1),
  ticketId: z.string().min(1),
  ticketKey: z.string(),
  articleId: z.string().regex(/^[a-z0-9-]+$/),
  lang: z.enum(LOCALES),
  title: z.string().min(1),
  category: z.string().min(1),
  tags: z.array(z.string()),
  questions: z.array(z.string()),
  summary: z.string().min(1),
  steps: z.array(z.string()),
  by: userRefSchema,
  createdAt: dateSchema,
  updatedAt: dateSchema,
  exportedAt: dateSchema.optional(),
  exportedTo: z.string().optional(),
});
type DraftDocument = z.output<typeof draftDocumentSchema>;
/** What an edit may set: never the identity, the first save's time or the export mark. */
const editedSchema = draftDocumentSchema.omit({
  _id: true,
  createdAt: true,
  exportedAt: true,
  exportedTo: true,
});

/**
 * Approved KB drafts in MongoDB (or FerretDB), one document per ticket. Saving is an upsert that
 * `$set`s the edited fields (the latest edit wins) and never touches the export mark, so a save that
 * races an export cannot unmark it; files are never overwritten by the export anyway (it creates them
 * exclusively), which is what keeps two exports from writing one draft twice.
 */
export function createMongoKbDrafts(db: Db): KbDrafts {
  const drafts = db.collection<DraftDocument>(COLLECTIONS.kbDrafts, { ignoreUndefined: true });

  return {
    async save(draft): Promise<DraftSaveOutcome> {
      const { id, createdAt, ...fields } = draft;
      const _id = filterString(id, 'draft id');
      const first = filterDate(createdAt, 'created at');
      const edited = parseDocument(editedSchema, COLLECTIONS.kbDrafts, fields);
      const stored = await drafts.findOne({ _id }, { projection: { exportedAt: 1 } });
      if (stored?.exportedAt) return 'exported';
      await drafts.updateOne(
        { _id },
        { $set: edited, $setOnInsert: { createdAt: first } },
        { upsert: true },
      );
      return 'saved';
    },

    async list(): Promise<KbDraft[]> {
      const found = await drafts.find().sort({ createdAt: 1, _id: 1 }).toArray();
      return found.map((d) => {
        const { _id, ...draft } = parseDocument(draftDocumentSchema, COLLECTIONS.kbDrafts, d);
        return { id: _id, ...draft };
      });
    },

    async markExported(id, file, at): Promise<boolean> {
      const _id = filterString(id, 'draft id');
      const stored = await drafts.findOne({ _id }, { projection: { exportedAt: 1 } });
      if (!stored || stored.exportedAt) return false;
      await drafts.updateOne(
        { _id },
        {
          $set: {
            exportedAt: filterDate(at, 'exported at'),
            exportedTo: filterString(file, 'file'),
          },
        },
      );
      return true;
    },
  };
}
