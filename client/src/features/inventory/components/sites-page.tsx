import { Link } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useSiteList } from '../../sites/api/get-sites';
import { Pagination, SearchBox } from './list-controls';
import { usePagedSearch } from './use-paged-search';

const pageSize = 50;

export function SitesPage() {
  const t = useT();
  const paged = usePagedSearch('');
  const sites = useSiteList({ limit: pageSize, cursor: paged.cursor, search: paged.search || undefined });
  const page = sites.data;

  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: t('inventory.sites') })}</title>
      <header className="page__header">
        <h1 className="page__title">{t('inventory.sites')}</h1>
      </header>
      <div className="toolbar">
        <SearchBox
          value={paged.searchInput}
          onChange={paged.setSearchInput}
          placeholder={t('sites.searchPlaceholder')}
        />
      </div>
      {sites.isPending ? (
        <LoadingState />
      ) : sites.isError && !page ? (
        <ErrorState
          error={sites.error}
          title={t('inventory.loadError')}
          onRetry={() => void sites.refetch()}
        />
      ) : page && page.items.length === 0 && paged.pageNumber === 1 ? (
        <EmptyState title={paged.search ? t('inventory.noMatch') : t('sites.empty')} />
      ) : page ? (
        <>
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="sites-caption">
            <table className="table" aria-busy={sites.isPlaceholderData}>
              <caption id="sites-caption" className="visually-hidden">
                {t('sites.listCaption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('sites.code')}</th>
                  <th scope="col">{t('inventory.name')}</th>
                  <th scope="col">{t('sites.address')}</th>
                  <th scope="col">{t('sites.timeZone')}</th>
                  <th scope="col">{t('sites.pueTarget')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('inventory.rooms')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((site) => (
                  <tr key={site.id}>
                    <th scope="row" className="mono">
                      {site.code}
                    </th>
                    <td>{site.name}</td>
                    <td>{site.address}</td>
                    <td>{site.timeZone}</td>
                    <td>{site.pueTarget ?? t('common.none')}</td>
                    <td className="table__actions">
                      <Link
                        className="button button--small button--secondary"
                        to={`/inventory/rooms?siteId=${site.id}`}
                        aria-label={t('sites.roomsLink', { name: site.name })}
                      >
                        {t('inventory.rooms')}
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
            busy={sites.isFetching}
            onPrevious={paged.goPrevious}
            onNext={() => paged.goNext(page.nextCursor)}
          />
        </>
      ) : null}
    </div>
  );
}
