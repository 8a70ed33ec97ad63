import { Link } from 'react-router';
import { EmptyState } from '../../components/ui/empty-state';
import { useT } from '../../lib/i18n/i18n-provider';
import { areaById, type AreaId } from '../navigation';
import { RequireArea } from './require-area';

/** An area that is on the way: a calm placeholder rather than a broken page. */
export function ComingSoonPage({ area }: { area: AreaId }) {
  const t = useT();
  const label = t(areaById(area).label);
  return (
    <RequireArea area={area}>
      <div className="page">
        <title>{t('app.pageTitle', { page: label })}</title>
        <header className="page__header">
          <h1 className="page__title">{label}</h1>
        </header>
        <EmptyState title={t('comingSoon.title')} tone="coming-soon">
          <p>{t('comingSoon.body', { area: label })}</p>
          <Link className="button button--secondary" to="/">
            {t('comingSoon.back')}
          </Link>
        </EmptyState>
      </div>
    </RequireArea>
  );
}
