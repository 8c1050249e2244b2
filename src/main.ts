import express from 'express';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { admissionGuard } from './http/admission-guard';
import { healthRoutes } from './http/health-routes';
import { scheduleJobs } from './app/schedule-jobs';
import { createJobSlots } from './store/job-slots';
import { createMongoWorkQueue } from './store/mongo-work-queue';
import { buildChannels } from './app/build-channels';
import { composeHelpdesk } from './app/compose-helpdesk';
import { ConfigError, loadConfig } from './config/config';
import { ChannelSetupError } from './core/ports/channel';
import { KbValidationError, loadKnowledgeBase } from './kb/load-kb';
import { createLearningKnowledgeBase } from './kb/search/learning-knowledge-base';
import { openSearch } from './kb/open-search';
import { SemanticUnavailableError } from './kb/semantic/open-semantic';
import { chooseLogFormat } from './logging/log-format';
import { createLogger, secretValues } from './logging/logger';
import { projectRoot } from './util/project-root';
import { startBanner } from './app/start-banner';
import { startHttpServer, type HttpServer } from './http/start-http-server';
import { createMongoL0Learning } from './store/mongo-l0-learning';
import { createLeadView } from './lead/lead-view';
import { reportLoader } from './app/report-loader';
import { openDatabase } from './store/open-database';
import { createTicketRefs } from './store/ticket-refs';
import { createBacklogCounter } from './store/count-backlog';
import { digestDashboardUrl, weeklyDigestJob } from './app/weekly-digest';

/** Composition root: config, database, knowledge base, channels (Slack, Teams or the local console), SLA timer. */
async function main(): Promise<void> {
  const config = loadConfig();
  const format = chooseLogFormat(config.LOG_FORMAT, process.stdout.isTTY === true);
  const log = createLogger(config.LOG_LEVEL, secretValues(config), undefined, format);
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
    countBacklog: createBacklogCounter(db.db),
    log,
    searchMode: () => search.status.mode,
  });
  app.use(lead.router);
  const channels = buildChannels({ config, expressApp: app, db: db.db, log });
  const instanceId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const helpdesk = composeHelpdesk({
    config,
    db: db.db,
    kb,
    channels,
    instanceId,
    meter: lead.meter,
    log,
  });
  for (const channel of channels) channel.attach(helpdesk);
  // Workers first: what a previous run (or a dead instance) left in the inbox is picked up now.
  helpdesk.start();
  admission = () => helpdesk.admission();
  for (const channel of channels) await channel.start();

  // Always listening, also in Socket Mode: /healthz and /readyz are for the orchestrator.
  const server: HttpServer = await startHttpServer(app, config.HOST, config.PORT);
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
      // The lead's weekly digest (DIGEST_SCHEDULE), linking the dashboard where it can be opened.
      ...weeklyDigestJob(config, {
        loadReport: reportLoader(db.db, config),
        helpdesk,
        log,
        dashboardUrl: digestDashboardUrl(config.DASHBOARD_URL, lead.mode, server.url),
      }),
    ],
    (job, periodMs) => slots.claim(job, periodMs),
    log,
  );
  log.info(
    {
      http: server.url,
      defaultLocale: config.DEFAULT_LOCALE,
      timeZone: config.TIME_ZONE,
    },
    'Lapis is running; press Ctrl-C to stop',
  );
  const banner = startBanner({
    http: server.url,
    channels: channels.map((channel) => channel.describe(server.url)),
    lead: lead.mode,
    metricsListener: metricsServer?.url,
  });
  for (const line of banner) log.info(line);

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
      .then(() => Promise.all(channels.map((channel) => channel.stop())))
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
    error instanceof ChannelSetupError
  ) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Lapis failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
