import type { ReportScopeQuery } from '@vigie/shared';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useReportItems } from '../api/get-report-items';
import type { DrillTarget } from '../lib/drill-target';
import { ReportItemRow } from './report-item-row';

/** "Incidents ouverts · P1 · TTO · période précédente": what the list is, in the dialog's title. */
function useDrillTitle(target: DrillTarget): string {
  const t = useT();
  return [
    t(`reports.figure.${target.figure}`),
    target.priority && t(`incidents.priority.${target.priority}`),
    target.metric && t(`reports.metric.${target.metric}`),
    target.previous && t('reports.previousPeriod'),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The records behind one figure, page by page, each linked to its own page. */
export function DrillDownDialog({
  scope,
  target,
  onClose,
}: {
  scope: ReportScopeQuery;
  target: DrillTarget;
  onClose: () => void;
}) {
  const t = useT();
  const title = useDrillTitle(target);
  const items = useReportItems(scope, target);
  const records = items.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Dialog title={title} onClose={onClose}>
      <div className="report-drilldown" data-testid="drill-down">
        {items.isPending ? (
          <LoadingState />
        ) : items.isError && records.length === 0 ? (
          <ErrorState
            error={items.error}
            title={t('reports.drill.error')}
            onRetry={() => void items.refetch()}
          />
        ) : records.length === 0 ? (
          <p className="report-hint">{t('reports.drill.empty')}</p>
        ) : (
          <>
            <p className="report-hint" aria-live="polite">
              {t('reports.drill.shown', { count: records.length })}
            </p>
            <ul className="report-items">
              {records.map((item) => (
                <ReportItemRow key={`${item.kind}-${item.id}`} item={item} />
              ))}
            </ul>
            {items.isFetchNextPageError && (
              <ErrorState error={items.error} title={t('reports.drill.error')} />
            )}
            {items.hasNextPage && (
              <button
                type="button"
                className="button button--secondary"
                disabled={items.isFetchingNextPage}
                onClick={() => void items.fetchNextPage()}
              >
                {items.isFetchingNextPage ? t('common.loading') : t('reports.drill.loadMore')}
              </button>
            )}
          </>
        )}
      </div>
    </Dialog>
  );
}
