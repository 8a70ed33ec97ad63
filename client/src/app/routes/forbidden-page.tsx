import { Link } from 'react-router';
import { EmptyState } from '../../components/ui/empty-state';
import { useT } from '../../lib/i18n/i18n-provider';

export function ForbiddenPage() {
  const t = useT();
  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: t('forbidden.title') })}</title>
      <EmptyState title={t('forbidden.title')} headingLevel={1}>
        <p>{t('forbidden.body')}</p>
        <Link className="button button--secondary" to="/">
          {t('notFound.home')}
        </Link>
      </EmptyState>
    </div>
  );
}
