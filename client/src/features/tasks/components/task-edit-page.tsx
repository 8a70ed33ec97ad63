import { Link, useNavigate, useParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { isApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useMe } from '../../auth/api/get-me';
import { useSites } from '../../sites/api/get-sites';
import { useTask } from '../api/get-task';
import { TaskForm } from './task-form';
import '../tasks.css';

/** `/tasks/:taskId/edit`: a new rule re-plans only the future occurrences (the server does it). */
export function TaskEditPage() {
  const t = useT();
  const navigate = useNavigate();
  const taskId = Number(useParams().taskId);
  const me = useMe().data;
  const sites = useSites();
  const task = useTask(taskId);
  if (!me) return null;
  if (!me.permissions.includes('task.define'))
    return <EmptyState title={t('forbidden.title')} headingLevel={1} />;
  return (
    <div className="page page--narrow">
      <title>{t('app.pageTitle', { page: task.data?.title ?? t('tasks.title') })}</title>
      <header className="page__header">
        <div>
          <p className="breadcrumb">
            <Link to="/tasks">{t('tasks.title')}</Link>
          </p>
          <h1 className="page__title">
            {task.data ? t('tasks.editTitle', { title: task.data.title }) : t('tasks.title')}
          </h1>
        </div>
      </header>
      {task.isPending || sites.isPending ? (
        <LoadingState />
      ) : task.isError ? (
        isApiError(task.error, 'not_found') ? (
          <EmptyState title={t('tasks.loadTaskError')} />
        ) : (
          <ErrorState
            error={task.error}
            title={t('tasks.loadTaskError')}
            onRetry={() => void task.refetch()}
          />
        )
      ) : (
        <TaskForm
          key={task.data.id}
          task={task.data}
          onCancel={() => void navigate('/tasks')}
          onSaved={(saved) =>
            void navigate('/tasks', { state: { notice: t('tasks.saved', { title: saved.title }) } })
          }
        />
      )}
    </div>
  );
}
