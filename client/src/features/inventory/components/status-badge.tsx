import type { DeviceStatus, RackStatus } from '@vigie/shared';
import { useT } from '../../../lib/i18n/i18n-provider';

export function RackStatusBadge({ status }: { status: RackStatus }) {
  const t = useT();
  return <span className={`badge status status--rack-${status}`}>{t(`rackStatus.${status}`)}</span>;
}

export function DeviceStatusBadge({ status }: { status: DeviceStatus }) {
  const t = useT();
  return <span className={`badge status status--device-${status}`}>{t(`deviceStatus.${status}`)}</span>;
}
