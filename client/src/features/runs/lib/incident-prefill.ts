import type { Locale, RunDetail, RunStep } from '@vigie/shared';
import type { Translate } from '../../../lib/i18n/translate';
import { localized } from '../../procedures/lib/localized';
import { formatNumber, formatReadingRange } from '../../procedures/lib/reading-range';

/**
 * The "open an incident" address for an out-of-range reading: the incident form reads `title`,
 * `description` and `origin` from the query string (`runId` says where it came from).
 */
export function incidentPrefillHref(
  run: Pick<RunDetail, 'id' | 'procedure'>,
  step: Pick<RunStep, 'text' | 'reading'>,
  stepNumber: number,
  value: number,
  locale: Locale,
  t: Translate,
): string {
  const reading = step.reading;
  if (!reading) return '/incidents/new';
  const range = formatReadingRange(reading, locale);
  const shown = `${formatNumber(value, locale)} ${reading.unit}`;
  const params = new URLSearchParams({
    title: t('runs.incidentTitle', { label: localized(reading.label, locale), value: shown, range }),
    description: t('runs.incidentDescription', {
      procedure: localized(run.procedure.title, locale),
      run: run.id,
      step: stepNumber,
      text: localized(step.text, locale),
      value: shown,
      range,
    }),
    origin: 'staff',
    runId: String(run.id),
  });
  return `/incidents/new?${params.toString()}`;
}
