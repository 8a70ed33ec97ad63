import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useMe } from '../../auth/api/get-me';
import { useOccurrenceWork } from '../hooks/use-occurrence-work';
import { OccurrenceList } from './occurrence-list';
import { TaskDefinitions } from './task-definitions';
import { TasksNav } from './tasks-nav';
import '../tasks.css';

function readNotice(state: unknown): string | null {
  return typeof state === 'object' && state !== null && 'notice' in state && typeof state.notice === 'string'
    ? state.notice
    : null;
}

/** `/tasks`: the overdue and upcoming work first (what is checked at 3 a.m.), then the definitions. */
export function TasksPage() {
  const t = useT();
  const location = useLocation();
  const [notice] = useState(() => readNotice(location.state));
  const canDefine = useMe().data?.permissions.includes('task.define') ?? false;
  const work = useOccurrenceWork();
  const section = (
    query: typeof work.overdue,
    items: typeof work.overdueItems,
    title: string,
    empty: string,
    id: string,
  ) => (
    <section className="section" aria-labelledby={id}>
      <h2 className="section__title" id={id}>
        {title} {query.data && `(${items.length})`}
      </h2>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError && !query.data ? (
        <ErrorState
          error={query.error}
          title={t('tasks.occurrencesLoadError')}
          onRetry={() => void query.refetch()}
        />
      ) : items.length === 0 ? (
        <p className="panel__empty">{empty}</p>
      ) : (
        <OccurrenceList occurrences={items} label={title} />
      )}
    </section>
  );
  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: t('tasks.title') })}</title>
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('tasks.title')}</h1>
          {!canDefine && <p className="page__subtitle">{t('tasks.readOnly')}</p>}
        </div>
        <div className="page__actions">
          <TasksNav />
          {canDefine && (
            <Link className="button button--primary" to="/tasks/new">
              {t('tasks.new')}
            </Link>
          )}
        </div>
      </header>
      <div role="status" className="notice-area">
        {notice && <p className="alert alert--success">{notice}</p>}
      </div>
      <h2 className="visually-hidden">{t('tasks.work')}</h2>
      <div className="tasks-work">
        {section(work.overdue, work.overdueItems, t('tasks.overdue'), t('tasks.noOverdue'), 'tasks-overdue')}
        {section(
          work.upcoming,
          work.upcomingItems,
          t('tasks.upcoming'),
          t('tasks.noUpcoming'),
          'tasks-upcoming',
        )}
      </div>
      <section className="section" aria-labelledby="tasks-definitions">
        <h2 className="section__title" id="tasks-definitions">
          {t('tasks.definitions')}
        </h2>
        <TaskDefinitions canDefine={canDefine} />
      </section>
    </div>
  );
}
