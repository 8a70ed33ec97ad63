import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { formatInTimeZone } from '../../../lib/dates';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import { useTaskPreview } from '../api/preview-task';
import { useDebouncedValue } from '../hooks/use-debounced-value';

/**
 * The next occurrences of the rule being written, in the site's time zone, from the server,
 * anchored on the task's start date (every-N and COUNT rules count from it) as the scheduler does.
 */
export function TaskPreview({
  siteId,
  rrule,
  startDate,
}: {
  siteId: number | null;
  rrule: string;
  startDate: string | null;
}) {
  const t = useT();
  const { locale } = useLocale();
  const settled = useDebouncedValue(rrule.trim());
  // A date being typed is only sent once complete.
  const anchor = startDate && /^\d{4}-\d{2}-\d{2}$/.test(startDate) ? startDate : null;
  const preview = useTaskPreview(
    siteId !== null && settled
      ? { siteId, rrule: settled, count: 5, ...(anchor ? { startDate: anchor } : {}) }
      : null,
  );
  return (
    <section className="section" aria-labelledby="task-preview" aria-live="polite" data-testid="task-preview">
      <h2 className="section__title" id="task-preview">
        {t('tasks.preview')}
      </h2>
      {siteId === null || !settled ? (
        <p className="field__hint">{t('tasks.previewWaiting')}</p>
      ) : preview.isError ? (
        <p className="field__error">
          {isApiError(preview.error, 'bad_request') || isApiError(preview.error, 'validation_failed')
            ? t('tasks.previewError', { message: preview.error.fields[0]?.message ?? preview.error.message })
            : errorMessage(preview.error, t)}
        </p>
      ) : !preview.data ? (
        <p className="field__hint">{t('common.loading')}</p>
      ) : preview.data.items.length === 0 ? (
        <p>{t('tasks.previewEmpty')}</p>
      ) : (
        <>
          <p className="field__hint">{t('tasks.previewTimeZone', { timeZone: preview.data.timeZone })}</p>
          <ol className="task-preview__list">
            {preview.data.items.map((item) => (
              <li key={item.at}>
                <time dateTime={item.at}>
                  {formatInTimeZone(item.at, locale, preview.data.timeZone, 'datetime')}
                </time>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
