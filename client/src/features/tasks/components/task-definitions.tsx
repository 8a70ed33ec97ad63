import { Link } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import { useProcedures } from '../../procedures/api/get-procedures';
import { localized } from '../../procedures/lib/localized';
import { useTasks } from '../api/get-tasks';
import { ScheduleSummary } from './schedule-summary';

/** The recurring tasks defined: what, where, which rule, for whom. */
export function TaskDefinitions({ canDefine }: { canDefine: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const tasks = useTasks({ limit: 100 });
  const procedures = useProcedures({});
  const procedureTitle = (id: string) => {
    const procedure = procedures.data?.items.find((item) => item.id === id);
    return procedure ? localized(procedure.title, locale) : id;
  };
  if (tasks.isPending) return <LoadingState />;
  if (tasks.isError && !tasks.data) {
    return (
      <ErrorState error={tasks.error} title={t('tasks.loadError')} onRetry={() => void tasks.refetch()} />
    );
  }
  if (tasks.data.items.length === 0) return <EmptyState title={t('tasks.empty')} headingLevel={3} />;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('tasks.field.title')}</th>
            <th scope="col">{t('tasks.field.procedure')}</th>
            <th scope="col">{t('tasks.field.site')}</th>
            <th scope="col">{t('tasks.schedule')}</th>
            <th scope="col">{t('tasks.field.assignee')}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.data.items.map((task) => (
            <tr key={task.id}>
              <th scope="row">
                {canDefine ? <Link to={`/tasks/${task.id}/edit`}>{task.title}</Link> : task.title}
                {!task.active && <span className="badge badge--muted"> {t('tasks.inactive')}</span>}
              </th>
              <td>{procedureTitle(task.procedureId)}</td>
              <td>{task.site.code}</td>
              <td>
                <ScheduleSummary rrule={task.rrule} />
              </td>
              <td>{task.assignee?.displayName ?? task.team ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
