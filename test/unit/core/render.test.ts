import { chatText } from '../../../src/core/workflow/render';

describe('chatText', () => {
  it('turns article Markdown into clean chat text', () => {
    expect(
      chatText(
        '## Steps\n\n1. Open **Settings** > `Wi-Fi`.\n2. See [the portal](https://it.example.com).\n\n\n\nDone',
      ),
    ).toBe(
      'Steps\n\n1. Open Settings > Wi-Fi.\n2. See the portal (https://it.example.com).\n\nDone',
    );
  });
});
