import { COLLECTIONS } from '../../src/store/collections';
import { createMongoConsoleMessages } from '../../src/store/mongo-console-messages';
import { createConsoleSurface } from '../../src/channels/console/console-surface';
import { isLapisError } from '../../src/core/errors';
import { plain, type OutboundMessage } from '../../src/core/messages';
import type { UserRef } from '../../src/core/people';
import { openTestDatabase } from '../support/test-database';

const say = (text: string): OutboundMessage => ({
  text,
  blocks: [{ kind: 'text', spans: [plain(text)] }],
});
const texts = (entries: readonly { message: OutboundMessage }[]) =>
  entries.map((e) => e.message.text);
const ayu: UserRef = { platform: 'console', id: 'ayu', name: 'Ayu Lestari' };

describe('console surface on the real database', () => {
  let conn: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    conn = await openTestDatabase();
  });
  afterAll(() => conn.dispose());

  it('posts cards with console refs, nests replies oldest first, updates in place, survives a restart', async () => {
    const surface = createConsoleSurface(createMongoConsoleMessages(conn.db));
    const first = await surface.postCard(2, say('card one'));
    expect(first.thread).toEqual({
      platform: 'console',
      channelId: 'level:2',
      threadId: first.card.messageId,
    });
    expect(first.card).toMatchObject({ platform: 'console', channelId: 'level:2' });
    expect(first.card.messageId).toMatch(/^[a-f0-9]{24}$/);
    const second = await surface.postCard(2, say('card two'));
    for (const text of ['r1', 'r2', 'r3']) await surface.replyInThread(first.thread, say(text));
    await surface.recordPost({
      conversation: 'level:2',
      threadId: second.thread.threadId,
      from: { id: 'ayu', name: 'Ayu Lestari' },
      text: 'typed',
    });
    await surface.update(first.card, say('card one, claimed'));

    const restarted = createConsoleSurface(createMongoConsoleMessages(conn.db));
    const feed = await restarted.read('level:2', 'dewi');
    expect(texts(feed)).toEqual(['card one, claimed', 'card two']);
    expect(texts(feed[0]!.replies)).toEqual(['r1', 'r2', 'r3']);
    expect(feed[1]!.replies).toEqual([
      expect.objectContaining({ from: { id: 'ayu', name: 'Ayu Lestari' }, ephemeral: false }),
    ]);
    expect(feed[0]!.updatedAt.getTime()).toBeGreaterThanOrEqual(feed[0]!.at.getTime());
    expect(await restarted.read('level:1', 'dewi')).toEqual([]);
  });

  it('keeps DMs per user and ephemerals for their user alone', async () => {
    const surface = createConsoleSurface(createMongoConsoleMessages(conn.db));
    const ref = await surface.sendDirect({ platform: 'console', id: 'dm:budi' }, say('hello budi'));
    expect(ref).toMatchObject({ platform: 'console', channelId: 'dm:budi' });
    await surface.sendEphemeral(
      { platform: 'console', id: 'budi' },
      { dm: { platform: 'console', id: 'dm:budi' } },
      say('just for budi'),
    );
    const card = await surface.postCard(1, say('ticket'));
    await surface.sendEphemeral(ayu, { thread: card.thread }, say('just for ayu'));

    expect(texts(await surface.read('dm:budi', 'budi'))).toEqual(['hello budi', 'just for budi']);
    expect((await surface.read('dm:budi', 'budi'))[1]).toMatchObject({ ephemeral: true });
    expect(texts(await surface.read('dm:budi', 'ayu'))).toEqual(['hello budi']);
    expect(texts(await surface.read('dm:sari', 'sari'))).toEqual([]);
    expect(texts((await surface.read('level:1', 'ayu'))[0]!.replies)).toEqual(['just for ayu']);
    expect((await surface.read('level:1', 'rudi'))[0]!.replies).toEqual([]);

    const stored = await conn.db
      .collection(COLLECTIONS.consoleMessages)
      .findOne({ _id: ref.messageId as never });
    expect(stored).toMatchObject({ conversation: 'dm:budi', message: say('hello budi') });
    expect(stored).not.toHaveProperty('threadId');
    expect(stored).not.toHaveProperty('ephemeralFor');
  });

  it("updates the bot's messages alone: never a person's words or a private notice", async () => {
    const surface = createConsoleSurface(createMongoConsoleMessages(conn.db));
    const dm = { platform: 'console', id: 'dm:sari' } as const;
    const asked = await surface.recordPost({
      conversation: 'dm:sari',
      from: { id: 'sari', name: 'Sari Wulandari' },
      text: 'my own words',
    });
    await surface.sendEphemeral({ platform: 'console', id: 'sari' }, { dm }, say('just for sari'));
    const answer = await surface.sendDirect(dm, say('the answer, with buttons'));
    const stored = conn.db.collection<{ _id: string }>(COLLECTIONS.consoleMessages);
    const whisper = await stored.findOne({ conversation: 'dm:sari', ephemeralFor: 'sari' });
    const before = await surface.read('dm:sari', 'sari');

    // A button's message ref naming her own message (or the private notice): not_found, unchanged.
    for (const messageId of [asked.messageId, whisper!._id]) {
      const ref = { platform: 'console', channelId: 'dm:sari', messageId } as const;
      await expect(surface.update(ref, say('rewritten'))).rejects.toMatchObject({
        code: 'not_found',
      });
    }
    expect(await surface.read('dm:sari', 'sari')).toEqual(before);
    await surface.update(answer, say('the answer, buttons retired'));
    expect(texts(await surface.read('dm:sari', 'sari'))).toEqual([
      'my own words',
      'just for sari',
      'the answer, buttons retired',
    ]);
  });

  it('refuses references it does not own with coded errors', async () => {
    const surface = createConsoleSurface(createMongoConsoleMessages(conn.db));
    const code = (promise: Promise<unknown>) =>
      promise.then(
        () => 'resolved',
        (error: unknown) => (isLapisError(error) ? error.code : String(error)),
      );
    const missing = '0123456789abcdef01234567';
    expect(
      await code(
        surface.replyInThread(
          { platform: 'console', channelId: 'level:1', threadId: missing },
          say('x'),
        ),
      ),
    ).toBe('not_found');
    expect(
      await code(
        surface.update({ platform: 'console', channelId: 'level:1', messageId: missing }, say('x')),
      ),
    ).toBe('not_found');
    expect(await code(surface.sendDirect({ platform: 'slack', id: 'D123' }, say('x')))).toBe(
      'invalid_input',
    );
    expect(await code(surface.sendDirect({ platform: 'console', id: 'level:1' }, say('x')))).toBe(
      'invalid_input',
    );
    expect(
      await code(surface.sendDirect({ platform: 'console', id: 'dm:{"$ne":1}' }, say('x'))),
    ).toBe('invalid_input');
    expect(await code(surface.sendEphemeral(ayu, {}, say('x')))).toBe('invalid_input');
  });
});
