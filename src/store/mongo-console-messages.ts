import type { Db, Filter } from 'mongodb';
import type { ConsoleMessageDoc, ConsoleMessages } from '../core/ports/console-messages';
import { COLLECTIONS } from './collections';

/** The local console's messages in `console_messages` (index `console_feed`, see ensure-indexes). */
export function createMongoConsoleMessages(db: Db): ConsoleMessages {
  const messages = db.collection<ConsoleMessageDoc>(COLLECTIONS.consoleMessages);
  const visibleTo = (viewer: string): Filter<ConsoleMessageDoc> => ({
    $or: [{ ephemeralFor: { $exists: false } }, { ephemeralFor: viewer }],
  });
  return {
    async insert(doc) {
      await messages.insertOne(doc);
    },
    async isRoot(conversation, threadId) {
      const root = await messages.findOne(
        { _id: threadId, conversation, threadId: { $exists: false } },
        { projection: { _id: 1 } },
      );
      return root !== null;
    },
    async update(conversation, messageId, message, at) {
      // The bot's own messages only: a person's words and private notices are never rewritten.
      const result = await messages.updateOne(
        {
          _id: messageId,
          conversation,
          from: { $exists: false },
          ephemeralFor: { $exists: false },
        },
        { $set: { message, updatedAt: at } },
      );
      return result.matchedCount > 0;
    },
    roots: (conversation, viewer, limit) =>
      messages
        .find({ conversation, threadId: { $exists: false }, ...visibleTo(viewer) })
        .sort({ at: -1, _id: -1 })
        .limit(limit)
        .toArray(),
    replies: (conversation, rootIds, viewer) =>
      rootIds.length
        ? messages
            .find({ conversation, threadId: { $in: [...rootIds] }, ...visibleTo(viewer) })
            .sort({ at: 1, _id: 1 })
            .toArray()
        : Promise.resolve([]),
  };
}
