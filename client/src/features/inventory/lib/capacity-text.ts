import type { CapacityFigures, Locale } from '@vigie/shared';
import type { Translate } from '../../../lib/i18n/translate';
import { percentBand, type PercentBand } from './floor-plan-colours';

const intlLocales: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

export const capacityMeasures = ['space', 'power', 'weight'] as const;
export type CapacityMeasure = (typeof capacityMeasures)[number];

/** One measure as shown: the sentence with the figures, the percentage (null without a limit), its band. */
export interface CapacityReading {
  measure: CapacityMeasure;
  text: string;
  percent: number | null;
  band: PercentBand;
}

export function formatFigure(value: number, locale: Locale, digits = 1): string {
  return new Intl.NumberFormat(intlLocales[locale], { maximumFractionDigits: digits }).format(value);
}

/** Space, power (in kW) and weight of a set of racks, each worded with its limit and percentage. */
export function capacityReadings(figures: CapacityFigures, locale: Locale, t: Translate): CapacityReading[] {
  const n = (value: number, digits?: number) => formatFigure(value, locale, digits);
  const reading = (measure: CapacityMeasure, figuresText: string, percent: number | null) => {
    const rounded = percent === null ? null : Math.round(percent);
    const share =
      rounded === null
        ? t('capacity.noLimit')
        : `${t('capacity.percent', { value: n(rounded, 0) })}${rounded > 100 ? `, ${t('capacity.over')}` : ''}`;
    return { measure, text: `${figuresText} (${share})`, percent: rounded, band: percentBand(percent) };
  };
  return [
    reading(
      'space',
      t('capacity.units', { used: n(figures.uUsed), total: n(figures.uTotal), free: n(figures.uFree) }),
      figures.uUsedPercent,
    ),
    reading(
      'power',
      t('capacity.kw', {
        allocated: n(figures.powerAllocatedW / 1000, 2),
        budget: n(figures.powerBudgetW / 1000, 2),
      }),
      figures.powerPercent,
    ),
    reading(
      'weight',
      t('capacity.kg', { weight: n(figures.weightKg), max: n(figures.weightMaxKg) }),
      figures.weightPercent,
    ),
  ];
}
