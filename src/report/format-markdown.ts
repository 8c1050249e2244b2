import { reportHeading, reportTables } from './report-tables';
import type { Report } from './report-types';

/**
 * The report as Markdown tables. Cells carry employees' own words (knowledge gaps), so every character
 * Markdown could read as markup (links, HTML, emphasis, the table's `|`) is backslash-escaped, which
 * CommonMark renders as the character itself; line breaks become spaces.
 */
export function formatMarkdown(report: Report): string {
  const cell = (text: string) => text.replace(/[\\`*_[\]<>~|]/g, '\\$&').replace(/\s*\n\s*/g, ' ');
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
