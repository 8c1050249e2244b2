/** Writes manifest/teams/color.png (192x192) and outline.png (32x32) from scripts/teams/draw-icons.ts. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/util/project-root';
import { drawColorIcon, drawOutlineIcon } from './teams/draw-icons';
import { encodePng } from './teams/png';

const dir = path.join(projectRoot(), 'manifest', 'teams');
writeFileSync(path.join(dir, 'color.png'), encodePng(192, 192, drawColorIcon(192)));
writeFileSync(path.join(dir, 'outline.png'), encodePng(32, 32, drawOutlineIcon(32)));
console.log(
  `teams:icons: wrote color.png and outline.png in ${path.relative(process.cwd(), dir) || '.'}`,
);
