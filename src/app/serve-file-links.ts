import type express from 'express';
import type { FileLinks } from '../channels/teams/file-card';
import { fileLinkSettingsOf } from '../config/file-links';
import type { Config } from '../config/config';
import type { FileStore } from '../core/ports/file-store';
import { createFileLinkSigner, fileLinkRoutes } from '../http/file-links';
import type { Logger } from '../logging/logger';

/**
 * GET /files/:id on the app (signed, expiring links to kept files: src/http/file-links.ts), and the
 * links' maker for the channel that needs them (Teams). Says at start what would break links.
 */
export function serveFileLinks(
  config: Config,
  expressApp: express.Express,
  files: FileStore,
  log: Logger,
): FileLinks {
  const settings = fileLinkSettingsOf(config);
  const signer = createFileLinkSigner(settings);
  expressApp.use(
    fileLinkRoutes(signer, files, (err) => log.error({ err }, 'a linked file could not be read')),
  );
  if (settings.guessedBaseUrl)
    log.warn(
      { baseUrl: settings.baseUrl },
      'no PUBLIC_URL: links to files name this address, which Teams and people elsewhere cannot reach',
    );
  if (settings.secretFrom === 'random')
    log.warn(
      'no FILE_LINK_SECRET (nor DASHBOARD_TOKEN or TEAMS_APP_PASSWORD to derive it from): links to files stop working when this process stops, and other instances refuse them',
    );
  return signer;
}
