import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../src/util/project-root';

/**
 * The layers of src/ (README "Architecture"): each folder may import only the folders listed for
 * it, so dependencies point inwards (channels and store depend on core, never the reverse), and no
 * module of src/ or bench/ takes part in an import circle.
 */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  util: [],
  logging: [],
  http: [],
  kb: ['core', 'util'],
  report: ['core'],
  config: ['core', 'util', 'channels'],
  store: ['core', 'report', 'util'],
  metrics: ['core', 'http'],
  'channels/console': ['core', 'util'],
  'channels/slack': ['core', 'util', 'logging'],
  'channels/teams': ['core', 'util', 'logging'],
  lead: ['core', 'report', 'metrics', 'http', 'util', 'config', 'logging'],
  cli: ['core', 'kb', 'report', 'store', 'config', 'lead', 'app', 'util', 'logging'],
  app: [
    'core',
    'kb',
    'report',
    'store',
    'channels',
    'config',
    'lead',
    'metrics',
    'http',
    'logging',
    'util',
  ],
  main: ['*'],
};

const root = projectRoot();
const src = path.join(root, 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'public' ? [] : filesUnder(full);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The folder a file belongs to: its first folder under src/ (channels/<name> for channels). */
function layerOf(file: string): string {
  const parts = path.relative(src, file).split(path.sep);
  if (parts.length === 1) return parts[0]!.replace(/\.ts$/, '');
  return parts[0] === 'channels' ? `channels/${parts[1]}` : parts[0]!;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => {
    const target = path.resolve(path.dirname(file), m[1]!);
    return target.endsWith('.ts') ? target : `${target}.ts`;
  });
}

describe('the layers of src/', () => {
  const files = filesUnder(src);

  it('finds the folders it knows (a new folder gets its rule here)', () => {
    const unknown = [...new Set(files.map(layerOf))].filter((l) => !(l in ALLOWED));
    expect(unknown).toEqual([]);
  });

  it('imports run only inwards', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      const allowed = ALLOWED[from] ?? [];
      for (const target of importsOf(file)) {
        if (!target.startsWith(src)) continue;
        const to = layerOf(target);
        const ok =
          to === from ||
          allowed.includes('*') ||
          allowed.includes(to) ||
          (to.startsWith('channels/') && allowed.includes('channels'));
        if (!ok) wrong.push(`${path.relative(root, file)} -> ${path.relative(root, target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import circle in src/ or bench/', () => {
    const all = [...files, ...filesUnder(path.join(root, 'bench'))];
    const graph = new Map(all.map((f) => [f, importsOf(f).filter((t) => all.includes(t))]));
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const trail: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      trail.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open')
          circles.push(
            trail
              .slice(trail.indexOf(next))
              .concat(next)
              .map((f) => path.relative(root, f))
              .join(' -> '),
          );
        else if (!state.has(next)) visit(next);
      }
      trail.pop();
      state.set(file, 'done');
    };
    for (const file of all) if (!state.has(file)) visit(file);
    expect(circles).toEqual([]);
  });
});
