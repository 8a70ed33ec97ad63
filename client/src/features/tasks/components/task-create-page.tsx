import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useMe } from '../../auth/api/get-me';
import { useSites } from '../../sites/api/get-sites';
import { TaskForm } from './task-form';
import '../tasks.css';

/** `/tasks/new`, for the roles that define tasks. */
export function TaskCreatePage() {
  const t = useT();
  const navigate = useNavigate();
  const me = useMe().data;
  const sites = useSites();
  if (!me) return null;
  if (!me.permissions.includes('task.define'))
    return <EmptyState title={t('forbidden.title')} headingLevel={1} />;
  return (
    <div className="page page--narrow">
      <title>{t('app.pageTitle', { page: t('tasks.newTitle') })}</title>
      <header className="page__header">
        <div>
          <p className="breadcrumb">
            <Link to="/tasks">{t('tasks.title')}</Link>
          </p>
          <h1 className="page__title">{t('tasks.newTitle')}</h1>
        </div>
      </header>
      {sites.isPending ? (
        <LoadingState />
      ) : sites.isError ? (
        <ErrorState error={sites.error} onRetry={() => void sites.refetch()} />
      ) : (
        <TaskForm
          task={null}
          onCancel={() => void navigate('/tasks')}
          onSaved={(task) =>
            void navigate('/tasks', { state: { notice: t('tasks.created', { title: task.title }) } })
          }
        />
      )}
    </div>
  );
}
