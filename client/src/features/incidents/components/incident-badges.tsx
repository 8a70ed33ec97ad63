import type { IncidentStatus, Priority } from '@vigie/shared';
import '../incidents.css';
import { useT } from '../../../lib/i18n/i18n-provider';

/** The priority as code and word (P1 critique), coloured too but never by colour alone. */
export function PriorityBadge({ priority }: { priority: Priority }) {
  const t = useT();
  return (
    <span className={`badge priority priority--${priority}`} data-priority={priority}>
      {t(`incidents.priority.${priority}`)}
    </span>
  );
}

export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  const t = useT();
  return (
    <span className={`badge status incident-status--${status}`} data-status={status}>
      {t(`incidents.status.${status}`)}
    </span>
  );
}
