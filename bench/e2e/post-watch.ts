import type { SlackApiStub } from '../../test/support/slack-api-stub';
import { shownText } from '../../test/support/slack-calls';

/**
 * When things got posted, read from the Web API stub's calls as they come (each call is looked at
 * once, so polling stays cheap however many calls the stub holds): the first successful
 * chat.postMessage to each channel, and the first post of an awaited text in a channel or thread.
 */
export class PostWatch {
  private cursor = 0;
  private readonly first = new Map<string, number>();
  /** Awaited texts by where they must show up: a channel, or `${channel}/${thread_ts}`. */
  private readonly awaited = new Map<string, Set<string>>();
  private readonly textSeen = new Map<string, number>();

  constructor(private readonly stub: SlackApiStub) {}

  /** Reads the calls recorded since the last scan. */
  scan(): void {
    const calls = this.stub.calls;
    for (; this.cursor < calls.length; this.cursor++) {
      const call = calls[this.cursor]!;
      if (call.method !== 'chat.postMessage' || call.status !== 200 || call.response.ok !== true)
        continue;
      const channel = String(call.args.channel);
      if (!this.first.has(channel)) this.first.set(channel, call.at);
      const threadTs = call.args.thread_ts;
      const thread = typeof threadTs === 'string' ? `${channel}/${threadTs}` : undefined;
      for (const where of thread ? [channel, thread] : [channel]) {
        const texts = this.awaited.get(where);
        if (!texts?.size) continue;
        const shown = shownText(call);
        for (const text of texts) {
          if (!shown.includes(text)) continue;
          this.textSeen.set(text, call.at);
          texts.delete(text);
        }
      }
    }
  }

  /** When the channel got its first post (scan first). */
  firstPostAt(channel: string): number | undefined {
    return this.first.get(channel);
  }

  /** Awaits `text` in `where` (a channel, or `${channel}/${thread_ts}`); call before it is sent. */
  await(where: string, text: string): void {
    let texts = this.awaited.get(where);
    if (!texts) this.awaited.set(where, (texts = new Set()));
    texts.add(text);
  }

  /** When an awaited text was first posted (scan first). */
  textPostedAt(text: string): number | undefined {
    return this.textSeen.get(text);
  }
}
