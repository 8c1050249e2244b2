import type { RequestHandler, Router } from 'express';
import type { Helpdesk } from '../../core/inbound';
import type { Locale } from '../../core/locale';
import type { Channel } from '../../core/ports/channel';
import { IntakeRefused } from '../../core/pipeline/intake';
import { createConsoleAgentDirectory } from './console-agent-directory';
import type { ConsoleMessages } from '../../core/ports/console-messages';
import { assertLoopback, createConsoleRouter } from './console-server';
import { createConsoleSurface } from './console-surface';
import type { ConsoleFiles } from './console-files';
import { CONSOLE_USERS, type ConsoleUser } from './console-users';

/** What the console needs from the environment (config/channel-settings.ts builds it). */
export interface ConsoleSettings {
  /** Where the HTTP server listens: the console refuses anything but loopback. */
  readonly host: string;
  readonly timeZone: string;
  readonly locales: { readonly agent: Locale; readonly default: Locale };
}

export interface ConsoleChannelOptions {
  readonly settings: ConsoleSettings;
  /** Where the console's conversations are kept (MongoDB: src/store/mongo-console-messages.ts). */
  readonly messages: ConsoleMessages;
  readonly users?: readonly ConsoleUser[];
  /** The page and its API are mounted on it; the caller listens. */
  readonly mount: (handler: RequestHandler) => void;
  readonly logError?: (error: unknown, context: string) => void;
  /** Where uploads go and which files are taken; without it the console takes and shows no files. */
  readonly files?: ConsoleFiles;
}

/**
 * The local console as a channel: the page and its API (console-server.ts), its surface (messages
 * kept in the database, shown by the page) and its cast of agents. Until `attach` the API answers 404
 * through to the admission guard's 503; the page needs the core to post anything. Once stopped,
 * posts get 503 (the page says "try again") until it is started again.
 */
export function createConsoleChannel(options: ConsoleChannelOptions): Channel {
  assertLoopback(options.settings.host);
  const users = options.users ?? CONSOLE_USERS;
  const surface = createConsoleSurface(options.messages, options.files?.store);
  let router: Router | undefined;
  let stopped = false;
  options.mount((req, res, next) => (router ? router(req, res, next) : next()));
  return {
    platform: 'console',
    surface,
    agents: createConsoleAgentDirectory(users),
    attach(helpdesk: Helpdesk) {
      router = createConsoleRouter({
        helpdesk: refusingWhile(() => stopped, helpdesk),
        feed: surface,
        users,
        timeZone: options.settings.timeZone,
        locales: options.settings.locales,
        ...(options.logError ? { logError: options.logError } : {}),
        ...(options.files ? { files: options.files } : {}),
      });
    },
    start() {
      stopped = false;
      return Promise.resolve();
    },
    stop() {
      stopped = true;
      return Promise.resolve();
    },
    describe: (http) => `Console: ${http} (open it in a browser)`,
  };
}

/** The core as the console's posts see it: while `refusing`, every post is refused as the core would. */
function refusingWhile(
  refusing: () => boolean,
  helpdesk: Helpdesk,
): Pick<Helpdesk, 'accept' | 'admission' | 'views'> {
  const stopped = () => new IntakeRefused('stopping', 'the console is stopped');
  return {
    views: helpdesk.views,
    admission: () => (refusing() ? stopped() : helpdesk.admission()),
    accept: (event) => (refusing() ? Promise.reject(stopped()) : helpdesk.accept(event)),
  };
}
