import type { Device } from '@vigie/shared';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useDevice } from '../api/get-device';
import { useDeviceType } from '../api/get-device-type';
import { useRack } from '../api/get-rack';
import { DeviceForm } from './device-form';
import { DevicePosition } from './device-position';
import { objectPageState } from './object-page-state';
import { DeviceStatusBadge } from './status-badge';
import { useCanWriteInventory } from './use-can-write-inventory';
import { useInventoryLookups } from './use-inventory-lookups';

export function DevicePage() {
  const t = useT();
  const id = Number(useParams().deviceId);
  const validId = Number.isSafeInteger(id) && id > 0;
  const device = useDevice(validId ? id : 0, validId);
  const deviceType = useDeviceType(device.data?.deviceTypeId);
  const rack = useRack(device.data?.rackId ?? undefined);
  const lookups = useInventoryLookups();
  const canWrite = useCanWriteInventory();
  const [editing, setEditing] = useState<{ device: Device; stale: boolean } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const waiting = objectPageState(device, validId, {
    to: '/inventory/devices',
    label: t('inventory.devices'),
    loadError: t('inventory.loadError'),
  });
  if (waiting || !device.data) return waiting;
  const data = device.data;
  const type = deviceType.data;
  const title = t('devices.title', { name: data.name });
  const rackName = rack.data?.name ?? (data.rackId === null ? null : `#${data.rackId}`);

  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: title })}</title>
      <header className="page__header">
        <div>
          <p className="breadcrumb">
            <Link to="/inventory/devices">{t('inventory.devices')}</Link>
            {data.rackId !== null && rackName && (
              <>
                {' / '}
                <Link to={`/inventory/racks/${data.rackId}`}>{rackName}</Link>
              </>
            )}
          </p>
          <h1 className="page__title">{title}</h1>
        </div>
        <div className="page__actions">
          {data.rackId !== null && rackName && (
            <Link className="button button--secondary" to={`/inventory/racks/${data.rackId}`}>
              {t('devices.openRack', { name: rackName })}
            </Link>
          )}
          {canWrite && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                setNotice(null);
                setEditing({ device: data, stale: false });
              }}
            >
              {t('deviceForm.edit')}
            </button>
          )}
        </div>
      </header>

      <div role="status" className="notice-area">
        {notice && <p className="alert alert--success">{notice}</p>}
      </div>

      <dl className="facts">
        <div>
          <dt>{t('inventory.status')}</dt>
          <dd>
            <DeviceStatusBadge status={data.status} />
          </dd>
        </div>
        <div>
          <dt>{t('inventory.tenant')}</dt>
          <dd>{lookups.tenantName(data.tenantId) ?? t('inventory.noTenant')}</dd>
        </div>
        <div>
          <dt>{t('inventory.rack')}</dt>
          <dd>{rackName ?? t('devices.unracked')}</dd>
        </div>
        <div>
          <dt>{t('devices.position')}</dt>
          <dd>
            <DevicePosition device={data} uHeight={type?.uHeight} />
          </dd>
        </div>
        <div>
          <dt>{t('devices.serial')}</dt>
          <dd className="mono">{data.serial ?? t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('devices.assetTag')}</dt>
          <dd className="mono">{data.assetTag ?? t('common.none')}</dd>
        </div>
      </dl>

      <section className="section" aria-labelledby="device-type-title">
        <h2 id="device-type-title" className="section__title">
          {t('devices.typeSection')}
        </h2>
        {deviceType.isPending ? (
          <LoadingState />
        ) : deviceType.isError ? (
          <ErrorState error={deviceType.error} onRetry={() => void deviceType.refetch()} />
        ) : (
          <dl className="facts">
            <div>
              <dt>{t('devices.manufacturer')}</dt>
              <dd>{deviceType.data.manufacturer}</dd>
            </div>
            <div>
              <dt>{t('devices.model')}</dt>
              <dd>{deviceType.data.model}</dd>
            </div>
            <div>
              <dt>{t('devices.partNumber')}</dt>
              <dd className="mono">{deviceType.data.partNumber}</dd>
            </div>
            <div>
              <dt>{t('devices.height')}</dt>
              <dd>{t('racks.units', { units: deviceType.data.uHeight })}</dd>
            </div>
            <div>
              <dt>{t('devices.fullDepth')}</dt>
              <dd>{deviceType.data.isFullDepth ? t('devices.yes') : t('devices.no')}</dd>
            </div>
            <div>
              <dt>{t('devices.airflow')}</dt>
              <dd>{deviceType.data.airflow ?? t('common.none')}</dd>
            </div>
            <div>
              <dt>{t('devices.weight')}</dt>
              <dd>
                {deviceType.data.weightKg === null
                  ? t('common.none')
                  : t('racks.kg', { kg: deviceType.data.weightKg })}
              </dd>
            </div>
            <div>
              <dt>{t('devices.power')}</dt>
              <dd>
                {deviceType.data.powerPorts.length === 0 ? (
                  t('common.none')
                ) : (
                  <ul className="plain-list">
                    {deviceType.data.powerPorts.map((port) => (
                      <li key={port.name}>
                        {t('devices.powerPort', {
                          name: port.name,
                          allocated: port.allocatedDraw ?? t('common.none'),
                          maximum: port.maximumDraw ?? t('common.none'),
                        })}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          </dl>
        )}
      </section>

      {editing && (
        <Dialog
          title={t('deviceForm.editTitle', { name: editing.device.name })}
          onClose={() => setEditing(null)}
        >
          <DeviceForm
            // A new version remounts the form with the values someone else saved.
            key={editing.device.version}
            rackId={editing.device.rackId}
            device={editing.device}
            stale={editing.stale}
            onCancel={() => setEditing(null)}
            onStale={(current) => setEditing({ device: current, stale: true })}
            onSaved={(device) => {
              setEditing(null);
              setNotice(t('deviceForm.updated', { name: device.name }));
            }}
          />
        </Dialog>
      )}
    </div>
  );
}
