import type { ReactNode } from 'react';
import { TableScroll } from '../../../components/ui/table-scroll';
import { ComparisonValue, type Comparison } from './comparison-value';

export interface ComparisonRow {
  key: string;
  label: ReactNode;
  /** One per column; null where the figure does not exist. */
  cells: (Comparison | null)[];
}

/** Figures (rows) by measure (columns), each cell with the previous period and the trend. */
export function ComparisonTable({
  caption,
  rowHeader,
  columns,
  rows,
  testId,
}: {
  caption: string;
  rowHeader: string;
  columns: readonly string[];
  rows: readonly ComparisonRow[];
  testId?: string;
}) {
  return (
    <TableScroll label={caption}>
      <table className="table report-table" data-testid={testId}>
        <caption className="report-table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-row={row.key}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, index) => (
                <td key={columns[index] ?? index}>{cell ? <ComparisonValue comparison={cell} /> : '—'}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
