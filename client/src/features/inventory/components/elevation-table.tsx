import type { RackElevation } from '@vigie/shared';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n/i18n-provider';
import { deviceSpan, formatUnits, layoutFace, rangeSpan } from '../lib/elevation-layout';
import { DeviceStatusBadge } from './status-badge';

/** The elevation as a table: the same content as the drawing, for screen readers and small screens. */
export function ElevationTable({ elevation }: { elevation: RackElevation }) {
  const t = useT();
  const rackUnits = elevation.rack.uHeight;
  const faces = [
    layoutFace(elevation.front, elevation.hiddenRanges.front, rackUnits),
    layoutFace(elevation.rear, elevation.hiddenRanges.rear, rackUnits),
  ];
  const faceData = { front: elevation.front, rear: elevation.rear };
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="elevation-caption">
      <table className="table">
        <caption id="elevation-caption" className="visually-hidden">
          {t('elevation.tableCaption', { name: elevation.rack.name })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('elevation.face')}</th>
            <th scope="col">{t('elevation.units')}</th>
            <th scope="col">{t('inventory.name')}</th>
            <th scope="col">{t('inventory.type')}</th>
            <th scope="col">{t('inventory.tenant')}</th>
            <th scope="col">{t('inventory.status')}</th>
            <th scope="col">{t('elevation.mounting')}</th>
          </tr>
        </thead>
        <tbody>
          {faces.flatMap((layout) => {
            const faceLabel = t(layout.face === 'front' ? 'face.shortFront' : 'face.shortRear');
            const rows = layout.devices.map(({ device, mountedHere }) => (
              <tr key={`${layout.face}-${device.id}`}>
                <td>{faceLabel}</td>
                <td className="nowrap">
                  {device.position === null ? '' : formatUnits(deviceSpan(device.position, device.uHeight))}
                </td>
                <th scope="row">
                  <Link to={`/inventory/devices/${device.id}`}>{device.name}</Link>
                </th>
                <td>{device.typeLabel}</td>
                <td>{device.tenantName ?? t('inventory.noTenant')}</td>
                <td>
                  <DeviceStatusBadge status={device.status} />
                </td>
                <td>{mountedHere ? t('elevation.mountedHere') : t('elevation.fromOtherFace')}</td>
              </tr>
            ));
            const free = faceData[layout.face].freeRanges.map((range) => (
              <tr key={`${layout.face}-free-${range.from}`} className="table__row--muted">
                <td>{faceLabel}</td>
                <td className="nowrap">{formatUnits(rangeSpan(range))}</td>
                <td colSpan={5}>{t('elevation.freeSpace')}</td>
              </tr>
            ));
            const hidden = elevation.hiddenRanges[layout.face].map((range) => (
              <tr key={`${layout.face}-hidden-${range.from}`} className="table__row--muted">
                <td>{faceLabel}</td>
                <td className="nowrap">{formatUnits(rangeSpan(range))}</td>
                <td colSpan={5}>{t('elevation.hidden')}</td>
              </tr>
            ));
            return [...rows, ...hidden, ...free];
          })}
          {elevation.zeroU.map((device) => (
            <tr key={`zero-${device.id}`}>
              <td>{device.face ? t(device.face === 'front' ? 'face.shortFront' : 'face.shortRear') : ''}</td>
              <td>{t('devices.zeroU')}</td>
              <th scope="row">
                <Link to={`/inventory/devices/${device.id}`}>{device.name}</Link>
              </th>
              <td>{device.typeLabel}</td>
              <td>{device.tenantName ?? t('inventory.noTenant')}</td>
              <td>
                <DeviceStatusBadge status={device.status} />
              </td>
              <td>{t('elevation.zeroU')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
