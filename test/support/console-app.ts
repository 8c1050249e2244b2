import { createMongoConsoleMessages } from '../../src/store/mongo-console-messages';
import type { Db } from 'mongodb';
import { createConsoleSurface, type ConsoleFeed } from '../../src/channels/console/console-surface';
import { CONSOLE_USERS, type ConsoleUser } from '../../src/channels/console/console-users';
import { startConsoleServer } from '../../src/channels/console/start-console-server';
import type { Helpdesk } from '../../src/core/inbound';
import type { Locale } from '../../src/core/locale';
import type { ConsoleFiles } from '../../src/channels/console/console-files';

/**
 * The local web console on 127.0.0.1 and a free port, for end-to-end tests: the console router over
 * `db`'s console_messages, handing every post to `helpdesk` (a fake, or the real core wired to a
 * console surface on the same database).
 */
export async function startConsoleApp(options: {
  helpdesk: Pick<Helpdesk, 'accept'> & Partial<Pick<Helpdesk, 'admission'>>;
  db: Db;
  feed?: ConsoleFeed;
  users?: readonly ConsoleUser[];
  timeZone?: string;
  /** The page's languages; English by default, as the fake cores' messages are. */
  locales?: { agent: Locale; default: Locale };
  /** Uploads and files shown; none by default. */
  files?: ConsoleFiles;
}): Promise<{ url: string; close(): Promise<void> }> {
  return startConsoleServer({
    host: '127.0.0.1',
    port: 0,
    helpdesk: options.helpdesk,
    feed: options.feed ?? createConsoleSurface(createMongoConsoleMessages(options.db)),
    users: options.users ?? CONSOLE_USERS,
    ...(options.timeZone && { timeZone: options.timeZone }),
    locales: options.locales ?? { agent: 'en', default: 'en' },
    ...(options.files && { files: options.files }),
    logError: (error) => process.stderr.write(`[console] ${String(error)}\n`),
  });
}
