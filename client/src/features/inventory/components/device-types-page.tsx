import {
  airflows,
  deviceTypeSchema,
  deviceTypeSortKeys,
  updateDeviceTypeSchema,
  type DeviceType,
} from '@vigie/shared';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useDeviceTypeList } from '../api/get-device-types';
import { useUpdateDeviceType } from '../api/update-device-type';
import { DeviceTypeImport } from './device-type-import';
import { SearchBox, SortableHeader } from './list-controls';
import { RecordEditForm, type EditField } from './record-edit-form';
import { useRecordManagement } from './record-management';
import { useListSort } from './use-list-sort';
import { useCanWriteInventory } from './use-can-write-inventory';
import { PagedTable } from './paged-table';
import { usePagedSearch } from './use-paged-search';

const pageSize = 50;

export function DeviceTypesPage() {
  const t = useT();
  const canWrite = useCanWriteInventory();
  const updateType = useUpdateDeviceType();
  const fields: EditField[] = [
    { key: 'manufacturer', label: t('devices.manufacturer'), kind: 'text', required: true },
    { key: 'model', label: t('devices.model'), kind: 'text', required: true },
    { key: 'slug', label: t('deviceTypes.slug'), kind: 'text', required: true },
    { key: 'partNumber', label: t('devices.partNumber'), kind: 'text' },
    { key: 'uHeight', label: t('inventoryForm.uHeight'), kind: 'number', required: true },
    { key: 'isFullDepth', label: t('devices.fullDepth'), kind: 'checkbox' },
    {
      key: 'airflow',
      label: t('devices.airflow'),
      kind: 'optional-select',
      options: airflows.map((airflow) => ({ value: airflow, label: airflow })),
    },
    { key: 'weightKg', label: t('inventoryForm.weightKg'), kind: 'optional-number' },
  ];
  const manage = useRecordManagement<DeviceType>({
    kind: 'device-types',
    nameOf: (type) => `${type.manufacturer} ${type.model}`,
    renderForm: (type, saved, cancel) => (
      <RecordEditForm
        record={type}
        fields={fields}
        schema={updateDeviceTypeSchema}
        recordSchema={deviceTypeSchema}
        save={(body, handlers) => updateType.mutate({ id: type.id, body }, handlers)}
        pending={updateType.isPending}
        onSaved={saved}
        onCancel={cancel}
      />
    ),
  });
  const { sort, setSort } = useListSort(deviceTypeSortKeys);
  const paged = usePagedSearch(sort ?? '');
  const types = useDeviceTypeList({
    sort,
    limit: pageSize,
    cursor: paged.cursor,
    search: paged.search || undefined,
  });

  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: t('deviceTypes.title') })}</title>
      <header className="page__header">
        <h1 className="page__title">{t('deviceTypes.title')}</h1>
      </header>
      {canWrite && <DeviceTypeImport />}
      {manage.notice}
      <div className="toolbar">
        <SearchBox
          value={paged.searchInput}
          onChange={paged.setSearchInput}
          placeholder={t('deviceTypes.searchPlaceholder')}
        />
      </div>
      <PagedTable
        query={types}
        paged={paged}
        emptyTitle={paged.search ? t('inventory.noMatch') : t('deviceTypes.empty')}
        captionId="types-caption"
        caption={t('deviceTypes.listCaption')}
        head={
          <tr>
            <SortableHeader
              label={t('devices.manufacturer')}
              field="manufacturer"
              sort={sort}
              onSort={setSort}
            />
            <SortableHeader label={t('devices.model')} field="model" sort={sort} onSort={setSort} />
            <SortableHeader label={t('deviceTypes.slug')} field="slug" sort={sort} onSort={setSort} />
            <SortableHeader label={t('devices.height')} field="uHeight" sort={sort} onSort={setSort} />
            <th scope="col">{t('devices.fullDepth')}</th>
            <th scope="col">{t('deviceTypes.maxDraw')}</th>
            {canWrite && (
              <th scope="col">
                <span className="visually-hidden">{t('inventoryForm.actions')}</span>
              </th>
            )}
          </tr>
        }
      >
        {(items) =>
          items.map((type) => (
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
              {canWrite && <td className="table__actions">{manage.actions(type)}</td>}
            </tr>
          ))
        }
      </PagedTable>
      {manage.dialogs}
    </div>
  );
}
