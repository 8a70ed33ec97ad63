import type { Incident } from '@vigie/shared';
import '../incidents.css';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useRackElevation } from '../../inventory/api/get-rack-elevation';
import { RackElevation } from '../../inventory/components/rack-elevation';

/** The racks to draw: those affected, then those holding an affected device. */
export function racksToDraw(incident: Incident): { id: number; name: string | null }[] {
  const racks = new Map<number, string | null>(incident.racks.map((rack) => [rack.id, rack.name]));
  for (const device of incident.devices) {
    if (device.rackId !== null && !racks.has(device.rackId)) racks.set(device.rackId, null);
  }
  return [...racks].map(([id, name]) => ({ id, name }));
}

function RackDrawing({
  rackId,
  name,
  deviceIds,
  initiallyOpen,
}: {
  rackId: number;
  name: string | null;
  deviceIds: readonly number[];
  initiallyOpen: boolean;
}) {
  const t = useT();
  const [open, setOpen] = useState(initiallyOpen);
  // Loaded only once opened: an incident may touch many racks.
  const elevation = useRackElevation(rackId, open);
  const rackName = name ?? elevation.data?.rack.name ?? `#${rackId}`;
  return (
    <details className="disclosure" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('incidents.elevationOf', { name: rackName })}</summary>
      {!open ? null : elevation.isPending ? (
        <LoadingState />
      ) : elevation.isError ? (
        <ErrorState
          error={elevation.error}
          title={t('elevation.loadError')}
          onRetry={() => void elevation.refetch()}
        />
      ) : (
        <RackElevation
          elevation={elevation.data}
          highlight={{ deviceIds, label: t('incidents.affectedMark') }}
        />
      )}
    </details>
  );
}

/** Where the incident is and what it touches, each linked to its inventory page. */
export function AffectedEquipment({ incident }: { incident: Incident }) {
  const t = useT();
  const deviceIds = incident.devices.map((device) => device.id);
  const racks = racksToDraw(incident);
  const nothing = !incident.site && !incident.room && racks.length === 0 && incident.devices.length === 0;
  return (
    <section className="section" aria-labelledby="incident-equipment">
      <h2 id="incident-equipment" className="section__title">
        {t('incidents.equipment')}
      </h2>
      {nothing ? (
        <p className="field__hint">{t('incidents.noEquipment')}</p>
      ) : (
        <dl className="facts">
          {incident.site && (
            <div>
              <dt>{t('incidents.site')}</dt>
              <dd>
                <Link to={`/inventory/rooms?siteId=${incident.site.id}`}>
                  {incident.site.code} — {incident.site.name}
                </Link>
              </dd>
            </div>
          )}
          {incident.room && (
            <div>
              <dt>{t('incidents.room')}</dt>
              <dd>
                <Link to={`/inventory/rooms/${incident.room.id}`}>{incident.room.name}</Link>
              </dd>
            </div>
          )}
          {incident.racks.length > 0 && (
            <div>
              <dt>{t('incidents.racks')}</dt>
              <dd>
                <ul className="plain-list">
                  {incident.racks.map((rack) => (
                    <li key={rack.id}>
                      <Link to={`/inventory/racks/${rack.id}`}>{rack.name}</Link>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
          {incident.devices.length > 0 && (
            <div>
              <dt>{t('incidents.devices')}</dt>
              <dd>
                <ul className="plain-list">
                  {incident.devices.map((device) => (
                    <li key={device.id}>
                      <Link to={`/inventory/devices/${device.id}`}>{device.name}</Link>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
        </dl>
      )}
      {racks.map((rack, index) => (
        <RackDrawing
          key={rack.id}
          rackId={rack.id}
          name={rack.name}
          deviceIds={deviceIds}
          initiallyOpen={index === 0}
        />
      ))}
    </section>
  );
}
