import { Link } from 'react-router';
import { EmptyState } from '../../components/ui/empty-state';
import { useT } from '../../lib/i18n/i18n-provider';

export function NotFoundPage() {
  const t = useT();
  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: t('notFound.title') })}</title>
      <EmptyState title={t('notFound.title')} headingLevel={1}>
        <p>{t('notFound.body')}</p>
        <Link className="button button--secondary" to="/">
          {t('notFound.home')}
        </Link>
      </EmptyState>
    </div>
  );
}
