/**
 * npm run teams:package: validates manifest/teams/ (manifest fields, icon sizes and colours) and
 * zips it to manifest/teams/build/lapis-teams.zip for upload to Teams. Reads TEAMS_APP_ID (the Azure
 * Bot app id) and optionally TEAMS_MANIFEST_ID from the environment.
 */
import path from 'node:path';
import { projectRoot } from '../src/util/project-root';
import { buildTeamsPackage, TeamsPackageError } from './teams/teams-package';

const dir = path.join(projectRoot(), 'manifest', 'teams');
try {
  const result = buildTeamsPackage({
    dir,
    outFile: path.join(dir, 'build', 'lapis-teams.zip'),
    env: process.env,
  });
  for (const warning of result.warnings) console.warn(`teams:package: warning: ${warning}`);
  console.log(
    `teams:package: ${path.relative(process.cwd(), result.outFile)} (${result.bytes} bytes, bot ${result.manifest.bots[0]?.botId ?? '?'})`,
  );
} catch (error) {
  console.error(
    error instanceof TeamsPackageError
      ? error.message
      : `teams:package: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
