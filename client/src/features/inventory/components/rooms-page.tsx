import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useRooms } from '../api/get-rooms';
import { hasFilters, readIdParam, withFilter } from '../lib/list-filters';
import { FilterBar, FilterSelect, Pagination, SearchBox } from './list-controls';
import { useInventoryLookups } from './use-inventory-lookups';
import { usePagedSearch } from './use-paged-search';

const pageSize = 50;
const filterKeys = ['siteId'] as const;

export function RoomsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const lookups = useInventoryLookups();
  const filters = { siteId: readIdParam(params, 'siteId') };
  const paged = usePagedSearch(JSON.stringify(filters));
  const rooms = useRooms({
    ...filters,
    limit: pageSize,
    cursor: paged.cursor,
    search: paged.search || undefined,
  });
  const page = rooms.data;

  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: t('inventory.rooms') })}</title>
      <header className="page__header">
        <h1 className="page__title">{t('inventory.rooms')}</h1>
      </header>
      <div className="toolbar">
        <SearchBox
          value={paged.searchInput}
          onChange={paged.setSearchInput}
          placeholder={t('rooms.searchPlaceholder')}
        />
      </div>
      <FilterBar
        canClear={hasFilters(params, filterKeys)}
        onClear={() => setParams(new URLSearchParams(), { replace: true })}
      >
        <FilterSelect
          label={t('inventory.site')}
          value={params.get('siteId') ?? ''}
          onChange={(value) => setParams(withFilter(params, 'siteId', value), { replace: true })}
          allLabel={t('inventory.all')}
          options={lookups.sites.map((site) => ({
            value: String(site.id),
            label: `${site.code} — ${site.name}`,
          }))}
        />
      </FilterBar>
      {rooms.isPending ? (
        <LoadingState />
      ) : rooms.isError && !page ? (
        <ErrorState
          error={rooms.error}
          title={t('inventory.loadError')}
          onRetry={() => void rooms.refetch()}
        />
      ) : page && page.items.length === 0 && paged.pageNumber === 1 ? (
        <EmptyState
          title={paged.search || hasFilters(params, filterKeys) ? t('inventory.noMatch') : t('rooms.empty')}
        />
      ) : page ? (
        <>
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="rooms-caption">
            <table className="table" aria-busy={rooms.isPlaceholderData}>
              <caption id="rooms-caption" className="visually-hidden">
                {t('rooms.listCaption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('inventory.name')}</th>
                  <th scope="col">{t('inventory.site')}</th>
                  <th scope="col">{t('rooms.grid')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('inventory.racks')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((room) => (
                  <tr key={room.id} data-testid={`room-row-${room.name}`}>
                    <th scope="row">
                      <Link to={`/inventory/rooms/${room.id}`}>{room.name}</Link>
                    </th>
                    <td>{lookups.siteName(room.siteId)}</td>
                    <td>{t('rooms.gridSize', { columns: room.gridColumns, rows: room.gridRows })}</td>
                    <td className="table__actions">
                      <Link
                        className="button button--small button--secondary"
                        to={`/inventory/racks?roomId=${room.id}`}
                        aria-label={t('rooms.racksLink', { name: room.name })}
                      >
                        {t('inventory.racks')}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            pageNumber={paged.pageNumber}
            hasPrevious={paged.pageNumber > 1}
            hasNext={Boolean(page.nextCursor)}
            busy={rooms.isFetching}
            onPrevious={paged.goPrevious}
            onNext={() => paged.goNext(page.nextCursor)}
          />
        </>
      ) : null}
    </div>
  );
}
