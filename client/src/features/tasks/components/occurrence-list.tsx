import type { Occurrence } from '@vigie/shared';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useFormatDate } from '../../../lib/time-zone';
import { OccurrenceActions } from './occurrence-actions';
import { OccurrenceStateBadge } from './occurrence-state-badge';

/** Occurrences as a list: what, where, when, state, and the actions. */
export function OccurrenceList({
  occurrences,
  label,
}: {
  occurrences: readonly Occurrence[];
  label: string;
}) {
  const t = useT();
  const formatDate = useFormatDate();
  return (
    <ul className="occurrence-list" aria-label={label}>
      {occurrences.map((occurrence) => (
        <li key={occurrence.id} className="occurrence-item" data-testid={`occurrence-${occurrence.id}`}>
          <p className="occurrence-item__title">{occurrence.title}</p>
          <p className="occurrence-item__meta">
            <OccurrenceStateBadge occurrence={occurrence} />
            <span>{t('tasks.scheduledAt', { time: formatDate(occurrence.scheduledAt) })}</span>
            <span>{t('tasks.dueAt', { time: formatDate(occurrence.dueAt, 'time') })}</span>
            <span>{occurrence.site.code}</span>
            {(occurrence.assignee?.displayName ?? occurrence.team) && (
              <span>{occurrence.assignee?.displayName ?? occurrence.team}</span>
            )}
          </p>
          {occurrence.cancelReason && (
            <p className="occurrence-item__meta">
              {t('tasks.cancelledReason', { reason: occurrence.cancelReason })}
            </p>
          )}
          <OccurrenceActions occurrence={occurrence} />
        </li>
      ))}
    </ul>
  );
}
