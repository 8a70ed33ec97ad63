import type { ShiftLogCategory, ShiftLogEntry } from '@vigie/shared';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useFormatDate } from '../../../lib/time-zone';
import { useShiftLog } from '../api/get-shift-log';
import { ShiftLinkView } from './shift-link-view';

/** The site's entries, newest first; live events refresh it. Corrected entries stay, marked. */
export function ShiftLogList({
  siteId,
  category,
  canWrite,
  onCorrect,
}: {
  siteId: number;
  category: ShiftLogCategory | undefined;
  canWrite: boolean;
  onCorrect: (entry: ShiftLogEntry) => void;
}) {
  const t = useT();
  const formatDate = useFormatDate();
  const log = useShiftLog(siteId, category);

  if (log.isPending) return <LoadingState />;
  if (log.isError)
    return <ErrorState error={log.error} title={t('shift.loadError')} onRetry={() => void log.refetch()} />;
  const entries = log.data.pages.flatMap((page) => page.items);
  if (entries.length === 0) {
    return <EmptyState title={category ? t('shift.emptyFiltered') : t('shift.empty')} headingLevel={3} />;
  }
  return (
    <>
      <ol className="shift-log" aria-label={t('shift.logTitle')}>
        {entries.map((entry) => (
          <li
            key={entry.id}
            className={entry.correctedByIds.length > 0 ? 'shift-entry shift-entry--corrected' : 'shift-entry'}
            data-testid="shift-entry"
          >
            <div className="shift-entry__meta">
              <time dateTime={entry.at}>{formatDate(entry.at, 'datetime')}</time>
              <span className="badge">{t(`shift.category.${entry.category}`)}</span>
              <span>{entry.author.displayName}</span>
              <span className="shift-entry__number">{t('shift.entryNumber', { id: entry.id })}</span>
            </div>
            <p className="shift-entry__text">{entry.text}</p>
            {entry.links.length > 0 && (
              <ul className="shift-entry__links">
                {entry.links.map((link) => (
                  <li key={`${link.kind}-${link.id}`}>
                    <ShiftLinkView link={link} />
                  </li>
                ))}
              </ul>
            )}
            {entry.correctsId !== null && (
              <p className="shift-entry__note">{t('shift.corrects', { id: entry.correctsId })}</p>
            )}
            {entry.correctedByIds.length > 0 && (
              <p className="shift-entry__note">
                {t('shift.correctedBy', { ids: entry.correctedByIds.join(', ') })}
              </p>
            )}
            {canWrite && (
              <button
                type="button"
                className="button button--ghost button--small"
                aria-label={t('shift.correctNamed', { id: entry.id })}
                onClick={() => onCorrect(entry)}
              >
                {t('shift.correct')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {log.hasNextPage && (
        <button
          type="button"
          className="button button--secondary"
          disabled={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
        >
          {log.isFetchingNextPage ? t('common.loading') : t('shift.loadMore')}
        </button>
      )}
    </>
  );
}
