import type { Incident, Me } from '@vigie/shared';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n/i18n-provider';
import { IncidentStatusBadge, PriorityBadge } from '../../incidents/components/incident-badges';
import { QuickTriage, type TriageNotice } from '../../incidents/components/quick-triage';
import { SlaCountdown } from '../../incidents/components/sla-countdown';
import { currentClock } from '../../incidents/lib/sla-countdown';

/** Where it happens, as short as the board needs: site code and room. */
export function placeOf(incident: Incident): string | null {
  const parts = [incident.site?.code, incident.room?.name].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : null;
}

export function BoardIncidentRow({
  incident,
  now,
  isNew,
  me,
  canTriage,
  onNotice,
}: {
  incident: Incident;
  now: number;
  isNew: boolean;
  me: Me;
  canTriage: boolean;
  onNotice: (notice: TriageNotice) => void;
}) {
  const t = useT();
  const reading = currentClock(incident.slaClocks, now);
  const level = reading?.level ?? 'none';
  const place = placeOf(incident);
  return (
    <li
      className={`incident-card incident-card--${level}${isNew ? ' incident-card--new' : ''}`}
      data-testid={`board-incident-${incident.reference}`}
      data-status={incident.status}
    >
      <div className="incident-card__head">
        <PriorityBadge priority={incident.priority} />
        {isNew && <span className="badge badge--new">{t('board.newArrival')}</span>}
        <Link className="incident-card__reference mono" to={`/incidents/${incident.id}`}>
          {incident.reference}
        </Link>
        <IncidentStatusBadge status={incident.status} />
        {incident.escalationLevel > 0 && (
          <span className="badge badge--critical">
            {t('incidents.escalation', { level: incident.escalationLevel })}
          </span>
        )}
      </div>
      <h3 className="incident-card__title">{incident.title}</h3>
      <div className="incident-card__facts">
        <SlaCountdown reading={reading} />
        {place && (
          <span>
            <span className="visually-hidden">{t('board.where')} </span>
            {place}
          </span>
        )}
        {incident.tenants.length > 0 && (
          <span>{incident.tenants.map((tenant) => tenant.name).join(', ')}</span>
        )}
        <span>
          {t('incidents.assignedTo', { name: incident.assignee?.displayName ?? t('incidents.unassigned') })}
        </span>
      </div>
      {canTriage && <QuickTriage incident={incident} myUserId={me.user.id} onNotice={onNotice} />}
    </li>
  );
}
