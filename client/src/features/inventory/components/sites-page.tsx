import { siteSchema, siteSortKeys, updateSiteSchema, type Site } from '@vigie/shared';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useSiteList } from '../../sites/api/get-sites';
import { useUpdateSite } from '../../sites/api/update-site';
import { SearchBox, SortableHeader } from './list-controls';
import { RecordEditForm, type EditField } from './record-edit-form';
import { useRecordManagement } from './record-management';
import { useCanWriteInventory } from './use-can-write-inventory';
import { useListSort } from './use-list-sort';
import { PagedTable } from './paged-table';
import { usePagedSearch } from './use-paged-search';

const pageSize = 50;

export function SitesPage() {
  const t = useT();
  const canWrite = useCanWriteInventory();
  const updateSite = useUpdateSite();
  const fields: EditField[] = [
    { key: 'code', label: t('sites.code'), kind: 'text', required: true },
    { key: 'name', label: t('inventory.name'), kind: 'text', required: true },
    { key: 'address', label: t('sites.address'), kind: 'text' },
    { key: 'timeZone', label: t('sites.timeZone'), kind: 'text', required: true },
    { key: 'countryCode', label: t('inventoryForm.countryCode'), kind: 'text', required: true },
    { key: 'pueTarget', label: t('sites.pueTarget'), kind: 'optional-number' },
  ];
  const manage = useRecordManagement<Site>({
    kind: 'sites',
    nameOf: (site) => site.code,
    renderForm: (site, saved, cancel) => (
      <RecordEditForm
        record={site}
        fields={fields}
        schema={updateSiteSchema}
        recordSchema={siteSchema}
        save={(body, handlers) => updateSite.mutate({ id: site.id, body }, handlers)}
        pending={updateSite.isPending}
        onSaved={saved}
        onCancel={cancel}
      />
    ),
  });
  const { sort, setSort } = useListSort(siteSortKeys);
  const paged = usePagedSearch(sort ?? '');
  const sites = useSiteList({
    limit: pageSize,
    cursor: paged.cursor,
    search: paged.search || undefined,
    sort,
  });

  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: t('inventory.sites') })}</title>
      <header className="page__header">
        <h1 className="page__title">{t('inventory.sites')}</h1>
      </header>
      {manage.notice}
      <div className="toolbar">
        <SearchBox
          value={paged.searchInput}
          onChange={paged.setSearchInput}
          placeholder={t('sites.searchPlaceholder')}
        />
      </div>
      <PagedTable
        query={sites}
        paged={paged}
        emptyTitle={paged.search ? t('inventory.noMatch') : t('sites.empty')}
        captionId="sites-caption"
        caption={t('sites.listCaption')}
        head={
          <tr>
            <SortableHeader label={t('sites.code')} field="code" sort={sort} onSort={setSort} />
            <SortableHeader label={t('inventory.name')} field="name" sort={sort} onSort={setSort} />
            <th scope="col">{t('sites.address')}</th>
            <th scope="col">{t('sites.timeZone')}</th>
            <th scope="col">{t('sites.pueTarget')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('inventory.rooms')}</span>
            </th>
          </tr>
        }
      >
        {(items) =>
          items.map((site) => (
            <tr key={site.id}>
              <th scope="row" className="mono">
                {site.code}
              </th>
              <td>
                <Link
                  to={`/inventory/sites/${site.id}`}
                  aria-label={t('capacity.siteLink', { name: site.name })}
                >
                  {site.name}
                </Link>
              </td>
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
                {canWrite && manage.actions(site)}
              </td>
            </tr>
          ))
        }
      </PagedTable>
      {manage.dialogs}
    </div>
  );
}
