import type { ReportItem } from '@vigie/shared';
import { Link } from 'react-router';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import { useFormatDate, useTimeZone } from '../../../lib/time-zone';
import { PriorityBadge } from '../../incidents/components/incident-badges';
import { localDate } from '../../tasks/lib/calendar-days';
import { useRecordAccess } from '../hooks/use-record-access';
import { formatFigure } from '../lib/report-format';
import { IncidentLink, RunLink } from './record-links';

/** The calendar day of an occurrence: where the task pages show it. */
function occurrenceUrl(scheduledAt: string, timeZone: string): string {
  return `/tasks/calendar?view=day&date=${localDate(scheduledAt, timeZone)}`;
}

/** One record behind a figure, linked to its page when the reader has one. */
export function ReportItemRow({ item }: { item: ReportItem }) {
  const t = useT();
  const { locale } = useLocale();
  const formatDate = useFormatDate();
  const timeZone = useTimeZone();
  const access = useRecordAccess();
  switch (item.kind) {
    case 'incident':
      return (
        <li className="report-item" data-kind="incident">
          <IncidentLink id={item.id} reference={item.reference} title={item.title} />
          <span className="report-item__meta">
            <PriorityBadge priority={item.priority} />
            <span>{t(`incidents.status.${item.status}`)}</span>
            <span>{t('reports.item.opened', { time: formatDate(item.openedAt) })}</span>
            {item.detail && <span>{item.detail}</span>}
          </span>
        </li>
      );
    case 'run':
      return (
        <li className="report-item" data-kind="run">
          <RunLink id={item.id} title={item.title} />
          <span className="report-item__meta">
            <span>{t(`runs.state.${item.state}`)}</span>
            <span>{t('reports.item.started', { time: formatDate(item.startedAt) })}</span>
            {item.endedAt && <span>{t('reports.item.ended', { time: formatDate(item.endedAt) })}</span>}
            {item.detail && <span>{item.detail}</span>}
          </span>
        </li>
      );
    case 'occurrence':
      return (
        <li className="report-item" data-kind="occurrence">
          {access.tasks ? (
            <Link to={occurrenceUrl(item.scheduledAt, timeZone)}>{item.title}</Link>
          ) : (
            <span>{item.title}</span>
          )}
          <span className="report-item__meta">
            <span>{t(`tasks.state.${item.state}`)}</span>
            <span>{t('reports.item.due', { time: formatDate(item.dueAt) })}</span>
            {item.latenessMinutes !== null && item.latenessMinutes > 0 && (
              <span>
                {t('reports.item.late', { duration: formatFigure(item.latenessMinutes, 'minutes', locale) })}
              </span>
            )}
            {item.runId !== null && <RunLink id={item.runId} title={t('reports.item.run')} />}
          </span>
        </li>
      );
    case 'step':
      return (
        <li className="report-item" data-kind="step">
          <RunLink id={item.runId} title={t('reports.item.step', { step: item.stepId })} />
          <span className="report-item__meta">
            <span>{t(`runs.outcome.${item.outcome}`)}</span>
            {item.reason && <span>{item.reason}</span>}
            <span>
              {formatDate(item.performedAt)} · {item.performedBy.displayName}
            </span>
            {item.detail && <span>{item.detail}</span>}
          </span>
        </li>
      );
  }
}
