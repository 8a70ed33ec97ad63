import type { SteeringReport } from '@vigie/shared';
import type { ReactNode } from 'react';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import { useFormatDate } from '../../../lib/time-zone';
import { PriorityBadge } from '../../incidents/components/incident-badges';
import type { DrillTarget } from '../lib/drill-target';
import { formatFigure } from '../lib/report-format';
import { useDrillDown } from '../hooks/use-drill-down';
import { IncidentLink, RunLink } from './record-links';
import { ReportSection } from './report-section';

/** A capped list: how many are shown of how many, the full list in the drill-down, or "none". */
function ListFrame({
  shown,
  total,
  drill,
  empty,
  children,
}: {
  shown: number;
  total: number;
  drill?: DrillTarget;
  empty: string;
  children: ReactNode;
}) {
  const t = useT();
  const open = useDrillDown();
  if (total === 0) return <p className="report-hint">{empty}</p>;
  return (
    <>
      {shown < total && (
        <p className="report-hint">
          {t('reports.list.capped', { shown, total })}{' '}
          {drill && (
            <button type="button" className="button button--ghost button--small" onClick={() => open(drill)}>
              {t('reports.list.seeAll')}
            </button>
          )}
        </p>
      )}
      <div className="table-wrap">{children}</div>
    </>
  );
}

export function BreachesList({ report }: { report: SteeringReport }) {
  const t = useT();
  const { locale } = useLocale();
  const formatDate = useFormatDate();
  const list = report.breaches;
  return (
    <ReportSection title={t('reports.section.breaches', { count: list.total })} table="breaches">
      <ListFrame
        shown={list.items.length}
        total={list.total}
        drill={{ figure: 'sla.breached' }}
        empty={t('reports.list.noBreach')}
      >
        <table className="table report-table" data-testid="breaches-list">
          <thead>
            <tr>
              <th scope="col">{t('reports.list.incident')}</th>
              <th scope="col">{t('reports.priority')}</th>
              <th scope="col">{t('reports.list.metric')}</th>
              <th scope="col">{t('reports.list.breachedAt')}</th>
              <th scope="col">{t('reports.list.target')}</th>
              <th scope="col">{t('reports.list.elapsed')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((breach) => (
              <tr key={`${breach.incident.id}-${breach.metric}`}>
                <td>
                  <IncidentLink {...breach.incident} />
                </td>
                <td>
                  <PriorityBadge priority={breach.incident.priority} />
                </td>
                <td>{t(`reports.metric.${breach.metric}`)}</td>
                <td>{formatDate(breach.breachedAt)}</td>
                <td>{formatFigure(breach.targetMinutes, 'minutes', locale)}</td>
                <td>
                  {formatFigure(breach.elapsedMinutes, 'minutes', locale)}
                  {breach.stoppedAt === null && <> ({t('reports.list.running')})</>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListFrame>
    </ReportSection>
  );
}

export function MajorIncidentsList({ report }: { report: SteeringReport }) {
  const t = useT();
  const { locale } = useLocale();
  const formatDate = useFormatDate();
  const list = report.majorIncidents;
  return (
    <ReportSection title={t('reports.section.majorIncidents', { count: list.total })} table="major-incidents">
      <ListFrame
        shown={list.items.length}
        total={list.total}
        drill={{ figure: 'incidents.major' }}
        empty={t('reports.list.noMajor')}
      >
        <table className="table report-table" data-testid="major-incidents-list">
          <thead>
            <tr>
              <th scope="col">{t('reports.list.incident')}</th>
              <th scope="col">{t('reports.list.status')}</th>
              <th scope="col">{t('reports.list.openedAt')}</th>
              <th scope="col">{t('reports.list.duration')}</th>
              <th scope="col">{t('reports.list.rootCause')}</th>
              <th scope="col">{t('reports.list.workaround')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((major) => (
              <tr key={major.incident.id}>
                <td>
                  <IncidentLink {...major.incident} />
                </td>
                <td>{t(`incidents.status.${major.status}`)}</td>
                <td>{formatDate(major.openedAt)}</td>
                <td>
                  {formatFigure(major.durationMinutes, 'minutes', locale)}
                  {major.restoredAt === null && <> ({t('reports.list.notRestored')})</>}
                </td>
                <td className="report-text">{major.rootCause ?? t('reports.list.rootCauseUnknown')}</td>
                <td className="report-text">{major.workaround ?? t('common.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListFrame>
    </ReportSection>
  );
}

export function PlannedWorkList({ report }: { report: SteeringReport }) {
  const t = useT();
  const { locale } = useLocale();
  const formatDate = useFormatDate();
  const list = report.plannedWork;
  return (
    <ReportSection title={t('reports.section.plannedWork', { count: list.total })}>
      <ListFrame shown={list.items.length} total={list.total} empty={t('reports.list.noPlannedWork')}>
        <table className="table report-table" data-testid="planned-work-list">
          <thead>
            <tr>
              <th scope="col">{t('reports.list.run')}</th>
              <th scope="col">{t('reports.list.status')}</th>
              <th scope="col">{t('reports.list.startedAt')}</th>
              <th scope="col">{t('reports.list.endedAt')}</th>
              <th scope="col">{t('reports.list.duration')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((work) => (
              <tr key={work.run.id}>
                <td>
                  <RunLink id={work.run.id} title={work.run.title} />
                </td>
                <td>{t(`runs.state.${work.state}`)}</td>
                <td>{formatDate(work.startedAt)}</td>
                <td>{work.endedAt ? formatDate(work.endedAt) : t('common.none')}</td>
                <td>{formatFigure(work.minutes, 'minutes', locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListFrame>
    </ReportSection>
  );
}

export function StepExceptionsList({ report }: { report: SteeringReport }) {
  const t = useT();
  const formatDate = useFormatDate();
  const list = report.stepExceptions;
  return (
    <ReportSection title={t('reports.section.stepExceptions', { count: list.total })}>
      <ListFrame
        shown={list.items.length}
        total={list.total}
        drill={{ figure: 'compliance.exceptions' }}
        empty={t('reports.list.noException')}
      >
        <table className="table report-table" data-testid="step-exceptions-list">
          <thead>
            <tr>
              <th scope="col">{t('reports.list.run')}</th>
              <th scope="col">{t('reports.list.step')}</th>
              <th scope="col">{t('reports.list.outcome')}</th>
              <th scope="col">{t('reports.list.reason')}</th>
              <th scope="col">{t('reports.list.performed')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((exception) => (
              <tr key={`${exception.run.id}-${exception.stepId}-${exception.performedAt}`}>
                <td>
                  <RunLink id={exception.run.id} title={exception.run.title} />
                </td>
                <td className="mono">{exception.stepId}</td>
                <td>
                  {t(`runs.outcome.${exception.outcome}`)}
                  {exception.deviation && <> · {t('reports.list.deviation')}</>}
                </td>
                <td className="report-text">
                  {exception.reason ?? t('common.none')}
                  {exception.comment && <> — {exception.comment}</>}
                </td>
                <td>
                  {formatDate(exception.performedAt)} · {exception.performedBy.displayName}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListFrame>
    </ReportSection>
  );
}
