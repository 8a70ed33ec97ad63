import { useId, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { TableScroll } from '../../../components/ui/table-scroll';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import type { ChartSpec } from '../lib/report-charts';
import { formatFigure } from '../lib/report-format';

const chartHeight = 280;

function ChartTable({ spec, caption }: { spec: ChartSpec; caption: string }) {
  const { locale } = useLocale();
  return (
    <TableScroll label={caption}>
      <table className="table report-table" data-testid={`chart-table-${spec.id}`}>
        <caption className="report-table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{spec.xLabel}</th>
            {spec.series.map((series) => (
              <th key={series.key} scope="col">
                {series.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spec.rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {spec.series.map((series) => (
                <td key={series.key}>{formatFigure(row.values[series.key] ?? null, spec.format, locale)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function ChartDrawing({ spec }: { spec: ChartSpec }) {
  const { locale } = useLocale();
  const data = spec.rows.map((row) => ({ label: row.label, ...row.values }));
  const format = (value: unknown) =>
    typeof value === 'number' ? formatFigure(value, spec.format, locale) : '—';
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="#c8ced6" />
      <XAxis
        dataKey="label"
        label={{ value: spec.xLabel, position: 'insideBottom', offset: -4 }}
        height={48}
        tick={{ fontSize: 12 }}
      />
      <YAxis
        domain={spec.domain}
        allowDecimals={spec.format !== 'count'}
        tickFormatter={format}
        width={72}
        tick={{ fontSize: 12 }}
        label={{ value: spec.yLabel, angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }}
      />
      <Tooltip formatter={(value) => format(value)} />
      {/* Legend words in the text colour: a yellow or sky-blue word on white would be unreadable. */}
      <Legend
        verticalAlign="top"
        formatter={(value: string) => <span className="report-chart__legend">{value}</span>}
      />
    </>
  );
  const chartProps = {
    data,
    responsive: true,
    style: { width: '100%', height: chartHeight },
    margin: { top: 4, right: 16, bottom: 8, left: 8 },
    // Named for screen readers (the SVG's <title>); the table view gives them the numbers.
    title: spec.title,
  };
  if (spec.kind === 'lines')
    return (
      <LineChart {...chartProps}>
        {axes}
        {spec.series.map((series) => (
          <Line
            key={series.key}
            type="linear"
            dataKey={series.key}
            name={series.label}
            stroke={series.colour}
            strokeWidth={2}
            strokeDasharray={series.dash}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    );
  return (
    <BarChart {...chartProps}>
      {axes}
      {spec.series.map((series) => (
        <Bar
          key={series.key}
          dataKey={series.key}
          name={series.label}
          fill={series.colour}
          stackId={spec.kind === 'stackedBars' ? 'week' : undefined}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );
}

/** A weekly chart with a "table view" toggle that shows the same numbers as an HTML table. */
export function ChartCard({ spec }: { spec: ChartSpec }) {
  const t = useT();
  const titleId = useId();
  const [asTable, setAsTable] = useState(false);
  return (
    <figure className="report-chart" data-chart={spec.id} aria-labelledby={titleId}>
      <div className="report-chart__header">
        <figcaption id={titleId} className="report-chart__title">
          {spec.title}
        </figcaption>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-pressed={asTable}
          onClick={() => setAsTable((value) => !value)}
        >
          {t('reports.chart.tableView')}
          <span className="visually-hidden"> — {spec.title}</span>
        </button>
      </div>
      {asTable ? <ChartTable spec={spec} caption={spec.title} /> : <ChartDrawing spec={spec} />}
    </figure>
  );
}
