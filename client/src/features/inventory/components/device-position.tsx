import type { Device } from '@vigie/shared';
import { useT } from '../../../lib/i18n/i18n-provider';
import { deviceSpan, formatUnits } from '../lib/elevation-layout';

/** `U12–U13 · Front`, `Zero-U (vertical) · Rear`, or "not racked". */
export function DevicePosition({ device, uHeight }: { device: Device; uHeight: number | undefined }) {
  const t = useT();
  if (device.rackId === null) return <>{t('devices.unracked')}</>;
  const face = device.face ? t(device.face === 'front' ? 'face.shortFront' : 'face.shortRear') : null;
  const where =
    device.position === null
      ? t('devices.zeroU')
      : uHeight !== undefined && uHeight > 0
        ? formatUnits(deviceSpan(device.position, uHeight))
        : `U${device.position}`;
  return <>{face ? `${where} · ${face}` : where}</>;
}
