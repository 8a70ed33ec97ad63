import type { Rack } from '@vigie/shared';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useRack } from '../api/get-rack';
import { useRackElevation } from '../api/get-rack-elevation';
import { RackCapacityPanel } from './capacity-panels';
import { DeviceForm } from './device-form';
import { ElevationTable } from './elevation-table';
import { objectPageState } from './object-page-state';
import { RackElevation } from './rack-elevation';
import { RackStatusBadge } from './status-badge';
import { RackForm } from './rack-form';
import { useCanWriteInventory } from './use-can-write-inventory';
import { useInventoryLookups } from './use-inventory-lookups';

export function RackPage() {
  const t = useT();
  const id = Number(useParams().rackId);
  const validId = Number.isSafeInteger(id) && id > 0;
  const rack = useRack(validId ? id : undefined);
  const elevation = useRackElevation(validId ? id : 0, validId);
  const lookups = useInventoryLookups();
  const canWrite = useCanWriteInventory();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<{ rack: Rack; stale: boolean } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const waiting = objectPageState(rack, validId, {
    to: '/inventory/racks',
    label: t('inventory.racks'),
    loadError: t('inventory.loadError'),
  });
  if (waiting || !rack.data) return waiting;
  const data = rack.data;
  const room = lookups.room(data.roomId);
  const title = t('racks.title', { name: data.name });

  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: title })}</title>
      <header className="page__header">
        <div>
          <p className="breadcrumb">
            <Link to="/inventory/racks">{t('inventory.racks')}</Link>
            {' / '}
            <Link to={`/inventory/rooms/${data.roomId}`}>{room?.name ?? lookups.roomName(data.roomId)}</Link>
          </p>
          <h1 className="page__title">{title}</h1>
        </div>
        <div className="page__actions">
          <Link className="button button--secondary" to={`/inventory/devices?rackId=${data.id}`}>
            {t('racks.devicesLink')}
          </Link>
          <Link className="button button--secondary" to={`/inventory/rooms/${data.roomId}`}>
            {t('racks.floorPlanLink')}
          </Link>
          {canWrite && (
            <>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setNotice(null);
                  setEditing({ rack: data, stale: false });
                }}
              >
                {t('deviceForm.edit')}
              </button>
              <button
                type="button"
                className="button button--primary"
                onClick={() => {
                  setNotice(null);
                  setAdding(true);
                }}
              >
                {t('deviceForm.add')}
              </button>
            </>
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
            <RackStatusBadge status={data.status} />
          </dd>
        </div>
        <div>
          <dt>{t('inventory.tenant')}</dt>
          <dd>{lookups.tenantName(data.tenantId) ?? t('inventory.shared')}</dd>
        </div>
        <div>
          <dt>{t('inventory.row')}</dt>
          <dd>{data.rowLabel}</dd>
        </div>
        <div>
          <dt>{t('racks.gridPosition')}</dt>
          <dd>{t('racks.gridXY', { x: data.gridX + 1, y: data.gridY + 1 })}</dd>
        </div>
        <div>
          <dt>{t('racks.height')}</dt>
          <dd>{t('racks.units', { units: data.uHeight })}</dd>
        </div>
        <div>
          <dt>{t('racks.powerBudget')}</dt>
          <dd>{t('racks.kw', { kw: data.powerBudgetKw })}</dd>
        </div>
        <div>
          <dt>{t('racks.maxWeight')}</dt>
          <dd>{t('racks.kg', { kg: data.maxWeightKg })}</dd>
        </div>
      </dl>

      <RackCapacityPanel rackId={data.id} />

      <section className="section" aria-labelledby="elevation-title">
        <h2 id="elevation-title" className="section__title">
          {t('elevation.title')}
        </h2>
        {elevation.isPending ? (
          <LoadingState />
        ) : elevation.isError ? (
          <ErrorState
            error={elevation.error}
            title={t('elevation.loadError')}
            onRetry={() => void elevation.refetch()}
          />
        ) : (
          <>
            <RackElevation elevation={elevation.data} />
            <details className="disclosure">
              <summary>{t('elevation.tableToggle')}</summary>
              <ElevationTable elevation={elevation.data} />
            </details>
          </>
        )}
      </section>

      {adding && (
        <Dialog title={t('deviceForm.createTitle', { rack: data.name })} onClose={() => setAdding(false)}>
          <DeviceForm
            rackId={data.id}
            device={null}
            onCancel={() => setAdding(false)}
            onSaved={(device) => {
              setAdding(false);
              setNotice(t('deviceForm.created', { name: device.name }));
            }}
          />
        </Dialog>
      )}
      {editing && (
        <Dialog title={t('rackForm.editTitle', { name: editing.rack.name })} onClose={() => setEditing(null)}>
          <RackForm
            key={editing.rack.version}
            rack={editing.rack}
            stale={editing.stale}
            onCancel={() => setEditing(null)}
            onStale={(current) => setEditing({ rack: current, stale: true })}
            onSaved={(rack) => {
              setEditing(null);
              setNotice(t('rackForm.updated', { name: rack.name }));
            }}
          />
        </Dialog>
      )}
    </div>
  );
}
