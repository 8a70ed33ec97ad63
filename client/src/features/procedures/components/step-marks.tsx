import type { LocalizedText, ProcedureReading } from '@vigie/shared';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import { localized } from '../lib/localized';
import { formatReadingRange } from '../lib/reading-range';

export interface StepMarksProps {
  expected?: LocalizedText | null | undefined;
  reading?: ProcedureReading | null | undefined;
  critical: boolean;
  evidence: boolean;
}

/** What a step asks for beyond its text: the expected result, a reading and its range, verification, evidence. */
export function StepMarks({ expected, reading, critical, evidence }: StepMarksProps) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <>
      {expected && (
        <p className="step-marks__expected">
          {t('procedures.expected', { text: localized(expected, locale) })}
        </p>
      )}
      {(reading || critical || evidence) && (
        <ul className="step-marks">
          {reading && (
            <li className="step-mark step-mark--reading">
              {t('procedures.reading', { label: localized(reading.label, locale) })} ·{' '}
              {t('procedures.range', { range: formatReadingRange(reading, locale) })}
            </li>
          )}
          {critical && <li className="step-mark step-mark--critical">{t('procedures.critical')}</li>}
          {evidence && <li className="step-mark step-mark--evidence">{t('procedures.evidence')}</li>}
        </ul>
      )}
    </>
  );
}
