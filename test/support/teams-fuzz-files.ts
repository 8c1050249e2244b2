import fc from 'fast-check';
import { anyJson, hostileText } from './fuzz-requests';

/**
 * The `attachments` of a fuzzed Teams activity: pasted images at the connector (the loopback stub,
 * which serves none of them), files of a personal chat with hostile download URLs, the HTML copy of
 * a message with SharePoint links and half-open tags, references, forwarded cards, and anything.
 * No URL here is one Lapis fetches off this machine, so no fuzz case reaches the network.
 */
export function teamsFuzzAttachments(serviceUrl: string) {
  const url = fc.constantFrom(
    `${serviceUrl}v3/attachments/0-fuzz/views/original`,
    'https://attacker.example.com/x.png',
    'http://contoso.sharepoint.com/x',
    'javascript:alert(1)',
    'data:image/png;base64,AAAA',
    'not a url',
  );
  const attachment = fc.record(
    {
      contentType: fc.constantFrom(
        'image/png',
        'image/svg+xml',
        'application/vnd.microsoft.teams.file.download.info',
        'text/html',
        'reference',
        'application/vnd.microsoft.card.adaptive',
        '',
      ),
      contentUrl: fc.oneof(url, anyJson),
      name: fc.oneof(hostileText, fc.constantFrom('setup.exe', '../../x.png', '')),
      content: fc.oneof(
        fc.record({ downloadUrl: fc.oneof(url, anyJson), fileType: fc.string({ maxLength: 40 }) }),
        hostileText.map((text) => `<a href="https://contoso.sharepoint.com/${text}">${text}</a>`),
        fc.string({ maxLength: 300 }).map((s) => `<a href="${s}"<a <img ${s}`),
        anyJson,
      ),
    },
    { requiredKeys: [] },
  );
  return fc.oneof(fc.array(attachment, { maxLength: 25 }), anyJson);
}
