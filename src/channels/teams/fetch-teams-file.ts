import { FileRefused, type IncomingFile } from '../../core/files';
import { isLoopbackAddress } from '../../util/loopback';
import { downloadCapped } from './download-capped';
import { decodeFileSource, isFileHostUrl } from './file-source';
import { serviceUrlRefusal, ServiceUrlRefused, type ServiceUrlPolicy } from './service-url-policy';
import type { TeamsConnector } from './teams-connector';

export interface FileFetchOptions {
  readonly connector: Pick<TeamsConnector, 'authorization'>;
  /** The service-URL policy: which connectors may be sent the bot's token. */
  readonly serviceUrls: ServiceUrlPolicy;
  /** Deadline of one download (TEAMS_FILE_TIMEOUT_MS); the token has the connector's own. */
  readonly timeoutMs: number;
}

/**
 * surface.fetchFile on Teams (see file-source.ts for the three kinds): a pasted image from the
 * connector with the bot's token, only from hosts the service-URL policy allows; a personal chat's
 * file from its pre-authenticated download URL without any token, only over https from SharePoint /
 * OneDrive (or loopback where the policy takes loopback: the Emulator, tests); a channel's SharePoint
 * file refused at once, as Teams will not give it to a bot without Microsoft Graph.
 */
export function createTeamsFileFetcher(options: FileFetchOptions) {
  const { serviceUrls, timeoutMs } = options;
  const connectorHost = (url: URL) => !serviceUrlRefusal(url.href, serviceUrls);
  const downloadHost = (url: URL) =>
    isFileHostUrl(url.href) || (isLoopbackAddress(url.hostname) && connectorHost(url));

  return async function fetchFile(file: IncomingFile, maxBytes: number): Promise<Uint8Array> {
    const source = decodeFileSource(file.source);
    if (!source) throw new FileRefused('unreadable', 'not a file this Teams channel recorded');
    switch (source.via) {
      case 'sharepoint':
        throw new FileRefused(
          'forbidden',
          "a file shared in a channel lives in the team's SharePoint, which a bot cannot read",
        );
      case 'download':
        return downloadCapped(source.url, { maxBytes, timeoutMs, allowed: downloadHost });
      case 'connector': {
        if (!URL.canParse(source.url) || !connectorHost(new URL(source.url)))
          throw new FileRefused('forbidden', 'the image is not at an allowed Teams connector');
        const authorization = await options.connector
          .authorization(source.serviceUrl)
          .catch((error: unknown) => {
            throw error instanceof ServiceUrlRefused
              ? new FileRefused('forbidden', error.message)
              : error;
          });
        return downloadCapped(source.url, {
          maxBytes,
          timeoutMs,
          allowed: connectorHost,
          ...(authorization ? { authorization } : {}),
        });
      }
    }
  };
}
