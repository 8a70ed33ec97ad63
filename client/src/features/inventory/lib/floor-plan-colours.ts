import type { FloorPlan, FloorPlanMeasure, FloorPlanRack } from '@vigie/shared';

/** Bands of a percentage measure: below 60 %, 60–80 %, 80–95 %, 95–100 %, over 100 %, unknown. */
export const percentBands = ['low', 'medium', 'high', 'full', 'over', 'unknown'] as const;
export type PercentBand = (typeof percentBands)[number];

export const incidentBands = ['none', 'one', 'several'] as const;
export type IncidentBand = (typeof incidentBands)[number];

export interface Swatch {
  fill: string;
  /** Text drawn on the fill; each pair reaches 4.5:1. */
  text: string;
}

// A sequential green → red scale; the last steps also differ in lightness for colour-blind users.
const percentSwatches: Record<PercentBand, Swatch> = {
  low: { fill: '#dafbe1', text: '#0f3d1c' },
  medium: { fill: '#fff1c5', text: '#4d3000' },
  high: { fill: '#ffc680', text: '#3d2300' },
  full: { fill: '#d1242f', text: '#ffffff' },
  over: { fill: '#6e0b0b', text: '#ffffff' },
  unknown: { fill: '#eaeef2', text: '#1b1f24' },
};

const incidentSwatches: Record<IncidentBand, Swatch> = {
  none: { fill: '#dafbe1', text: '#0f3d1c' },
  one: { fill: '#ffc680', text: '#3d2300' },
  several: { fill: '#d1242f', text: '#ffffff' },
};

/** Categorical, distinguishable in pairs, dark enough for white text. */
const tenantPalette: readonly string[] = [
  '#1f5fbf',
  '#8a3ffc',
  '#0e7c6b',
  '#b3261e',
  '#7d4e00',
  '#5e4db2',
  '#005f87',
  '#9a3412',
];
const sharedSwatch: Swatch = { fill: '#eaeef2', text: '#1b1f24' };

export function percentBand(percent: number | null): PercentBand {
  if (percent === null || !Number.isFinite(percent)) return 'unknown';
  if (percent < 60) return 'low';
  if (percent < 80) return 'medium';
  if (percent < 95) return 'high';
  if (percent <= 100) return 'full';
  return 'over';
}

export function incidentBand(count: number): IncidentBand {
  if (count <= 0) return 'none';
  return count === 1 ? 'one' : 'several';
}

/** A stable colour per tenant: its place in the plan's tenant list (sorted by id), round the palette. */
export function tenantSwatch(tenantId: number | null, tenants: FloorPlan['tenants']): Swatch {
  if (tenantId === null) return sharedSwatch;
  const ids = tenants.map((tenant) => tenant.id).sort((a, b) => a - b);
  const index = ids.indexOf(tenantId);
  const fill = tenantPalette[(index < 0 ? tenantId : index) % tenantPalette.length] ?? '#1f5fbf';
  return { fill, text: '#ffffff' };
}

/** The legend key a rack falls in for a measure: a band, or a tenant id (`tenant:3`, `tenant:none`). */
export function rackLegendKey(rack: FloorPlanRack, measure: FloorPlanMeasure): string {
  switch (measure) {
    case 'u_used':
      return percentBand(rack.uUsedPercent);
    case 'power':
      return percentBand(rack.powerPercent);
    case 'incidents':
      return incidentBand(rack.openIncidents);
    case 'tenant':
      return rack.tenantId === null ? 'tenant:none' : `tenant:${rack.tenantId}`;
  }
}

export function rackSwatch(
  rack: FloorPlanRack,
  measure: FloorPlanMeasure,
  tenants: FloorPlan['tenants'],
): Swatch {
  switch (measure) {
    case 'u_used':
      return percentSwatches[percentBand(rack.uUsedPercent)];
    case 'power':
      return percentSwatches[percentBand(rack.powerPercent)];
    case 'incidents':
      return incidentSwatches[incidentBand(rack.openIncidents)];
    case 'tenant':
      return tenantSwatch(rack.tenantId, tenants);
  }
}

export type LegendEntry =
  | { kind: 'percent'; band: PercentBand; swatch: Swatch; count: number }
  | { kind: 'incidents'; band: IncidentBand; swatch: Swatch; count: number }
  | { kind: 'tenant'; tenant: FloorPlan['tenants'][number] | null; swatch: Swatch; count: number };

/** The legend of a measure, with how many racks of the plan fall in each entry. */
export function legendEntries(plan: FloorPlan, measure: FloorPlanMeasure): LegendEntry[] {
  const counts = new Map<string, number>();
  for (const rack of plan.racks) {
    const key = rackLegendKey(rack, measure);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const count = (key: string) => counts.get(key) ?? 0;
  switch (measure) {
    case 'u_used':
    case 'power':
      return percentBands
        .filter((band) => (band !== 'over' && band !== 'unknown') || count(band) > 0)
        .map((band) => ({ kind: 'percent', band, swatch: percentSwatches[band], count: count(band) }));
    case 'incidents':
      return incidentBands.map((band) => ({
        kind: 'incidents',
        band,
        swatch: incidentSwatches[band],
        count: count(band),
      }));
    case 'tenant': {
      const entries: LegendEntry[] = [...plan.tenants]
        .sort((a, b) => a.id - b.id)
        .map((tenant) => ({
          kind: 'tenant',
          tenant,
          swatch: tenantSwatch(tenant.id, plan.tenants),
          count: count(`tenant:${tenant.id}`),
        }));
      entries.push({ kind: 'tenant', tenant: null, swatch: sharedSwatch, count: count('tenant:none') });
      return entries;
    }
  }
}
