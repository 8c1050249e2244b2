import { captionText } from '../../../../src/channels/slack/slack-file-upload';
import { decodeFileSource } from '../../../../src/channels/slack/slack-file-source';
import { parseMessageEvent } from '../../../../src/channels/slack/slack-inbound';
import { fromUser, plain } from '../../../../src/core/messages';

const levels = new Set(['C0L1DESK01']);
const envelope = (event: Record<string, unknown>) => ({ event_id: 'Ev1', event });
const dm = {
  type: 'message',
  subtype: 'file_share',
  channel_type: 'im',
  channel: 'D0BUDI001',
  user: 'U0BUDI001',
  text: '',
  ts: '1.000001',
};
const url = 'https://files.slack.com/files-pri/T1-F0SHOT001/download/error.png';
const screenshot = {
  id: 'F0SHOT001',
  name: 'error.png',
  title: 'error.png',
  mimetype: 'image/png',
  filetype: 'png',
  size: 48213,
  mode: 'hosted',
  is_external: false,
  url_private: 'https://files.slack.com/files-pri/T1-F0SHOT001/error.png',
  url_private_download: url,
  thumb_64: 'https://files.slack.com/files-tmb/T1-F0SHOT001/error_64.png',
};

describe('parseMessageEvent: files', () => {
  it('a DM holding only a screenshot is a message, with its file', () => {
    expect(parseMessageEvent(envelope({ ...dm, files: [screenshot] }), levels)).toEqual({
      kind: 'dm',
      deliveryId: 'Ev1',
      userId: 'U0BUDI001',
      channelId: 'D0BUDI001',
      text: '',
      files: [
        { id: 'F0SHOT001', name: 'error.png', mimeType: 'image/png', size: 48213, source: url },
      ],
    });
    const noText = { ...dm, files: [screenshot] } as Record<string, unknown>;
    delete noText.text;
    expect(parseMessageEvent(envelope(noText), levels)).toMatchObject({ text: '', files: [{}] });
    // Neither words nor files: nothing to take.
    expect(parseMessageEvent(envelope({ ...dm, files: [] }), levels)).toBeUndefined();
    expect(parseMessageEvent(envelope(dm), levels)).toBeUndefined();
  });

  it('a caption and its files in a ticket thread; url_private when there is no download URL', () => {
    const reply = {
      ...dm,
      channel_type: 'channel',
      channel: 'C0L1DESK01',
      ts: '2.000001',
      thread_ts: '1.000001',
      text: 'here is the log',
      files: [{ ...screenshot, url_private_download: undefined }],
    };
    expect(parseMessageEvent(envelope(reply), levels)).toMatchObject({
      kind: 'thread',
      threadTs: '1.000001',
      text: 'here is the log',
      files: [{ id: 'F0SHOT001', source: screenshot.url_private }],
    });
    // A file shared in a channel thread Lapis does not keep is not its business.
    expect(
      parseMessageEvent(envelope({ ...reply, channel: 'C0GENERAL1' }), levels),
    ).toBeUndefined();
  });

  it('Slack Connect, deleted, hidden and external files say how they are had, or why not', () => {
    const sources = (file: Record<string, unknown>) => {
      const input = parseMessageEvent(envelope({ ...dm, files: [file] }), levels);
      return decodeFileSource(input?.files?.[0]?.source ?? '');
    };
    const connect = { id: 'F0CONN001', mode: 'file_access', file_access: 'check_file_info' };
    expect(sources(connect)).toEqual({ kind: 'info' });
    expect(parseMessageEvent(envelope({ ...dm, files: [connect] }), levels)?.files).toEqual([
      { id: 'F0CONN001', name: 'F0CONN001', source: 'slack:files.info' },
    ]);
    expect(sources({ id: 'F0GONE001', mode: 'tombstone' })).toMatchObject({
      kind: 'refused',
      reason: 'forbidden',
    });
    expect(sources({ ...screenshot, mode: 'hidden_by_limit' })).toMatchObject({
      kind: 'refused',
      reason: 'forbidden',
    });
    expect(
      sources({ ...screenshot, mode: 'external', is_external: true, url_private: 'https://x' }),
    ).toMatchObject({ kind: 'refused', reason: 'unreadable' });
    expect(sources({ id: 'F0NOURL01', name: 'a.txt' })).toMatchObject({ kind: 'refused' });
  });

  it('a file the schema cannot read takes nothing that is not plain (ids, sizes)', () => {
    for (const bad of [
      { ...screenshot, id: { $ne: null } },
      { ...screenshot, size: -1 },
      { ...screenshot, size: '12' },
    ])
      expect(parseMessageEvent(envelope({ ...dm, files: [bad] }), levels)).toBeUndefined();
  });
});

describe('captionText', () => {
  it('escapes every span: a person’s words ping nobody and make no link', () => {
    const text = captionText({
      text: 'From Budi',
      blocks: [
        { kind: 'ping', level: 2, text: 'look' },
        {
          kind: 'context',
          spans: [plain('From '), fromUser('<@U0AYU0001> @channel <!here> & co')],
        },
        { kind: 'actions', actions: [{ id: 'l0_solved', label: 'Solved', payload: '{}' }] },
      ],
    });
    expect(text).toBe('From &lt;@U0AYU0001&gt; @\u2060channel &lt;!here&gt; &amp; co');
    expect(captionText({ text: '@here <b>', blocks: [] })).toBe('@\u2060here &lt;b&gt;');
  });
});
