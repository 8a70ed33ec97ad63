import type { Occurrence } from '@vigie/shared';
import { useT } from '../../../lib/i18n/i18n-provider';
import '../tasks.css';

/** The occurrence's state in words (colour only repeats it); "overdue" added when it is late. */
export function OccurrenceStateBadge({ occurrence }: { occurrence: Occurrence }) {
  const t = useT();
  return (
    <span className="occurrence-badges">
      <span
        className={`badge occurrence-state occurrence-state--${occurrence.state}`}
        data-testid="occurrence-state"
      >
        {t(`tasks.state.${occurrence.state}`)}
      </span>
      {occurrence.overdue && occurrence.state !== 'missed' && (
        <span className="badge occurrence-overdue">{t('tasks.overdue')}</span>
      )}
    </span>
  );
}
