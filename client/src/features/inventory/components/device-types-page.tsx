import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useDeviceTypeList } from '../api/get-device-types';
import { DeviceTypeImport } from './device-type-import';
import { Pagination, SearchBox } from './list-controls';
import { useCanWriteInventory } from './use-can-write-inventory';
import { usePagedSearch } from './use-paged-search';

const pageSize = 50;

export function DeviceTypesPage() {
  const t = useT();
  const canWrite = useCanWriteInventory();
  const paged = usePagedSearch('');
  const types = useDeviceTypeList({
    limit: pageSize,
    cursor: paged.cursor,
    search: paged.search || undefined,
  });
  const page = types.data;

  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: t('deviceTypes.title') })}</title>
      <header className="page__header">
        <h1 className="page__title">{t('deviceTypes.title')}</h1>
      </header>
      {canWrite && <DeviceTypeImport />}
      <div className="toolbar">
        <SearchBox
          value={paged.searchInput}
          onChange={paged.setSearchInput}
          placeholder={t('deviceTypes.searchPlaceholder')}
        />
      </div>
      {types.isPending ? (
        <LoadingState />
      ) : types.isError && !page ? (
        <ErrorState
          error={types.error}
          title={t('inventory.loadError')}
          onRetry={() => void types.refetch()}
        />
      ) : page && page.items.length === 0 && paged.pageNumber === 1 ? (
        <EmptyState title={paged.search ? t('inventory.noMatch') : t('deviceTypes.empty')} />
      ) : page ? (
        <>
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="types-caption">
            <table className="table" aria-busy={types.isPlaceholderData}>
              <caption id="types-caption" className="visually-hidden">
                {t('deviceTypes.listCaption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('devices.manufacturer')}</th>
                  <th scope="col">{t('devices.model')}</th>
                  <th scope="col">{t('deviceTypes.slug')}</th>
                  <th scope="col">{t('devices.height')}</th>
                  <th scope="col">{t('devices.fullDepth')}</th>
                  <th scope="col">{t('deviceTypes.maxDraw')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((type) => (
                  <tr key={type.id} data-testid={`type-row-${type.slug}`}>
                    <td>{type.manufacturer}</td>
                    <th scope="row">{type.model}</th>
                    <td className="mono">{type.slug}</td>
                    <td className="nowrap">{t('racks.units', { units: type.uHeight })}</td>
                    <td>{type.isFullDepth ? t('devices.yes') : t('devices.no')}</td>
                    <td className="nowrap">
                      {t('deviceTypes.watts', {
                        watts: type.powerPorts.reduce((sum, port) => sum + (port.maximumDraw ?? 0), 0),
                      })}
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
            busy={types.isFetching}
            onPrevious={paged.goPrevious}
            onNext={() => paged.goNext(page.nextCursor)}
          />
        </>
      ) : null}
    </div>
  );
}
