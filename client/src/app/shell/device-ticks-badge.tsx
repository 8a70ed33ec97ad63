import { Link } from 'react-router';
import { usePendingTicks } from '../../features/runs/hooks/use-tick-queue';
import { DeviceTickCounts, hasPendingTicks } from '../../features/runs/offline/device-ticks';
import { useT } from '../../lib/i18n/i18n-provider';

/**
 * The signed-in user's ticks still on this device, on every page: waiting for the network or refused
 * by the server. Leads to their run (or to the runs when there are several).
 */
export function DeviceTicksBadge({ userId }: { userId: number }) {
  const t = useT();
  const pending = usePendingTicks(userId);
  if (!hasPendingTicks(pending)) return null;
  const target = pending.runIds.length === 1 ? `/runs/${pending.runIds[0]}` : '/runs';
  return (
    <Link
      to={target}
      className="device-ticks"
      data-testid="device-ticks-badge"
      aria-label={t('runs.device.label', { waiting: pending.waiting, refused: pending.refused })}
    >
      <DeviceTickCounts pending={pending} />
    </Link>
  );
}
