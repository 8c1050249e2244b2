/** A markdown table: a header row, then rows of cells (already formatted). */
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
) {
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}
