import type { HandoverSnapshot, HandoverTask } from '@vigie/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useFormatDate } from '../../../lib/time-zone';

/** A handover's contents: the draft before submission, the stored snapshot after. */
export function HandoverSections({ snapshot }: { snapshot: HandoverSnapshot }) {
  const t = useT();
  const formatDate = useFormatDate();
  return (
    <div className="handover-sections">
      <Section title={t('shift.openIncidents', { count: snapshot.openIncidents.length })}>
        {snapshot.openIncidents.map((incident) => (
          <li key={incident.id}>
            <Link to={`/incidents/${incident.id}`}>
              {incident.reference} · {incident.title}
            </Link>{' '}
            <span className="badge">{incident.priority}</span>{' '}
            <span className={`badge handover-sla handover-sla--${incident.slaState}`}>
              {t(`shift.sla.${incident.slaState}`)}
            </span>
            {incident.nextDueAt && <span> · {formatDate(incident.nextDueAt, 'datetime')}</span>}
          </li>
        ))}
      </Section>
      <Section title={t('shift.runsInProgress', { count: snapshot.runsInProgress.length })}>
        {snapshot.runsInProgress.map((run) => (
          <li key={run.id}>
            <Link to={`/runs/${run.id}`}>
              #{run.id} · {run.procedureId}
            </Link>
            {run.contextLabel && <span> · {run.contextLabel}</span>}{' '}
            <span className="badge">{t('shift.runProgress', run.progress)}</span>
          </li>
        ))}
      </Section>
      <Section title={t('shift.overdueTasks', { count: snapshot.overdueTasks.length })}>
        <TaskItems tasks={snapshot.overdueTasks} />
      </Section>
      <Section title={t('shift.upcomingTasks', { count: snapshot.upcomingTasks.length })}>
        <TaskItems tasks={snapshot.upcomingTasks} />
      </Section>
      <Section title={t('shift.logEntries', { count: snapshot.logEntries.length })}>
        {snapshot.logEntries.map((entry) => (
          <li key={entry.id}>
            <time dateTime={entry.at}>{formatDate(entry.at, 'time')}</time> ·{' '}
            {t(`shift.category.${entry.category}`)} · {entry.text}
          </li>
        ))}
      </Section>
    </div>
  );
}

function TaskItems({ tasks }: { tasks: readonly HandoverTask[] }) {
  const formatDate = useFormatDate();
  return tasks.map((task) => (
    <li key={task.id}>
      {task.title} · {formatDate(task.dueAt, 'datetime')}
    </li>
  ));
}

function Section({ title, children }: { title: string; children: ReactNode[] | ReactNode }) {
  const t = useT();
  const empty = Array.isArray(children) && children.length === 0;
  return (
    <section className="handover-section">
      <h4 className="handover-section__title">{title}</h4>
      {empty ? (
        <p className="panel__hint">{t('shift.sectionEmpty')}</p>
      ) : (
        <ul className="plain-list">{children}</ul>
      )}
    </section>
  );
}
