/**
 * The workflow's race rules on the real server (contested claims, redelivered events, concurrent SLA
 * sweeps, three writers on one ticket, a dead writer's version claim), exactly as the integration
 * project runs them on the embedded FerretDB/SQLite: here on FerretDB with its PostgreSQL backend,
 * since this project's setup file points openTestDatabase at it.
 */
import '../integration/workflow/helpdesk-on-mongo.test';
