import type { Ratio } from '@vigie/shared';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import type { DrillTarget } from '../lib/drill-target';
import { formatFigure, type FigureFormat } from '../lib/report-format';
import type { Polarity } from '../lib/trend';
import { DrillValue } from './drill-value';
import { TrendIndicator } from './trend-indicator';

/** One side of a comparison: the value, and optionally a note ("38/40") and how many records it has. */
export interface FigureValue {
  value: number | null;
  note?: string;
  /** How many records the drill-down lists; 0 (or none) makes the value plain text. */
  records?: number;
}

/** A figure in both periods, read the same way (format) and judged the same way (polarity). */
export interface Comparison {
  current: FigureValue;
  previous: FigureValue;
  format: FigureFormat;
  polarity: Polarity;
  /** The records behind the figure (the previous period's are the same target with `previous`). */
  drill?: DrillTarget;
}

export const countValue = (count: number): FigureValue => ({ value: count, records: count });
export const ratioValue = (ratio: Ratio): FigureValue => ({
  value: ratio.percent,
  note: `${ratio.count}/${ratio.of}`,
  records: ratio.of,
});

function Side({
  figure,
  comparison,
  previous,
}: {
  figure: FigureValue;
  comparison: Comparison;
  previous: boolean;
}) {
  const { locale } = useLocale();
  const target = comparison.drill && (previous ? { ...comparison.drill, previous: true } : comparison.drill);
  const text = formatFigure(figure.value, comparison.format, locale);
  if (figure.note === undefined)
    return (
      <DrillValue count={figure.records ?? 0} target={target}>
        {text}
      </DrillValue>
    );
  return (
    <>
      {text}{' '}
      <span className="report-note">
        (
        <DrillValue count={figure.records ?? 0} target={target}>
          {figure.note}
        </DrillValue>
        )
      </span>
    </>
  );
}

/** The value, the previous period's below it, and the trend: what every cell of the report shows. */
export function ComparisonValue({ comparison }: { comparison: Comparison }) {
  const t = useT();
  return (
    <span className="report-compare">
      <span className="report-compare__current" data-testid="current-value">
        <Side figure={comparison.current} comparison={comparison} previous={false} />
      </span>
      <span className="report-compare__previous">
        {t('reports.previousShort')} <Side figure={comparison.previous} comparison={comparison} previous />
      </span>
      <TrendIndicator
        current={comparison.current.value}
        previous={comparison.previous.value}
        format={comparison.format}
        polarity={comparison.polarity}
      />
    </span>
  );
}

/** Two counts (or minutes) compared; the drill-down lists the records of counts. */
export function compareCounts(
  current: number,
  previous: number,
  polarity: Polarity,
  drill?: DrillTarget,
  format: FigureFormat = 'count',
): Comparison {
  const side = (value: number): FigureValue =>
    format === 'count' ? countValue(value) : { value, records: drill && value > 0 ? 1 : 0 };
  return { current: side(current), previous: side(previous), format, polarity, ...(drill ? { drill } : {}) };
}

/** Two ratios compared as percentages, the drill-down listing what they were measured on. */
export function compareRatios(current: Ratio, previous: Ratio, drill?: DrillTarget): Comparison {
  return {
    current: ratioValue(current),
    previous: ratioValue(previous),
    format: 'percent',
    polarity: 'higherIsBetter',
    ...(drill ? { drill } : {}),
  };
}
