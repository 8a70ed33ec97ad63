import {
  airflows,
  deviceTypeSchema,
  deviceTypeSortKeys,
  updateDeviceTypeSchema,
  type DeviceType,
} from '@vigie/shared';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useDeviceTypeList } from '../api/get-device-types';
import { useUpdateDeviceType } from '../api/update-device-type';
import { DeviceTypeImport } from './device-type-import';
import { Pagination, SearchBox, SortableHeader } from './list-controls';
import { RecordEditForm, type EditField } from './record-edit-form';
import { useRecordManagement } from './record-management';
import { useListSort } from './use-list-sort';
import { useCanWriteInventory } from './use-can-write-inventory';
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
  const page = types.data;

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
                    {canWrite && <td className="table__actions">{manage.actions(type)}</td>}
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
      {manage.dialogs}
    </div>
  );
}
