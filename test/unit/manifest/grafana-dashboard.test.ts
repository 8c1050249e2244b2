import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createPrometheusMetrics } from '../../../src/metrics/prometheus-meter';
import { projectRoot } from '../../../src/util/project-root';

interface Panel {
  readonly title: string;
  readonly targets?: readonly { readonly expr: string }[];
}

/** manifest/grafana/lapis.json queries only series Lapis exports, and shows every one of them. */
describe('the Grafana dashboard', () => {
  const file = path.join(projectRoot(), 'manifest', 'grafana', 'lapis.json');
  const dashboard = JSON.parse(readFileSync(file, 'utf8')) as { panels: Panel[]; uid: string };
  const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));
  const { registry } = createPrometheusMetrics();
  const exported = registry.getMetricsAsArray().map((m) => m.name);

  it('is an importable dashboard with queries', () => {
    expect(dashboard.uid).toBe('lapis-service-desk');
    expect(exprs.length).toBeGreaterThan(10);
  });

  it('names only metrics that exist in the registry', () => {
    const used = exprs.flatMap((e) => e.match(/\blapis_[a-z0-9_]+/g) ?? []);
    const family = (name: string) => name.replace(/_(bucket|sum|count)$/, '');
    const unknown = used.filter(
      (name) => !exported.includes(name) && !exported.includes(family(name)),
    );
    expect(unknown).toEqual([]);
    for (const name of used.filter((n) => /_(bucket|sum|count)$/.test(n) && !exported.includes(n)))
      expect(registry.getSingleMetric(family(name))?.constructor.name).toBe('Histogram');
  });

  it('shows every metric Lapis exports', () => {
    const text = exprs.join('\n');
    expect(exported.filter((name) => !text.includes(name))).toEqual([]);
  });
});
