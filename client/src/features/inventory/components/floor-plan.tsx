import type { FloorPlan as FloorPlanShape, FloorPlanMeasure, FloorPlanRack } from '@vigie/shared';
import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../../lib/i18n/i18n-provider';
import type { Translate } from '../../../lib/i18n/translate';
import { legendEntries, rackSwatch, type LegendEntry } from '../lib/floor-plan-colours';
import { truncateWords } from '../lib/truncate-words';

const tilePx = 40;

function percentText(value: number | null, t: Translate): string {
  return value === null ? t('floorPlan.band.unknown') : t('floorPlan.percent', { value: Math.round(value) });
}

/** What a rack shows for a measure, in words (its tile's label and its row in the table). */
export function rackMeasureText(
  rack: FloorPlanRack,
  measure: FloorPlanMeasure,
  plan: FloorPlanShape,
  t: Translate,
): string {
  switch (measure) {
    case 'u_used':
      return percentText(rack.uUsedPercent, t);
    case 'power':
      return percentText(rack.powerPercent, t);
    case 'incidents':
      return t('floorPlan.openIncidents', { count: rack.openIncidents });
    case 'tenant':
      return rack.tenantId === null
        ? t('floorPlan.sharedRack')
        : (plan.tenants.find((tenant) => tenant.id === rack.tenantId)?.name ?? `#${rack.tenantId}`);
  }
}

/** The short text written on a tile under the rack's name. */
function tileValue(rack: FloorPlanRack, measure: FloorPlanMeasure, plan: FloorPlanShape): string {
  switch (measure) {
    case 'u_used':
      return rack.uUsedPercent === null ? '–' : `${Math.round(rack.uUsedPercent)}%`;
    case 'power':
      return rack.powerPercent === null ? '–' : `${Math.round(rack.powerPercent)}%`;
    case 'incidents':
      return String(rack.openIncidents);
    case 'tenant':
      return rack.tenantId === null
        ? '–'
        : (plan.tenants.find((tenant) => tenant.id === rack.tenantId)?.code ?? '?');
  }
}

export function legendLabel(entry: LegendEntry, t: Translate): string {
  switch (entry.kind) {
    case 'percent':
      return t(`floorPlan.band.${entry.band}`);
    case 'incidents':
      return t(`floorPlan.incidents.${entry.band}`);
    case 'tenant':
      return entry.tenant ? entry.tenant.name : t('floorPlan.sharedRack');
  }
}

export function FloorPlanLegend({ plan, measure }: { plan: FloorPlanShape; measure: FloorPlanMeasure }) {
  const t = useT();
  const title = t('floorPlan.legend', { measure: t(`floorPlan.measure.${measure}`) });
  return (
    <section className="legend-box" aria-labelledby="floor-plan-legend" data-testid="floor-plan-legend">
      <h3 id="floor-plan-legend" className="legend-box__title">
        {title}
      </h3>
      <ul className="legend">
        {legendEntries(plan, measure).map((entry) => {
          const label = legendLabel(entry, t);
          return (
            <li key={label} className="legend__item">
              <span className="legend__swatch" style={{ background: entry.swatch.fill }} aria-hidden="true" />
              {label}
              <span className="legend__count">({t('floorPlan.racksCount', { count: entry.count })})</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function FloorPlanDrawing({ plan, measure }: { plan: FloorPlanShape; measure: FloorPlanMeasure }) {
  const t = useT();
  const navigate = useNavigate();
  const { gridColumns, gridRows, name } = plan.room;
  const width = gridColumns * tilePx;
  const height = gridRows * tilePx;
  const follow = (event: MouseEvent<Element>, href: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void navigate(href);
  };

  return (
    <div className="floor-plan__scroll">
      <svg
        className="floor-plan__svg"
        viewBox={`-1 -1 ${width + 2} ${height + 2}`}
        style={{ minWidth: `${gridColumns * 30}px` }}
        role="group"
        aria-label={t('floorPlan.figure', { name, measure: t(`floorPlan.measure.${measure}`) })}
        data-testid="floor-plan"
        data-measure={measure}
      >
        <rect className="floor-plan__floor" x={0} y={0} width={width} height={height} />
        <g aria-hidden="true">
          {Array.from({ length: gridColumns + 1 }, (_, index) => (
            <line
              key={`c${index}`}
              className="floor-plan__grid"
              x1={index * tilePx}
              x2={index * tilePx}
              y1={0}
              y2={height}
            />
          ))}
          {Array.from({ length: gridRows + 1 }, (_, index) => (
            <line
              key={`r${index}`}
              className="floor-plan__grid"
              x1={0}
              x2={width}
              y1={index * tilePx}
              y2={index * tilePx}
            />
          ))}
        </g>
        {plan.racks.map((rack) => {
          const swatch = rackSwatch(rack, measure, plan.tenants);
          const href = `/inventory/racks/${rack.rackId}`;
          const value = rackMeasureText(rack, measure, plan, t);
          const label = t('floorPlan.rackLabel', {
            name: rack.name,
            // The tile shows the tenant's code: the name says it too, for voice control users.
            value:
              measure === 'tenant' && rack.tenantId !== null
                ? `${tileValue(rack, measure, plan)} (${value})`
                : value,
          });
          const x = rack.gridX * tilePx;
          const y = rack.gridY * tilePx;
          return (
            <a
              key={rack.rackId}
              href={href}
              aria-label={label}
              className="floor-plan__rack"
              data-testid={`floor-plan-rack-${rack.name}`}
              onClick={(event) => follow(event, href)}
            >
              <title>{label}</title>
              <rect
                x={x + 2}
                y={y + 2}
                width={tilePx - 4}
                height={tilePx - 4}
                rx={3}
                fill={swatch.fill}
                className={
                  rack.status === 'planned' || rack.status === 'decommissioned'
                    ? 'floor-plan__tile floor-plan__tile--inactive'
                    : 'floor-plan__tile'
                }
              />
              <text
                x={x + tilePx / 2}
                y={y + 15}
                textAnchor="middle"
                fill={swatch.text}
                className="floor-plan__name"
                aria-hidden="true"
              >
                {truncateWords(rack.name, 6)}
              </text>
              {/* Keeps the name and the value two words in the link's visible text (label-in-name). */}{' '}
              <text
                x={x + tilePx / 2}
                y={y + 29}
                textAnchor="middle"
                fill={swatch.text}
                className="floor-plan__value"
                aria-hidden="true"
              >
                {tileValue(rack, measure, plan)}
              </text>
            </a>
          );
        })}
      </svg>
    </div>
  );
}
