import { roomSchema, roomSortKeys, updateRoomSchema, type Room } from '@vigie/shared';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useRooms } from '../api/get-rooms';
import { useUpdateRoom } from '../api/update-room';
import { hasFilters, readIdParam, withFilter } from '../lib/list-filters';
import { FilterBar, FilterSelect, SearchBox, SortableHeader } from './list-controls';
import { RecordEditForm, type EditField } from './record-edit-form';
import { useRecordManagement } from './record-management';
import { useCanWriteInventory } from './use-can-write-inventory';
import { useInventoryLookups } from './use-inventory-lookups';
import { useListSort } from './use-list-sort';
import { PagedTable } from './paged-table';
import { usePagedSearch } from './use-paged-search';

const pageSize = 50;
const filterKeys = ['siteId'] as const;

export function RoomsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const lookups = useInventoryLookups();
  const filters = { siteId: readIdParam(params, 'siteId') };
  const canWrite = useCanWriteInventory();
  const updateRoom = useUpdateRoom();
  const fields: EditField[] = [
    { key: 'name', label: t('inventory.name'), kind: 'text', required: true },
    { key: 'gridColumns', label: t('inventoryForm.gridColumns'), kind: 'number', required: true },
    { key: 'gridRows', label: t('inventoryForm.gridRows'), kind: 'number', required: true },
  ];
  const manage = useRecordManagement<Room>({
    kind: 'rooms',
    nameOf: (room) => room.name,
    renderForm: (room, saved, cancel) => (
      <RecordEditForm
        record={room}
        fields={fields}
        schema={updateRoomSchema}
        recordSchema={roomSchema}
        save={(body, handlers) => updateRoom.mutate({ id: room.id, body }, handlers)}
        pending={updateRoom.isPending}
        onSaved={saved}
        onCancel={cancel}
      />
    ),
  });
  const { sort, setSort } = useListSort(roomSortKeys);
  const paged = usePagedSearch(JSON.stringify({ ...filters, sort }));
  const rooms = useRooms({
    ...filters,
    sort,
    limit: pageSize,
    cursor: paged.cursor,
    search: paged.search || undefined,
  });

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
      {manage.notice}
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
      <PagedTable
        query={rooms}
        paged={paged}
        emptyTitle={
          paged.search || hasFilters(params, filterKeys) ? t('inventory.noMatch') : t('rooms.empty')
        }
        captionId="rooms-caption"
        caption={t('rooms.listCaption')}
        head={
          <tr>
            <SortableHeader label={t('inventory.name')} field="name" sort={sort} onSort={setSort} />
            <th scope="col">{t('inventory.site')}</th>
            <SortableHeader label={t('rooms.grid')} field="gridColumns" sort={sort} onSort={setSort} />
            <th scope="col">
              <span className="visually-hidden">{t('inventory.racks')}</span>
            </th>
          </tr>
        }
      >
        {(items) =>
          items.map((room) => (
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
                {canWrite && manage.actions(room)}
              </td>
            </tr>
          ))
        }
      </PagedTable>
      {manage.dialogs}
    </div>
  );
}
