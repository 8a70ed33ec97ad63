import { useT } from '../../../lib/i18n/i18n-provider';
import type { PendingTicks } from './pending-ticks';
import './device-ticks.css';

/** "n waiting" and "n refused" for ticks kept on this device; nothing when there are none. */
export function DeviceTickCounts({ pending }: { pending: PendingTicks }) {
  const t = useT();
  if (!hasPendingTicks(pending)) return null;
  return (
    <>
      <span className="visually-hidden">{t('runs.device.onDevice')}</span>
      {pending.waiting > 0 && (
        <span className="device-ticks__count device-ticks__count--waiting" data-testid="device-ticks-waiting">
          {t('runs.device.waiting', { count: pending.waiting })}
        </span>
      )}
      {pending.refused > 0 && (
        <span className="device-ticks__count device-ticks__count--refused" data-testid="device-ticks-refused">
          {t('runs.device.refused', { count: pending.refused })}
        </span>
      )}
    </>
  );
}

export function hasPendingTicks(pending: PendingTicks): boolean {
  return pending.waiting + pending.refused > 0;
}
