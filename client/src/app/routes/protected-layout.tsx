import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { useMe } from '../../features/auth/api/get-me';
import { useT } from '../../lib/i18n/i18n-provider';
import { AppShell } from '../shell/app-shell';

/** Everything behind sign-in: no session → the sign-in page, remembering where the user was going. */
export function ProtectedLayout() {
  const t = useT();
  const location = useLocation();
  const me = useMe();

  if (me.isPending) return <LoadingState label={t('auth.checking')} fullPage />;
  if (me.isError) {
    return (
      <main className="centered-page" id="main">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  if (!me.data) {
    const target = `${location.pathname}${location.search}`;
    const search = target === '/' ? '' : `?next=${encodeURIComponent(target)}`;
    return <Navigate to={`/sign-in${search}`} replace />;
  }
  return <AppShell me={me.data} />;
}
