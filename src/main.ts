import express from 'express';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { admissionGuard } from './admission-guard';
import { healthRoutes } from './health-routes';
import { scheduleJobs } from './schedule-jobs';
import { createJobSlots } from './store/job-slots';
import { createMongoWorkQueue } from './store/mongo-work-queue';
import { createConsoleAgentDirectory } from './channels/console/console-agent-directory';
import { createConsoleRouter } from './channels/console/console-server';
import { isLoopbackAddress } from './loopback';
import { createConsoleSurface } from './channels/console/console-surface';
import { CONSOLE_USERS } from './channels/console/console-users';
import { createSlackChannel } from './channels/slack/create-slack-channel';
import { createTeamsChannel } from './channels/teams/teams-channel';
import { TeamsSetupError } from './channels/teams/teams-settings';
import { agentDirectoryFor, composeHelpdesk } from './compose-helpdesk';
import { ConfigError, loadConfig } from './config';
import type { ChatSurface } from './core/ports/chat-surface';
import { KbValidationError, loadKnowledgeBase } from './kb/load-kb';
import { createLearningKnowledgeBase } from './kb/search/learning-knowledge-base';
import { openSearch } from './kb/open-search';
import { SemanticUnavailableError } from './kb/semantic/open-semantic';
import { createLogger, secretValues } from './logger';
import { projectRoot } from './project-root';
import { startHttpServer, type HttpServer } from './start-http-server';
import { createMongoConsoleMessages } from './store/mongo-console-messages';
import { createMongoConversationStore } from './store/mongo-conversation-store';
import { createMongoL0Learning } from './store/mongo-l0-learning';
import { createLeadView } from './lead/lead-view';
import { reportLoader } from './lead/load-report';
import { openDatabase } from './store/open-database';
import { createTicketRefs } from './store/ticket-refs';

