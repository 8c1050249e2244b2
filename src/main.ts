import path from 'node:path';
import { ConfigError, loadConfig } from './config';
import { KbValidationError, loadKnowledgeBase } from './kb/load-kb';
import { createKnowledgeBase } from './kb/search/create-knowledge-base';
import { createLogger } from './logger';
import { projectRoot } from './project-root';
import { openDatabase } from './store/open-database';

/** Composition root: read config, connect the store, load the KB, start the channels. */
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
  log.info(
    {
      slack: config.slackEnabled ? 'configured' : 'off (no SLACK_BOT_TOKEN)',
      teams: config.teamsEnabled ? 'configured' : 'off (no TEAMS_APP_ID)',
      defaultLocale: config.DEFAULT_LOCALE,
    },
    'Lapis is running; press Ctrl-C to stop',
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    db.close()
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
