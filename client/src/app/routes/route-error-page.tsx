import { useEffect } from 'react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useT } from '../../lib/i18n/i18n-provider';
import { NotFoundPage } from './not-found-page';

/** Last resort for a render error: say so plainly and offer a reload, never a blank page. */
export function RouteErrorPage() {
  const t = useT();
  const error = useRouteError();
  useEffect(() => console.error(error), [error]);
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <main className="centered-page" id="main">
      <div className="alert alert--error" role="alert">
        <h1 className="alert__title">{t('routeError.title')}</h1>
        <p>{t('routeError.body')}</p>
        <button type="button" className="button button--secondary" onClick={() => window.location.reload()}>
          {t('routeError.reload')}
        </button>
      </div>
    </main>
  );
}