/** Composition root: config, database, knowledge base, channels (Slack, Teams or the local console), SLA timer. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL, secretValues(config));
  const root = projectRoot();
  const kbDir = path.resolve(root, config.KB_DIR);
  const articles = loadKnowledgeBase(kbDir);
  const search = await openSearch(articles, {
    semantic: config.L0_SEMANTIC,
    cacheDir: path.resolve(root, config.LAPIS_CACHE_DIR),
    queryDeadlineMs: config.L0_QUERY_DEADLINE_MS,
    ...(config.L0_MODEL_URL ? { modelUrl: config.L0_MODEL_URL } : {}),
    log: (msg) => log.info(msg),
    warn: (msg) => log.warn(msg),
  });
  const kb = createLearningKnowledgeBase(articles, {
    answerThreshold: config.KB_ANSWER_THRESHOLD,
    minConfirmations: config.LEARN_MIN_CONFIRMATIONS,
    ...(search.semantic ? { semantic: search.semantic } : {}),
  });
  log.info(
    { kbDir, articles: kb.size, files: articles.length, search: search.status.mode },
    'knowledge base loaded',
  );

  const useConsole = !config.slackEnabled && !config.teamsEnabled;
  if (useConsole && !isLoopbackAddress(config.HOST)) {
    throw new Error(
      `The local console trusts whoever opens it, so it only listens on loopback; HOST=${config.HOST} is not.`,
    );
  }
  const db = await openDatabase({
    uri: config.MONGODB_URI,
    dbName: config.MONGODB_DB,
    timeoutMs: config.MONGODB_TIMEOUT_MS,
    dataDir: path.resolve(root, config.LAPIS_DATA_DIR),
    log: (msg) => log.info(msg),
  });
  log.info({ database: db.description }, 'database ready');
  const learning = createMongoL0Learning(db.db);
  const refreshLearned = async () => {
    const used = await kb.refresh(await learning.learned());
    log.debug({ used }, 'learned phrasings loaded');
  };
  await refreshLearned();

  // Slack's receiver needs the raw body to verify signatures: it is mounted before any body parser.
  // The admission guard comes first: while stopping or overloaded, events get 503 and are retried.
  const app = express();
  app.disable('x-powered-by');
  let admission: () => Error | undefined = () => new Error('Lapis is starting');
  app.use(admissionGuard(() => admission()));
  app.use(
    healthRoutes({
      pingDatabase: async () => void (await db.db.command({ ping: 1 })),
      articles: () => kb.size,
      searchMode: () => search.status,
      refusal: () => admission(),
    }),
  );
  // The service-desk lead's view (/dashboard, /metrics); its meter instruments the core's ports.
  const lead = createLeadView({
    config,
    db: db.db,
    loadReport: reportLoader(db.db, config),
    log,
    searchMode: () => search.status.mode,
  });
  app.use(lead.router);
  const slack = config.slackEnabled
    ? createSlackChannel({ config, expressApp: app, log })
    : undefined;
  const teams = config.teamsEnabled
    ? createTeamsChannel({
        config,
        expressApp: app,
        references: createMongoConversationStore(db.db),
        log,
      })
    : undefined;
  const consoleSurface = useConsole
    ? createConsoleSurface(createMongoConsoleMessages(db.db))
    : undefined;

  const surfaces: Partial<Record<'slack' | 'teams' | 'console', ChatSurface>> = {
    ...(slack ? { slack: slack.surface } : {}),
    ...(teams ? { teams: teams.surface } : {}),
    ...(consoleSurface ? { console: consoleSurface } : {}),
  };
  const instanceId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const helpdesk = composeHelpdesk({
    config,
    db: db.db,
    kb,
    surfaces,
    instanceId,
    ...(slack ? { prepare: { slack: slack.prepare } } : {}),
    agents: agentDirectoryFor(config, {
      console: createConsoleAgentDirectory(),
      ...(slack ? { slack: slack.agents } : {}),
      ...(teams ? { teams: teams.agents } : {}),
    }),
    meter: lead.meter,
    log,
  });
  if (consoleSurface) {
    app.use(
      createConsoleRouter({
        helpdesk,
        feed: consoleSurface,
        users: CONSOLE_USERS,
        timeZone: config.TIME_ZONE,
        locales: { agent: config.AGENT_LOCALE, default: config.DEFAULT_LOCALE },
        logError: (err, context) => log.error({ err, context }, 'console request failed'),
      }),
    );
  }
  slack?.attach(helpdesk);
  teams?.attach(helpdesk);
  // Workers first: what a previous run (or a dead instance) left in the inbox is picked up now.
  helpdesk.start();
  admission = () => helpdesk.admission();
  await slack?.start();
  await teams?.start();

  // Always listening, also in Socket Mode: /healthz and /readyz are for the orchestrator.
  const server: HttpServer = await startHttpServer(app, config.HOST, config.PORT);
  if (useConsole && server)
    log.info({ url: server.url }, `Local console: open ${server.url} in a browser`);
  const metricsServer = await lead.startMetricsListener();

  const slots = createJobSlots(db.db, instanceId);
  const stopJobs = scheduleJobs(
    [
      {
        name: 'sla-sweep',
        periodMs: config.SLA_SWEEP_SECONDS * 1000,
        run: () => helpdesk.sweepSla(),
      },
      {
        // Every instance searches with what was learned anywhere, so each reloads it itself.
        name: 'learned-phrasings',
        periodMs: config.LEARN_REFRESH_SECONDS * 1000,
        perInstance: true,
        run: refreshLearned,
      },
      {
        name: 'prune',
        periodMs: 3600_000,
        run: () =>
          Promise.all([
            createMongoWorkQueue(db.db, 'inbox').prune(),
            createMongoWorkQueue(db.db, 'outbox').prune(),
            slots.prune(),
          ]),
      },
      {
        // Puts right ticket lookup documents a crash left stale (ticket-refs.ts); reads every ticket.
        name: 'ticket-refs',
        periodMs: 3600_000,
        run: () => createTicketRefs(db.db).reconcile(),
      },
    ],
    (job, periodMs) => slots.claim(job, periodMs),
    log,
  );
  log.info(
    {
      http: server.url,
      console: useConsole ? 'on' : 'off (a chat platform is configured)',
      slack: slack
        ? config.SLACK_SOCKET_MODE
          ? 'Socket Mode'
          : 'HTTP /slack/events'
        : 'off (no SLACK_BOT_TOKEN)',
      teams: teams ? 'POST /api/messages' : 'off (no TEAMS_APP_ID)',
      lead: lead.summary,
      metricsListener: metricsServer ? `${metricsServer.url}metrics` : 'off (no METRICS_PORT)',
      defaultLocale: config.DEFAULT_LOCALE,
      timeZone: config.TIME_ZONE,
    },
    'Lapis is running; press Ctrl-C to stop',
  );

  // Stopping: intake closes first (new events get 503), work in hand is finished or let go within
  // SHUTDOWN_SECONDS, then the server, the channels and the database close. A second signal exits now.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      log.warn(
        { signal },
        'second signal: exiting now; unfinished work is taken over on the next start',
      );
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'stopping: new events get 503 from now on');
    stopJobs();
    const deadlineMs = config.SHUTDOWN_SECONDS * 1000;
    const hardStop = setTimeout(() => {
      log.error('could not stop in time; exiting (leases run out and others take over)');
      process.exit(1);
    }, deadlineMs + 3000);
    hardStop.unref();
    helpdesk
      .stop(Math.max(500, deadlineMs - 1500))
      .then(() => Promise.all([slack?.stop(), teams?.stop()]))
      .then(() => Promise.all([server.close(), metricsServer?.close()]))
      .then(() => db.close())
      .then(() => search.close())
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
  if (
    error instanceof ConfigError ||
    error instanceof KbValidationError ||
    error instanceof SemanticUnavailableError ||
    error instanceof TeamsSetupError
  ) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Lapis failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
