import { Link } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { useT } from '../../../lib/i18n/i18n-provider';

/** An inventory object that does not exist, or that the user may not see (404 either way). */
export function InventoryNotFound({ backTo, backLabel }: { backTo: string; backLabel: string }) {
  const t = useT();
  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: t('notFound.title') })}</title>
      <EmptyState title={t('notFound.title')} headingLevel={1}>
        <p>{t('error.not_found')}</p>
        <Link className="button button--secondary" to={backTo}>
          {backLabel}
        </Link>
      </EmptyState>
    </div>
  );
}
