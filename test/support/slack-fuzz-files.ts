import fc from 'fast-check';
import { anyJson, hostileText } from './fuzz-requests';

/**
 * The `files` of a fuzzed Slack message event: well-formed and hostile file objects (operator
 * objects for ids, negative and string sizes, deleted, hidden, Slack Connect and external files,
 * URLs off Slack's hosts). No URL here is one Lapis may fetch with the token, so no fuzz case
 * reaches the network.
 */
export const slackFuzzFiles = fc.oneof(
  fc.array(
    fc.record(
      {
        id: fc.oneof(fc.constantFrom('F0FUZZ001', 'F0FUZZ002', 'x'), anyJson),
        name: fc.oneof(hostileText, fc.constantFrom('setup.exe', 'shot.png', '')),
        mimetype: fc.constantFrom('image/png', 'text/html', 'application/x-msdownload', ''),
        size: fc.oneof(fc.integer({ min: -1, max: 2 ** 40 }), fc.constant('12')),
        mode: fc.constantFrom('hosted', 'tombstone', 'hidden_by_limit', 'external', 'file_access'),
        file_access: fc.constantFrom('check_file_info', 'visible'),
        url_private_download: fc.constantFrom(
          'http://127.0.0.1:9/files-pri/T1-F0FUZZ001/download/shot.png',
          'https://files.slack.com.example.net/x',
          'javascript:alert(1)',
          'not a url',
        ),
      },
      { requiredKeys: ['id'] },
    ),
    { maxLength: 12 },
  ),
  anyJson,
);
