import type { CapacityFigures } from '@vigie/shared';
import { useId, type ReactNode } from 'react';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import type { PlainMessageKey } from '../../../lib/i18n/translate';
import { capacityReadings, type CapacityMeasure, type CapacityReading } from '../lib/capacity-text';

const measureLabels: Record<CapacityMeasure, PlainMessageKey> = {
  space: 'capacity.space',
  power: 'capacity.power',
  weight: 'capacity.weight',
};

/** A bar for one measure; the figures are in the text, so the colour is never the only cue. */
export function CapacityBar({ reading, label }: { reading: CapacityReading; label: string }) {
  if (reading.percent === null) return null;
  // A meter's value stays within its range; the text still says how far over the limit it is.
  const shown = Math.min(100, Math.max(0, reading.percent));
  return (
    <div
      className={`capacity-bar capacity-bar--${reading.band}`}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={shown}
      aria-valuetext={reading.text}
    >
      <span className="capacity-bar__fill" style={{ inlineSize: `${shown}%` }} />
    </div>
  );
}

/** Space, power and weight of a set of racks, each as a labelled figure and a bar. */
export function CapacityMeters({ figures, testId }: { figures: CapacityFigures; testId?: string }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <dl className="capacity-meters" data-testid={testId}>
      {capacityReadings(figures, locale, t).map((reading) => (
        <div key={reading.measure} className="capacity-meters__item" data-measure={reading.measure}>
          <dt>{t(measureLabels[reading.measure])}</dt>
          <dd>
            <span className="capacity-meters__text">{reading.text}</span>
            <CapacityBar reading={reading} label={t(measureLabels[reading.measure])} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** One line per group (a row, a room) with its rack count and the three measures. */
export interface CapacityLine {
  key: string;
  name: ReactNode;
  /** The name as plain text, for the bars' accessible names. */
  label: string;
  figures: CapacityFigures;
  testId?: string;
}

/** A table of capacity lines (rows of a room, rooms of a site), the total first. */
export function CapacityTable({
  caption,
  firstColumn,
  lines,
}: {
  caption: string;
  firstColumn: string;
  lines: readonly CapacityLine[];
}) {
  const t = useT();
  const { locale } = useLocale();
  const captionId = useId();
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className="table capacity-table">
        <caption id={captionId} className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{firstColumn}</th>
            <th scope="col">{t('capacity.racks')}</th>
            <th scope="col">{t('capacity.space')}</th>
            <th scope="col">{t('capacity.power')}</th>
            <th scope="col">{t('capacity.weight')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <CapacityTableRow
              key={line.key}
              line={line}
              readings={capacityReadings(line.figures, locale, t)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CapacityTableRow({ line, readings }: { line: CapacityLine; readings: CapacityReading[] }) {
  const t = useT();
  return (
    <tr data-testid={line.testId}>
      <th scope="row">{line.name}</th>
      <td>{line.figures.rackCount}</td>
      {readings.map((reading) => (
        <td key={reading.measure} className="capacity-table__cell" data-measure={reading.measure}>
          <span>{reading.text}</span>
          <CapacityBar reading={reading} label={`${line.label} — ${t(measureLabels[reading.measure])}`} />
        </td>
      ))}
    </tr>
  );
}
