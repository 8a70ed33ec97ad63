import { floorPlanMeasures, type FloorPlanMeasure } from '@vigie/shared';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useFloorPlan } from '../api/get-floor-plan';
import { useRoom } from '../api/get-room';
import { readEnumParam, withFilter } from '../lib/list-filters';
import { RoomCapacityPanel } from './capacity-panels';
import { FloorPlanDrawing, FloorPlanLegend, rackMeasureText } from './floor-plan';
import { objectPageState } from './object-page-state';
import { RackStatusBadge } from './status-badge';
import { useInventoryLookups } from './use-inventory-lookups';

export function RoomPage() {
  const t = useT();
  const id = Number(useParams().roomId);
  const validId = Number.isSafeInteger(id) && id > 0;
  const [params, setParams] = useSearchParams();
  // Local state answers the click at once; the query string keeps the choice for links and reloads.
  const [measure, setMeasure] = useState<FloorPlanMeasure>(
    () => readEnumParam(params, 'measure', floorPlanMeasures) ?? 'u_used',
  );
  const room = useRoom(validId ? id : 0, validId);
  const plan = useFloorPlan(validId ? id : 0, validId);
  const lookups = useInventoryLookups();

  const waiting = objectPageState(room, validId, {
    to: '/inventory/rooms',
    label: t('inventory.rooms'),
    loadError: t('inventory.loadError'),
  });
  if (waiting || !room.data) return waiting;
  const title = room.data.name;

  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: title })}</title>
      <header className="page__header">
        <div>
          <p className="breadcrumb">
            <Link to="/inventory/rooms">{t('inventory.rooms')}</Link>
            {' / '}
            <Link to={`/inventory/sites/${room.data.siteId}`}>{lookups.siteName(room.data.siteId)}</Link>
          </p>
          <h1 className="page__title">{title}</h1>
        </div>
        <div className="page__actions">
          <Link className="button button--secondary" to={`/inventory/racks?roomId=${room.data.id}`}>
            {t('rooms.racksLink', { name: room.data.name })}
          </Link>
        </div>
      </header>

      <section className="section" aria-labelledby="floor-plan-title">
        <h2 id="floor-plan-title" className="section__title">
          {t('rooms.floorPlan')}
        </h2>
        <fieldset className="segmented">
          <legend className="segmented__legend">{t('floorPlan.measure')}</legend>
          {floorPlanMeasures.map((option) => (
            <label key={option} className="segmented__option">
              <input
                type="radio"
                name="floor-plan-measure"
                value={option}
                checked={measure === option}
                onChange={() => {
                  setMeasure(option);
                  setParams(withFilter(params, 'measure', option), { replace: true });
                }}
              />
              {t(`floorPlan.measure.${option}`)}
            </label>
          ))}
        </fieldset>
        {plan.isPending ? (
          <LoadingState />
        ) : plan.isError ? (
          <ErrorState
            error={plan.error}
            title={t('floorPlan.loadError')}
            onRetry={() => void plan.refetch()}
          />
        ) : plan.data.racks.length === 0 ? (
          <EmptyState title={t('floorPlan.empty')} />
        ) : (
          <>
            <div className="floor-plan">
              <FloorPlanDrawing plan={plan.data} measure={measure} />
              <FloorPlanLegend plan={plan.data} measure={measure} />
            </div>
            <details className="disclosure">
              <summary>{t('floorPlan.tableToggle')}</summary>
              <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="floor-plan-caption">
                <table className="table">
                  <caption id="floor-plan-caption" className="visually-hidden">
                    {t('floorPlan.tableCaption', { name: room.data.name })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('inventory.rack')}</th>
                      <th scope="col">{t('inventory.row')}</th>
                      <th scope="col">{t('inventory.status')}</th>
                      <th scope="col">{t(`floorPlan.measure.${measure}`)}</th>
                      <th scope="col">{t('floorPlan.uUsed')}</th>
                      <th scope="col">{t('floorPlan.power')}</th>
                      <th scope="col">{t('floorPlan.incidentsCol')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {plan.data.racks.map((rack) => (
                      <tr key={rack.rackId}>
                        <th scope="row">
                          <Link to={`/inventory/racks/${rack.rackId}`}>{rack.name}</Link>
                        </th>
                        <td>{rack.rowLabel}</td>
                        <td>
                          <RackStatusBadge status={rack.status} />
                        </td>
                        <td>{rackMeasureText(rack, measure, plan.data, t)}</td>
                        <td className="nowrap">
                          {t('floorPlan.units', { used: rack.uUsed, total: rack.uTotal })}
                        </td>
                        <td className="nowrap">
                          {t('floorPlan.watts', {
                            allocated: rack.powerAllocatedW,
                            budget: rack.powerBudgetW,
                          })}
                        </td>
                        <td>{rack.openIncidents}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </>
        )}
      </section>

      <RoomCapacityPanel roomId={room.data.id} />
    </div>
  );
}
