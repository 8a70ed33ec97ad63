import type { StepRecord } from '@vigie/shared';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import { useFormatDate } from '../../../lib/time-zone';
import { formatNumber } from '../../procedures/lib/reading-range';

/** A device time worth showing: the tick reached the server well after it was made (offline, or a skewed clock). */
function tickedOffline(record: Pick<StepRecord, 'deviceTime' | 'performedAt'>): boolean {
  if (!record.deviceTime) return false;
  return Date.parse(record.performedAt) - Date.parse(record.deviceTime) > 5_000;
}

/** One signature: outcome, reading and its verdict, reason, comment, who and when, verification, evidence. */
export function StepRecordView({ record, runId }: { record: StepRecord; runId: number }) {
  const t = useT();
  const { locale } = useLocale();
  const formatDate = useFormatDate();
  return (
    <div className="step-record" data-testid={`step-record-${record.id}`}>
      <p className="step-record__line">
        <strong>{t(`runs.status.${record.outcome}`)}</strong>
        {record.deviation && <span className="badge run-flag run-flag--warn">{t('runs.deviationFlag')}</span>}
        {record.supersedes !== null && <span className="badge badge--muted">{t('runs.correctionOf')}</span>}
        {record.supersededBy !== null && <span className="badge badge--muted">{t('runs.superseded')}</span>}
      </p>
      {record.reading && (
        <p className="step-record__line">
          <span className="step-record__reading">
            {formatNumber(record.reading.value, locale)} {record.reading.unit}
          </span>
          {record.reading.inRange ? (
            <span className="badge run-flag run-flag--ok">{t('runs.inRangeFlag')}</span>
          ) : (
            <span className="badge run-flag run-flag--critical" data-testid="out-of-range-flag">
              {t('runs.outOfRangeFlag')}
            </span>
          )}
        </p>
      )}
      {record.reason && (
        <p>
          {t('runs.reason')} : {record.reason}
        </p>
      )}
      {record.comment && (
        <p>
          {t('runs.comment')} : {record.comment}
        </p>
      )}
      {record.evidence.length > 0 && (
        <ul className="step-record__evidence">
          {record.evidence.map((evidence) => (
            <li key={evidence.sha256}>
              <a href={`/api/runs/${runId}/evidence/${evidence.sha256}`} target="_blank" rel="noreferrer">
                {t('runs.evidenceFile', { name: evidence.name })}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p className="step-record__meta">
        {t('runs.performedBy', {
          name: record.performedBy.displayName,
          time: formatDate(record.performedAt),
        })}
        {record.deviceTime && tickedOffline(record) && (
          <> · {t('runs.deviceTime', { time: formatDate(record.deviceTime, 'timeWithSeconds') })}</>
        )}
      </p>
      {record.verification && (
        <p className="step-record__verified" data-testid="step-verified">
          {t('runs.verifiedBy', {
            name: record.verification.by.displayName,
            time: formatDate(record.verification.at),
          })}
          {record.verification.comment && ` — ${record.verification.comment}`}
        </p>
      )}
    </div>
  );
}
