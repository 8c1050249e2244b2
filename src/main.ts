import path from 'node:path';
import { createConsoleAgentDirectory } from './channels/console/console-agent-directory';
import { isLoopbackHost } from './channels/console/console-server';
import { createConsoleSurface, ensureConsoleIndexes } from './channels/console/console-surface';
import { CONSOLE_USERS } from './channels/console/console-users';
import { startConsoleServer, type ConsoleServer } from './channels/console/start-console-server';
import { agentDirectoryFor, composeHelpdesk } from './compose-helpdesk';
import { ConfigError, loadConfig } from './config';
import { KbValidationError, loadKnowledgeBase } from './kb/load-kb';
import { createKnowledgeBase } from './kb/search/create-knowledge-base';
import { createLogger } from './logger';
import { projectRoot } from './project-root';
import { openDatabase } from './store/open-database';

/** Composition root: read config, connect the store, load the KB, start the channels and the SLA timer. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const root = projectRoot();
  const kbDir = path.resolve(root, config.KB_DIR);
  const articles = loadKnowledgeBase(kbDir);
  const kb = createKnowledgeBase(articles, { answerThreshold: config.KB_ANSWER_THRESHOLD });
  log.info({ kbDir, articles: kb.size, files: articles.length }, 'knowledge base loaded');

  const db = await openDatabase({
    uri: config.MONGODB_URI,
    dbName: config.MONGODB_DB,
    timeoutMs: config.MONGODB_TIMEOUT_MS,
    dataDir: path.resolve(root, config.LAPIS_DATA_DIR),
    log: (msg) => log.info(msg),
  });
  log.info({ database: db.description }, 'database ready');

  // With no chat platform configured, the local web console is the channel (loopback only).
  const useConsole = !config.slackEnabled && !config.teamsEnabled;
  const consoleSurface = useConsole ? createConsoleSurface(db.db) : undefined;
  if (consoleSurface) await ensureConsoleIndexes(db.db);
  const helpdesk = composeHelpdesk({
    config,
    db: db.db,
    kb,
    surfaces: consoleSurface ? { console: consoleSurface } : {},
    agents: agentDirectoryFor(config, { console: createConsoleAgentDirectory() }),
    log,
  });

  let consoleServer: ConsoleServer | undefined;
  if (consoleSurface) {
    if (!isLoopbackHost(config.HOST)) {
      throw new Error(
        `The local console trusts whoever opens it, so it only listens on loopback; HOST=${config.HOST} is not.`,
      );
    }
    consoleServer = await startConsoleServer({
      host: config.HOST,
      port: config.PORT,
      helpdesk,
      feed: consoleSurface,
      users: CONSOLE_USERS,
      logError: (err, context) => log.error({ err, context }, 'console request failed'),
    });
    log.info({ url: consoleServer.url }, `Local console: open ${consoleServer.url} in a browser`);
  }

  const sla = setInterval(() => {
    helpdesk.sweepSla().catch((err: unknown) => log.error({ err }, 'SLA sweep failed'));
  }, config.SLA_SWEEP_SECONDS * 1000);
  log.info(
    {
      console: consoleServer?.url ?? 'off (a chat platform is configured)',
      slack: config.slackEnabled ? 'configured' : 'off (no SLACK_BOT_TOKEN)',
      teams: config.teamsEnabled ? 'configured' : 'off (no TEAMS_APP_ID)',
      defaultLocale: config.DEFAULT_LOCALE,
      timeZone: config.TIME_ZONE,
    },
    'Lapis is running; press Ctrl-C to stop',
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    clearInterval(sla);
    (consoleServer?.close() ?? Promise.resolve())
      .then(() => db.close())
      .then(() => {
        log.info('stopped cleanly');
        process.exit(0);
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'error while stopping');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof KbValidationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Lapis failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
