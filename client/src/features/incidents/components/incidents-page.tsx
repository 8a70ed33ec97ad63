import { incidentStatuses, type Me } from '@vigie/shared';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useFormatDate } from '../../../lib/time-zone';
import { useMe } from '../../auth/api/get-me';
import { FilterSelect, SearchBox } from '../../inventory/components/list-controls';
import { usePagedSearch } from '../../inventory/components/use-paged-search';
import { hasFilters, readEnumParam, withFilter } from '../../inventory/lib/list-filters';
import { useIncidentPages, type IncidentsQuery } from '../api/get-incidents';
import { useNow } from '../hooks/use-now';
import { currentClock } from '../lib/sla-countdown';
import { IncidentStatusBadge, PriorityBadge } from './incident-badges';
import { IncidentFilters, incidentFilterKeys, peopleOf, readIncidentFilters } from './incident-filters';
import { SlaCountdown } from './sla-countdown';

const pageSize = 50;
const openChoices = ['open', 'finished'] as const;

function IncidentsList({ me }: { me: Me }) {
  const t = useT();
  const formatDate = useFormatDate();
  const now = useNow(1000);
  const [params, setParams] = useSearchParams();
  const status = readEnumParam(params, 'status', incidentStatuses);
  const openChoice = readEnumParam(params, 'open', openChoices);
  const filters: IncidentsQuery = {
    ...readIncidentFilters(params),
    status: status ? [status] : undefined,
    open: openChoice === undefined ? undefined : openChoice === 'open',
  };
  const paged = usePagedSearch(JSON.stringify(filters));
  const query: IncidentsQuery = {
    ...filters,
    search: paged.search || undefined,
    sort: 'newest',
    limit: pageSize,
  };
  const incidents = useIncidentPages(query);
  const items = incidents.data?.pages.flatMap((page) => page.items) ?? [];
  const people = peopleOf(
    me,
    items.map((incident) => incident.assignee),
  );
  const filterKeys = [...incidentFilterKeys, 'status', 'open'];

  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: t('incidents.title') })}</title>
      <header className="page__header">
        <h1 className="page__title">{t('incidents.title')}</h1>
        {me.permissions.includes('incident.create') && (
          <div className="page__actions">
            <Link className="button button--primary" to="/incidents/new">
              {t('incidents.new')}
            </Link>
          </div>
        )}
      </header>
      <div className="toolbar">
        <SearchBox
          value={paged.searchInput}
          onChange={paged.setSearchInput}
          placeholder={t('incidents.searchPlaceholder')}
        />
      </div>
      <IncidentFilters me={me} people={people} extraKeys={['status', 'open']}>
        <FilterSelect
          label={t('incidents.filterStatus')}
          value={params.get('status') ?? ''}
          onChange={(value) => setParams(withFilter(params, 'status', value), { replace: true })}
          allLabel={t('inventory.all')}
          options={incidentStatuses.map((value) => ({ value, label: t(`incidents.status.${value}`) }))}
        />
        <FilterSelect
          label={t('incidents.filterOpen')}
          value={params.get('open') ?? ''}
          onChange={(value) => setParams(withFilter(params, 'open', value), { replace: true })}
          allLabel={t('inventory.all')}
          options={[
            { value: 'open', label: t('incidents.openOnly') },
            { value: 'finished', label: t('incidents.closedOnly') },
          ]}
        />
      </IncidentFilters>

      {incidents.isPending ? (
        <LoadingState />
      ) : incidents.isError && items.length === 0 ? (
        <ErrorState
          error={incidents.error}
          title={t('incidents.loadError')}
          onRetry={() => void incidents.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState
          title={
            paged.search || hasFilters(params, filterKeys) ? t('incidents.noMatch') : t('incidents.empty')
          }
        />
      ) : (
        <>
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="incidents-caption">
            <table className="table" aria-busy={incidents.isPlaceholderData}>
              <caption id="incidents-caption" className="visually-hidden">
                {t('incidents.listCaption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('incidents.reference')}</th>
                  <th scope="col">{t('incidents.titleField')}</th>
                  <th scope="col">{t('incidents.priority')}</th>
                  <th scope="col">{t('incidents.status')}</th>
                  <th scope="col">{t('board.clock')}</th>
                  <th scope="col">{t('board.where')}</th>
                  <th scope="col">{t('incidents.tenants')}</th>
                  <th scope="col">{t('incidents.assignee')}</th>
                  <th scope="col">{t('incidents.openedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((incident) => (
                  <tr key={incident.id} data-testid={`incident-row-${incident.reference}`}>
                    <th scope="row" className="nowrap">
                      <Link className="mono" to={`/incidents/${incident.id}`}>
                        {incident.reference}
                      </Link>
                    </th>
                    <td>{incident.title}</td>
                    <td>
                      <PriorityBadge priority={incident.priority} />
                    </td>
                    <td>
                      <IncidentStatusBadge status={incident.status} />
                    </td>
                    <td>
                      <SlaCountdown reading={currentClock(incident.slaClocks, now)} />
                    </td>
                    <td>
                      {[incident.site?.code, incident.room?.name].filter(Boolean).join(' · ') ||
                        t('common.none')}
                    </td>
                    <td>{incident.tenants.map((tenant) => tenant.name).join(', ') || t('common.none')}</td>
                    <td>{incident.assignee?.displayName ?? t('incidents.unassigned')}</td>
                    <td className="nowrap">{formatDate(incident.openedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="list-footer">
            <span role="status">{t('incidents.shown', { count: items.length })}</span>
            {incidents.hasNextPage && (
              <button
                type="button"
                className="button button--secondary"
                disabled={incidents.isFetchingNextPage}
                onClick={() => void incidents.fetchNextPage()}
              >
                {incidents.isFetchingNextPage ? t('incidents.loadingMore') : t('incidents.loadMore')}
              </button>
            )}
          </div>
        </>
      )}
    </div>
  );
}

export function IncidentsPage() {
  const me = useMe().data;
  return me ? <IncidentsList me={me} /> : null;
}
