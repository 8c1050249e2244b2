import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createConsoleAgentDirectory } from '../../src/channels/console/console-agent-directory';
import { createConsoleSurface } from '../../src/channels/console/console-surface';
import { composeHelpdesk } from '../../src/app/compose-helpdesk';
import { loadConfig, type Config } from '../../src/config/config';
import type { Helpdesk } from '../../src/core/inbound';
import type { Clock } from '../../src/core/ports/clock';
import type { HelpdeskLogger } from '../../src/core/workflow/create-helpdesk';
import { loadKnowledgeBase } from '../../src/kb/load-kb';
import { createKnowledgeBase } from '../../src/kb/search/create-knowledge-base';
import { projectRoot } from '../../src/util/project-root';
import { ensureIndexes } from '../../src/store/ensure-indexes';
import { createMongoConsoleMessages } from '../../src/store/mongo-console-messages';
import { launchBrowser } from '../e2e/browser';
import { startConsoleApp } from './console-app';
import { openTestDatabase } from './test-database';

export interface RealConsole {
  readonly config: Config;
  readonly kb: ReturnType<typeof createKnowledgeBase>;
  readonly conn: Awaited<ReturnType<typeof openTestDatabase>>;
  readonly helpdesk: Helpdesk;
  readonly app: Awaited<ReturnType<typeof startConsoleApp>>;
  readonly browser: Browser;
  close(): Promise<void>;
}

const quiet: HelpdeskLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** The console on the REAL core (kb/, a fresh test database, the console's agents) and a browser. */
export async function startRealConsole(
  options: {
    env?: NodeJS.ProcessEnv;
    log?: HelpdeskLogger;
    /** The knowledge base to search (default: the project's kb/ at KB_ANSWER_THRESHOLD). */
    kb?: ReturnType<typeof createKnowledgeBase>;
    /** The core's clock (SLA, reminders, hours notices); the system's by default. */
    clock?: Clock;
  } = {},
): Promise<RealConsole> {
  const config = loadConfig(options.env ?? {});
  const kb =
    options.kb ??
    createKnowledgeBase(loadKnowledgeBase(path.join(projectRoot(), 'kb')), {
      answerThreshold: config.KB_ANSWER_THRESHOLD,
    });
  const conn = await openTestDatabase();
  await ensureIndexes(conn.db);
  const surface = createConsoleSurface(createMongoConsoleMessages(conn.db));
  const helpdesk = composeHelpdesk({
    config,
    db: conn.db,
    kb,
    channels: [{ platform: 'console', surface: surface, agents: createConsoleAgentDirectory() }],
    log: options.log ?? quiet,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  helpdesk.start();
  const [app, browser] = await Promise.all([
    startConsoleApp({
      helpdesk,
      db: conn.db,
      feed: surface,
      timeZone: config.TIME_ZONE,
      locales: { agent: config.AGENT_LOCALE, default: config.DEFAULT_LOCALE },
    }),
    launchBrowser(),
  ]);
  return {
    config,
    kb,
    conn,
    helpdesk,
    app,
    browser,
    async close() {
      await browser.close();
      await app.close();
      await helpdesk.stop(2000);
      await conn.dispose();
    },
  };
}
