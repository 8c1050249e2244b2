import { reportHeading, reportTables } from './report-tables';
import type { Report } from './report-types';

/** The report as Markdown tables (a `|` or a line break inside a cell is escaped). */
export function formatMarkdown(report: Report): string {
  const cell = (text: string) =>
    text
      .replace(/\\/g, '\\\\')
      .replace(/\|/g, '\\|')
      .replace(/\s*\n\s*/g, ' ');
  const parts = [`# ${reportHeading(report)}`, `Generated ${report.generatedAt}.`];
  for (const table of reportTables(report)) {
    parts.push(`## ${table.title}`);
    if (!table.rows.length) {
      parts.push('(none)');
      continue;
    }
    const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
    parts.push(
      [line(table.columns), line(table.columns.map(() => '---')), ...table.rows.map(line)].join(
        '\n',
      ),
    );
  }
  for (const note of report.notes ?? []) parts.push(`> ${cell(note)}`);
  return `${parts.join('\n\n')}\n`;
}
