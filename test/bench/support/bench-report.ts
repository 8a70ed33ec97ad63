import type { RecordedFigure } from './bench-table.js';

/** Short numbers for a table: 3 significant digits, thousands grouped. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

const ratio = (value: number) => `${value.toFixed(2)}×`;

/** The suite's one table: each figure's ratio against its baseline, the absolute figures and the target. */
export function benchTable(figures: readonly RecordedFigure[]): string {
  const header = [
    'bench',
    'figure',
    'baseline',
    'unit',
    'tail',
    '× median',
    '× tail',
    'median',
    'tail value',
    'base median',
    'base tail',
    'n',
    'target',
  ];
  // By bench file (files run in whatever order vitest picks), then in the order they were recorded.
  const sorted = [...figures].sort((a, b) => a.file.localeCompare(b.file));
  const rows = sorted.map((figure) => {
    const { summary } = figure;
    const target =
      figure.targetRatio === undefined
        ? '—'
        : `≤ ${figure.targetRatio}× ${summary.meetsTarget ? 'met' : 'MISSED'}`;
    return [
      figure.file.replace(/^test\/bench\//, '').replace(/\.bench\.ts$/, ''),
      figure.name,
      figure.baseline,
      figure.unit,
      `p${Math.round((figure.tail ?? 0.95) * 100)}`,
      ratio(summary.ratioMedian),
      ratio(summary.ratioP95),
      formatNumber(summary.median),
      formatNumber(summary.p95),
      formatNumber(summary.baselineMedian),
      formatNumber(summary.baselineP95),
      `${figure.samples.length}/${figure.baselineSamples.length}`,
      target,
    ];
  });
  // Text left-aligned, numbers right-aligned.
  const numeric = new Set([5, 6, 7, 8, 9, 10, 11]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        numeric.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
