import { rackSortKeys, rackStatuses } from '@vigie/shared';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Dialog } from '../../../components/ui/dialog';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useRacks } from '../api/get-racks';
import { csvExportHref } from '../lib/csv-export';
import { hasFilters, readEnumParam, readIdParam, withFilter } from '../lib/list-filters';
import { FilterBar, FilterSelect, SearchBox, SortableHeader } from './list-controls';
import { RackForm } from './rack-form';
import { RackStatusBadge } from './status-badge';
import { useCanWriteInventory } from './use-can-write-inventory';
import { useInventoryLookups } from './use-inventory-lookups';
import { useListSort } from './use-list-sort';
import { PagedTable } from './paged-table';
import { usePagedSearch } from './use-paged-search';

const pageSize = 50;
const filterKeys = ['siteId', 'roomId', 'tenantId', 'status'] as const;

export function RacksPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const lookups = useInventoryLookups();
  const canWrite = useCanWriteInventory();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const filters = {
    siteId: readIdParam(params, 'siteId'),
    roomId: readIdParam(params, 'roomId'),
    tenantId: readIdParam(params, 'tenantId'),
    status: readEnumParam(params, 'status', rackStatuses),
  };
  const { sort, setSort } = useListSort(rackSortKeys);
  const paged = usePagedSearch(JSON.stringify({ ...filters, sort }));
  const racks = useRacks({
    ...filters,
    sort,
    limit: pageSize,
    cursor: paged.cursor,
    search: paged.search || undefined,
  });
  const setFilter = (key: string, value: string) =>
    setParams(withFilter(params, key, value), { replace: true });
  const rooms = filters.siteId
    ? lookups.rooms.filter((room) => room.siteId === filters.siteId)
    : lookups.rooms;

  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: t('inventory.racks') })}</title>
      <header className="page__header">
        <h1 className="page__title">{t('inventory.racks')}</h1>
        <div className="page__actions">
          <a
            className="button button--secondary"
            href={csvExportHref('racks', filters, paged.search)}
            download
            title={t('inventory.exportCsvHint')}
          >
            {t('inventory.exportCsv')}
          </a>
          {canWrite && (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              {t('rackForm.new')}
            </button>
          )}
        </div>
      </header>
      <div className="toolbar">
        <SearchBox
          value={paged.searchInput}
          onChange={paged.setSearchInput}
          placeholder={t('racks.searchPlaceholder')}
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
        <FilterSelect
          label={t('inventory.tenant')}
          value={params.get('tenantId') ?? ''}
          onChange={(value) => setFilter('tenantId', value)}
          allLabel={t('inventory.all')}
          options={lookups.tenants.map((tenant) => ({ value: String(tenant.id), label: tenant.name }))}
        />
        <FilterSelect
          label={t('inventory.status')}
          value={params.get('status') ?? ''}
          onChange={(value) => setFilter('status', value)}
          allLabel={t('inventory.all')}
          options={rackStatuses.map((status) => ({ value: status, label: t(`rackStatus.${status}`) }))}
        />
      </FilterBar>

      <PagedTable
        query={racks}
        paged={paged}
        emptyTitle={
          paged.search || hasFilters(params, filterKeys) ? t('inventory.noMatch') : t('racks.empty')
        }
        captionId="racks-caption"
        caption={t('racks.listCaption')}
        head={
          <tr>
            <SortableHeader label={t('inventory.name')} field="name" sort={sort} onSort={setSort} />
            <th scope="col">{t('inventory.room')}</th>
            <SortableHeader label={t('inventory.row')} field="rowLabel" sort={sort} onSort={setSort} />
            <th scope="col">{t('inventory.tenant')}</th>
            <SortableHeader label={t('inventory.status')} field="status" sort={sort} onSort={setSort} />
            <th scope="col">{t('racks.height')}</th>
            <SortableHeader
              label={t('racks.powerBudget')}
              field="powerBudgetKw"
              sort={sort}
              onSort={setSort}
            />
          </tr>
        }
      >
        {(items) =>
          items.map((rack) => (
            <tr key={rack.id} data-testid={`rack-row-${rack.name}`}>
              <th scope="row">
                <Link to={`/inventory/racks/${rack.id}`}>{rack.name}</Link>
              </th>
              <td>
                <Link to={`/inventory/rooms/${rack.roomId}`}>{lookups.roomName(rack.roomId)}</Link>
              </td>
              <td>{rack.rowLabel}</td>
              <td>{lookups.tenantName(rack.tenantId) ?? t('inventory.shared')}</td>
              <td>
                <RackStatusBadge status={rack.status} />
              </td>
              <td className="nowrap">{t('racks.units', { units: rack.uHeight })}</td>
              <td className="nowrap">{t('racks.kw', { kw: rack.powerBudgetKw })}</td>
            </tr>
          ))
        }
      </PagedTable>

      {creating && (
        <Dialog title={t('rackForm.createTitle')} onClose={() => setCreating(false)}>
          <RackForm
            rack={null}
            roomId={filters.roomId}
            onCancel={() => setCreating(false)}
            onSaved={(rack) => {
              setCreating(false);
              void navigate(`/inventory/racks/${rack.id}`);
            }}
          />
        </Dialog>
      )}
    </div>
  );
}
