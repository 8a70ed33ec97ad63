import type { ProcedureLibraryStatus } from '@vigie/shared';
import { useState } from 'react';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { errorMessage } from '../../../lib/error-message';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useProcedureProblems } from '../api/get-procedure-problems';
import { useReloadProcedures } from '../api/reload-procedures';

/** Admins only: the malformed library files (file:line: field: message) and a reload without restart. */
export function LibraryProblems() {
  const t = useT();
  const problems = useProcedureProblems(true);
  const reload = useReloadProcedures();
  const [status, setStatus] = useState<ProcedureLibraryStatus | null>(null);

  return (
    <section className="section" aria-labelledby="library-health">
      <div className="page__header">
        <h2 className="section__title" id="library-health">
          {t('procedures.libraryHealth')}
        </h2>
        <button
          type="button"
          className="button button--secondary"
          disabled={reload.isPending}
          onClick={() => {
            setStatus(null);
            reload.mutate(undefined, { onSuccess: setStatus });
          }}
        >
          {reload.isPending ? t('procedures.reloading') : t('procedures.reload')}
        </button>
      </div>
      <div role="status" className="notice-area">
        {status && (
          <p className="alert alert--success">
            {t('procedures.reloaded', {
              procedures: status.procedures,
              eop: status.byKind.EOP,
              sop: status.byKind.SOP,
              mop: status.byKind.MOP,
              problems: status.problems,
            })}
          </p>
        )}
        {reload.isError && (
          <p className="alert alert--error">
            {t('procedures.reloadError')} {errorMessage(reload.error, t)}
          </p>
        )}
      </div>
      <p className="page__subtitle">{t('procedures.problemsIntro')}</p>
      {problems.isPending ? (
        <LoadingState />
      ) : problems.isError ? (
        <ErrorState
          error={problems.error}
          title={t('procedures.problemsError')}
          onRetry={() => void problems.refetch()}
        />
      ) : problems.data.items.length === 0 ? (
        <p className="alert alert--success">{t('procedures.noProblems')}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="library-problems-caption">
          <table className="table" data-testid="library-problems">
            <caption id="library-problems-caption" className="alert__title procedure-problems__caption">
              {t('procedures.problemsCount', { count: problems.data.items.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('procedures.problemFile')}</th>
                <th scope="col">{t('procedures.problemField')}</th>
                <th scope="col">{t('procedures.problemMessage')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.data.items.map((problem, index) => (
                <tr key={`${problem.file}:${problem.line}:${problem.field}:${index}`}>
                  <th scope="row" className="mono">
                    {problem.file}:{problem.line}
                  </th>
                  <td className="mono">{problem.field}</td>
                  <td>{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
