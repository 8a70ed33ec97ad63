import { Link, useParams } from 'react-router';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useSite } from '../../sites/api/get-site';
import { SiteCapacityPanel } from './capacity-panels';
import { objectPageState } from './object-page-state';

/** A site: what it is, and its capacity in total and per room. */
export function SitePage() {
  const t = useT();
  const id = Number(useParams().siteId);
  const validId = Number.isSafeInteger(id) && id > 0;
  const site = useSite(validId ? id : 0, validId);

  const waiting = objectPageState(site, validId, {
    to: '/inventory/sites',
    label: t('inventory.sites'),
    loadError: t('inventory.loadError'),
  });
  if (waiting || !site.data) return waiting;
  const data = site.data;
  const title = t('capacity.siteTitle', { name: data.name });
  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: title })}</title>
      <header className="page__header">
        <div>
          <p className="breadcrumb">
            <Link to="/inventory/sites">{t('inventory.sites')}</Link>
          </p>
          <h1 className="page__title">{title}</h1>
        </div>
        <div className="page__actions">
          <Link className="button button--secondary" to={`/inventory/rooms?siteId=${data.id}`}>
            {t('sites.roomsLink', { name: data.name })}
          </Link>
        </div>
      </header>
      <dl className="facts">
        <div>
          <dt>{t('sites.code')}</dt>
          <dd className="mono">{data.code}</dd>
        </div>
        <div>
          <dt>{t('sites.address')}</dt>
          <dd>{data.address || t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('sites.timeZone')}</dt>
          <dd>{data.timeZone}</dd>
        </div>
        <div>
          <dt>{t('sites.pueTarget')}</dt>
          <dd>{data.pueTarget ?? t('common.none')}</dd>
        </div>
      </dl>
      <SiteCapacityPanel siteId={data.id} />
    </div>
  );
}
