// Plain-text tables for bench output: left-aligned first column, right-aligned figures.

export type Row = readonly string[];

export const renderTable = (header: Row, rows: readonly Row[]): string => {
  const all = [header, ...rows];
  const widths = header.map((_, col) => Math.max(...all.map((row) => (row[col] ?? '').length)));
  const line = (row: Row): string =>
    row
      .map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n') + '\n';
};

/** What the bench scripts print with: stdout, no logger, no console. */
export const print = (text = ''): void => {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
};
