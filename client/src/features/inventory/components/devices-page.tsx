import { deviceSortKeys, deviceStatuses } from '@vigie/shared';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useRack } from '../api/get-rack';
import { useDevices } from '../api/get-devices';
import { csvExportHref } from '../lib/csv-export';
import { hasFilters, readEnumParam, readIdParam, withFilter } from '../lib/list-filters';
import { FilterBar, FilterSelect, SearchBox, SortableHeader } from './list-controls';
import { useListSort } from './use-list-sort';
import { DevicePosition } from './device-position';
import { DeviceStatusBadge } from './status-badge';
import { useInventoryLookups } from './use-inventory-lookups';
import { PagedTable } from './paged-table';
import { usePagedSearch } from './use-paged-search';

const pageSize = 50;
const filterKeys = ['siteId', 'roomId', 'rackId', 'tenantId', 'deviceTypeId', 'status'] as const;

export function DevicesPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const lookups = useInventoryLookups();
  const filters = {
    siteId: readIdParam(params, 'siteId'),
    roomId: readIdParam(params, 'roomId'),
    rackId: readIdParam(params, 'rackId'),
    tenantId: readIdParam(params, 'tenantId'),
    deviceTypeId: readIdParam(params, 'deviceTypeId'),
    status: readEnumParam(params, 'status', deviceStatuses),
  };
  const { sort, setSort } = useListSort(deviceSortKeys);
  const paged = usePagedSearch(JSON.stringify({ ...filters, sort }));
  const devices = useDevices({
    ...filters,
    sort,
    limit: pageSize,
    cursor: paged.cursor,
    search: paged.search || undefined,
  });
  const filterRack = useRack(filters.rackId);
  const setFilter = (key: string, value: string) =>
    setParams(withFilter(params, key, value), { replace: true });
  const rooms = filters.siteId
    ? lookups.rooms.filter((room) => room.siteId === filters.siteId)
    : lookups.rooms;
  const rackFilterName = filters.rackId ? (filterRack.data?.name ?? `#${filters.rackId}`) : null;

  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: t('inventory.devices') })}</title>
      <header className="page__header">
        <h1 className="page__title">{t('inventory.devices')}</h1>
        <div className="page__actions">
          <a
            className="button button--secondary"
            href={csvExportHref('devices', filters, paged.search)}
            download
            title={t('inventory.exportCsvHint')}
          >
            {t('inventory.exportCsv')}
          </a>
        </div>
      </header>
      <div className="toolbar">
        <SearchBox
          value={paged.searchInput}
          onChange={paged.setSearchInput}
          placeholder={t('devices.searchPlaceholder')}
        />
      </div>
      <FilterBar
        canClear={hasFilters(params, filterKeys)}
        onClear={() => setParams(new URLSearchParams(), { replace: true })}
      >
        <FilterSelect
          label={t('inventory.site')}
          value={params.get('siteId') ?? ''}
          onChange={(value) => setFilter('siteId', value)}
          allLabel={t('inventory.all')}
          options={lookups.sites.map((site) => ({
            value: String(site.id),
            label: `${site.code} — ${site.name}`,
          }))}
        />
        <FilterSelect
          label={t('inventory.room')}
          value={params.get('roomId') ?? ''}
          onChange={(value) => setFilter('roomId', value)}
          allLabel={t('inventory.allFeminine')}
          options={rooms.map((room) => ({ value: String(room.id), label: room.name }))}
        />
        {rackFilterName && filters.rackId && (
          <FilterSelect
            label={t('inventory.rack')}
            value={String(filters.rackId)}
            onChange={(value) => setFilter('rackId', value)}
            allLabel={t('inventory.allFeminine')}
            options={[{ value: String(filters.rackId), label: rackFilterName }]}
          />
        )}
        <FilterSelect
          label={t('inventory.tenant')}
          value={params.get('tenantId') ?? ''}
          onChange={(value) => setFilter('tenantId', value)}
          allLabel={t('inventory.all')}
          options={lookups.tenants.map((tenant) => ({ value: String(tenant.id), label: tenant.name }))}
        />
        <FilterSelect
          label={t('inventory.type')}
          value={params.get('deviceTypeId') ?? ''}
          onChange={(value) => setFilter('deviceTypeId', value)}
          allLabel={t('inventory.all')}
          options={lookups.deviceTypes.map((type) => ({
            value: String(type.id),
            label: `${type.manufacturer} ${type.model}`,
          }))}
        />
        <FilterSelect
          label={t('inventory.status')}
          value={params.get('status') ?? ''}
          onChange={(value) => setFilter('status', value)}
          allLabel={t('inventory.all')}
          options={deviceStatuses.map((status) => ({ value: status, label: t(`deviceStatus.${status}`) }))}
        />
      </FilterBar>

      <PagedTable
        query={devices}
        paged={paged}
        emptyTitle={
          paged.search || hasFilters(params, filterKeys) ? t('inventory.noMatch') : t('devices.empty')
        }
        captionId="devices-caption"
        caption={t('devices.listCaption')}
        head={
          <tr>
            <SortableHeader label={t('inventory.name')} field="name" sort={sort} onSort={setSort} />
            <th scope="col">{t('inventory.type')}</th>
            <th scope="col">{t('inventory.rack')}</th>
            <th scope="col">{t('devices.position')}</th>
            <th scope="col">{t('inventory.tenant')}</th>
            <SortableHeader label={t('inventory.status')} field="status" sort={sort} onSort={setSort} />
            <th scope="col">{t('devices.serial')}</th>
            <th scope="col">{t('devices.assetTag')}</th>
          </tr>
        }
      >
        {(items) =>
          items.map((device) => {
            return (
              <tr key={device.id} data-testid={`device-row-${device.name}`}>
                <th scope="row">
                  <Link to={`/inventory/devices/${device.id}`}>{device.name}</Link>
                </th>
                <td>{lookups.typeLabel(device.deviceTypeId)}</td>
                <td>
                  {device.rackId === null ? (
                    t('devices.unracked')
                  ) : (
                    <Link to={`/inventory/racks/${device.rackId}`}>
                      {device.rackName ?? `#${device.rackId}`}
                    </Link>
                  )}
                </td>
                <td className="nowrap">
                  <DevicePosition
                    device={device}
                    uHeight={lookups.deviceType(device.deviceTypeId)?.uHeight}
                  />
                </td>
                <td>{lookups.tenantName(device.tenantId) ?? t('inventory.noTenant')}</td>
                <td>
                  <DeviceStatusBadge status={device.status} />
                </td>
                <td className="mono">{device.serial ?? t('common.none')}</td>
                <td className="mono">{device.assetTag ?? t('common.none')}</td>
              </tr>
            );
          })
        }
      </PagedTable>
    </div>
  );
}
