import escape from 'escape-html';
import { reportHeading, reportTables } from './report-tables';
import type { Report } from './report-types';

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:0 0 1.5em}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f3f3f3}h2{font-size:1.1em;margin-top:1.5em}.none{color:#888}`;

/** The report as one self-contained HTML page: inline styles, no scripts, no external assets. */
export function formatHtml(report: Report): string {
  const heading = escape(reportHeading(report));
  const body = reportTables(report).map((table) => {
    const title = `<h2>${escape(table.title)}</h2>`;
    if (!table.rows.length) return `${title}\n<p class="none">(none)</p>`;
    const head = `<tr>${table.columns.map((c) => `<th>${escape(c)}</th>`).join('')}</tr>`;
    const rows = table.rows
      .map((row) => `<tr>${row.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`)
      .join('\n');
    return `${title}\n<table>\n<thead>${head}</thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
  });
  const notes = (report.notes ?? []).map((n) => `<p class="none">${escape(n)}</p>`);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${heading}</title>`,
    `<style>${STYLE}</style></head>`,
    '<body>',
    `<h1>${heading}</h1>`,
    `<p class="none">Generated ${escape(report.generatedAt)}.</p>`,
    ...body,
    ...notes,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
