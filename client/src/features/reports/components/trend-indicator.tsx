import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import { formatDelta, type FigureFormat } from '../lib/report-format';
import { trendOf, type Polarity } from '../lib/trend';

const arrows = { up: '▲', down: '▼', flat: '▶', none: '·' } as const;

/** The change since the previous period: an arrow and words, the colour only repeating them. */
export function TrendIndicator({
  current,
  previous,
  format,
  polarity,
}: {
  current: number | null;
  previous: number | null;
  format: FigureFormat;
  polarity: Polarity;
}) {
  const t = useT();
  const { locale } = useLocale();
  const trend = trendOf(current, previous, polarity);
  const words = [t(`reports.trend.${trend.direction}`)];
  if (trend.assessment !== 'neutral') words.push(t(`reports.trend.${trend.assessment}`));
  return (
    <span
      className={`report-trend report-trend--${trend.assessment}`}
      data-direction={trend.direction}
      data-assessment={trend.assessment}
    >
      <span aria-hidden="true">{arrows[trend.direction]}</span>{' '}
      {trend.delta !== null && trend.direction !== 'flat' && <>{formatDelta(trend.delta, format, locale)} </>}
      <span className="report-trend__words">({words.join(', ')})</span>
    </span>
  );
}
