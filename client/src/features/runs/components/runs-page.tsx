import { runStates, type RunSummary } from '@vigie/shared';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import { useProcedures } from '../../procedures/api/get-procedures';
import { localized } from '../../procedures/lib/localized';
import { FilterBar, FilterSelect, Pagination } from '../../inventory/components/list-controls';
import { usePagedSearch } from '../../inventory/components/use-paged-search';
import { hasFilters, readEnumParam, withFilter } from '../../inventory/lib/list-filters';
import { useRuns } from '../api/get-runs';
import { useRunPermissions } from '../hooks/use-run-permissions';
import { useOfflineTickSync } from '../hooks/use-tick-queue';
import { RunListItem } from './run-list-item';

const pageSize = 30;
const filterKeys = ['state', 'procedureId'] as const;

/** The technician's home for runs: mine first (in progress by default), then everyone's. */
export function RunsPage() {
  const t = useT();
  const { locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const { userId } = useRunPermissions();
  useOfflineTickSync(userId);
  // "All states" is an explicit choice (`state=all`); by default the list shows what is in progress.
  const stateParam = params.get('state') ?? 'in_progress';
  const state = readEnumParam(new URLSearchParams({ state: stateParam }), 'state', runStates);
  const procedureId = params.get('procedureId') || undefined;
  const procedures = useProcedures({});
  const paged = usePagedSearch(`${stateParam}|${procedureId ?? ''}`);
  const mine = useRuns({ mine: true, state, procedureId, limit: 100 });
  const all = useRuns({ state, procedureId, limit: pageSize, cursor: paged.cursor });
  const mineIds = new Set(mine.data?.items.map((run) => run.id));
  const others = all.data?.items.filter((run) => !mineIds.has(run.id));

  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: t('runs.title') })}</title>
      <header className="page__header">
        <h1 className="page__title">{t('runs.title')}</h1>
      </header>
      <FilterBar
        canClear={hasFilters(params, filterKeys)}
        onClear={() => setParams(new URLSearchParams(), { replace: true })}
      >
        <FilterSelect
          label={t('runs.state')}
          value={stateParam === 'all' ? '' : stateParam}
          onChange={(value) => setParams(withFilter(params, 'state', value || 'all'), { replace: true })}
          allLabel={t('runs.allStates')}
          options={runStates.map((value) => ({ value, label: t(`runs.state.${value}`) }))}
        />
        <FilterSelect
          label={t('runs.procedure')}
          value={procedureId ?? ''}
          onChange={(value) => setParams(withFilter(params, 'procedureId', value), { replace: true })}
          allLabel={t('runs.allProcedures')}
          options={(procedures.data?.items ?? []).map((procedure) => ({
            value: procedure.id,
            label: `${procedure.kind} · ${localized(procedure.title, locale)}`,
          }))}
        />
      </FilterBar>

      <section className="section" aria-labelledby="runs-mine">
        <h2 className="section__title" id="runs-mine">
          {t('runs.mine')}
        </h2>
        <RunSection
          query={mine}
          items={mine.data?.items}
          emptyTitle={t('runs.mineEmpty')}
          testId="runs-mine-list"
        />
      </section>

      <section className="section" aria-labelledby="runs-others">
        <h2 className="section__title" id="runs-others">
          {t('runs.others')}
        </h2>
        <RunSection query={all} items={others} emptyTitle={t('runs.empty')} testId="runs-others-list" />
        {all.data && (paged.pageNumber > 1 || all.data.nextCursor) && (
          <Pagination
            pageNumber={paged.pageNumber}
            hasPrevious={paged.pageNumber > 1}
            hasNext={Boolean(all.data.nextCursor)}
            busy={all.isFetching}
            onPrevious={paged.goPrevious}
            onNext={() => paged.goNext(all.data?.nextCursor ?? null)}
          />
        )}
      </section>
    </div>
  );
}

function RunSection({
  query,
  items,
  emptyTitle,
  testId,
}: {
  query: ReturnType<typeof useRuns>;
  items: RunSummary[] | undefined;
  emptyTitle: string;
  testId: string;
}) {
  const t = useT();
  if (query.isPending) return <LoadingState />;
  if (query.isError && !items) {
    return (
      <ErrorState error={query.error} title={t('runs.loadError')} onRetry={() => void query.refetch()} />
    );
  }
  if (!items || items.length === 0) return <EmptyState title={emptyTitle} headingLevel={3} />;
  return (
    <ul className="run-list" data-testid={testId} aria-busy={query.isPlaceholderData}>
      {items.map((run) => (
        <RunListItem key={run.id} run={run} />
      ))}
    </ul>
  );
}
