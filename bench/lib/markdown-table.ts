export type Cell = string | number;

/** A Markdown table, columns padded so it reads in a terminal as well as in docs/FIGURES.md. */
export function markdownTable(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) => `| ${widths.map((width, column) => (row[column] ?? '').padEnd(width)).join(' | ')} |`;
  const separator = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return [line(header), separator, ...cells.slice(1).map(line)].join('\n');
}
