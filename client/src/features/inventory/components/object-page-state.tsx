import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { isApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n/i18n-provider';

/** An inventory object that does not exist, or that the user may not see (404 either way). */
function InventoryNotFound({ backTo, backLabel }: { backTo: string; backLabel: string }) {
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

interface ObjectQuery {
  error: unknown;
  isPending: boolean;
  isError: boolean;
  refetch: () => unknown;
}

/**
 * What an inventory object's page shows until the object is there: not found (a bad id or a
 * 404), loading, or the error with a retry. `null` once it has loaded.
 */
export function objectPageState(
  query: ObjectQuery,
  validId: boolean,
  back: { to: string; label: string; loadError: string },
): ReactNode {
  if (!validId || isApiError(query.error, 'not_found')) {
    return <InventoryNotFound backTo={back.to} backLabel={back.label} />;
  }
  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return <ErrorState error={query.error} title={back.loadError} onRetry={() => void query.refetch()} />;
  }
  return null;
}
