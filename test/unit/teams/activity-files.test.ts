import { FILE_DOWNLOAD_INFO, filesOf } from '../../../src/channels/teams/activity-files';
import { activitySchema, type TeamsActivity } from '../../../src/channels/teams/activity-schema';
import { decodeFileSource } from '../../../src/channels/teams/file-source';
import { classifyActivity } from '../../../src/channels/teams/parse-activity';

const SERVICE = 'https://smba.trafficmanager.net/apac/';
const IMAGE_URL = `${SERVICE}v3/attachments/0-sa-d1-abc/views/original`;

function activity(attachments: unknown, fields: Record<string, unknown> = {}): TeamsActivity {
  return activitySchema.parse({
    type: 'message',
    id: 'act-1',
    channelId: 'msteams',
    serviceUrl: SERVICE,
    from: { id: '29:budi', name: 'Budi' },
    recipient: { id: '28:bot' },
    conversation: { id: 'a:dm', conversationType: 'personal' },
    attachments,
    ...fields,
  });
}

const sourcesOf = (a: TeamsActivity) => filesOf(a, 'd').map((f) => decodeFileSource(f.source));

describe('filesOf (Teams attachments as the core sees files)', () => {
  it('reads a pasted image and not the HTML copy of the message that comes with it', () => {
    const files = filesOf(
      activity([
        { contentType: 'image/png', contentUrl: IMAGE_URL },
        { contentType: 'text/html', content: `<p><img src="${IMAGE_URL}"></p>` },
      ]),
      'a:dm|act-1',
    );
    expect(files).toEqual([
      {
        id: 'a:dm|act-1#1',
        name: 'image-1.png',
        mimeType: 'image/png',
        source: expect.any(String) as string,
      },
    ]);
    expect(decodeFileSource(files[0]!.source)).toEqual({
      via: 'connector',
      url: IMAGE_URL,
      serviceUrl: SERVICE,
    });
  });

  it('reads a personal-chat file by its download URL, and without one as a SharePoint file', () => {
    const withUrl = activity([
      {
        contentType: FILE_DOWNLOAD_INFO,
        contentUrl: 'https://contoso-my.sharepoint.com/personal/budi/Documents/a.pdf',
        name: 'a.pdf',
        content: {
          downloadUrl: 'https://contoso-my.sharepoint.com/download.aspx?x=1',
          fileType: 'pdf',
        },
      },
      {
        contentType: FILE_DOWNLOAD_INFO,
        contentUrl: 'https://contoso-my.sharepoint.com/personal/budi/Documents/b.txt',
        name: 'b.txt',
      },
    ]);
    expect(filesOf(withUrl, 'd').map((f) => [f.name, f.mimeType])).toEqual([
      ['a.pdf', 'application/pdf'],
      ['b.txt', 'text/plain'],
    ]);
    expect(sourcesOf(withUrl).map((s) => s?.via)).toEqual(['download', 'sharepoint']);
  });

  it('takes a SharePoint link Teams added for a shared file, not one the person typed', () => {
    const typed = 'https://contoso.sharepoint.com/sites/it/typed.docx';
    const shared = 'https://contoso.sharepoint.com/sites/it/Shared%20Documents/err&amp;x.png';
    const a = activity(
      [
        {
          contentType: 'text/html',
          content: `<p>look <a href="${typed}">${typed}</a></p><a href="${shared}">err.png</a><a href="https://example.com/x">x</a>`,
        },
      ],
      { text: `look ${typed}` },
    );
    expect(filesOf(a, 'd').map((f) => f.name)).toEqual(['err.png']);
    expect(sourcesOf(a)).toEqual([
      {
        via: 'sharepoint',
        url: 'https://contoso.sharepoint.com/sites/it/Shared%20Documents/err&x.png',
      },
    ]);
  });

  it('keeps names to a file name, and leaves out what it cannot read without failing the message', () => {
    const a = activity([
      { contentType: 'image/png', contentUrl: IMAGE_URL, name: '../../etc/pass\u0000wd.png' },
      { contentType: 'image/png', contentUrl: 'data:image/png;base64,AAAA' },
      { contentType: 'application/vnd.microsoft.card.adaptive', content: { body: [{}] } },
      { contentType: FILE_DOWNLOAD_INFO, content: { downloadUrl: 42 } },
      { no: 'content type' },
      'not an object',
    ]);
    expect(filesOf(a, 'd').map((f) => f.name)).toEqual(['passwd.png']);
  });

  it('makes a message of files alone an inbound message (it used to be dropped)', () => {
    const classified = classifyActivity(
      activity([{ contentType: 'image/png', contentUrl: IMAGE_URL }], {
        text: '<p><img src="x"></p>',
      }),
    );
    expect(classified).toMatchObject({
      kind: 'inbound',
      event: { kind: 'direct_message', text: '', files: [{ name: 'image-1.png' }] },
    });
    expect(classifyActivity(activity([{ contentType: 'text/html', content: '<p></p>' }]))).toEqual({
      kind: 'ignored',
      reason: 'no text',
    });
  });
});
