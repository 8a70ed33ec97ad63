import type { FloorPlan, FloorPlanRack } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import {
  incidentBand,
  legendEntries,
  percentBand,
  rackLegendKey,
  rackSwatch,
  tenantSwatch,
} from './floor-plan-colours';

function rack(overrides: Partial<FloorPlanRack>): FloorPlanRack {
  return {
    rackId: 1,
    name: 'A01',
    rowLabel: 'A',
    gridX: 0,
    gridY: 0,
    status: 'active',
    tenantId: null,
    uTotal: 42,
    uUsed: 21,
    uUsedPercent: 50,
    powerBudgetW: 6000,
    powerAllocatedW: 5700,
    powerPercent: 95,
    openIncidents: 0,
    ...overrides,
  };
}

const tenants: FloorPlan['tenants'] = [
  { id: 4, code: 'KORE', name: 'Kore Cloud' },
  { id: 1, code: 'NOVA', name: 'Novabank' },
];

describe('floor-plan colour scales', () => {
  it('bands percentages, with the limits on the upper band', () => {
    expect([0, 59.9, 60, 79.9, 80, 94.9, 95, 100, 100.1].map(percentBand)).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'full',
      'full',
      'over',
    ]);
    expect(percentBand(null)).toBe('unknown');
  });

  it('bands open incidents', () => {
    expect([0, 1, 2, 7].map(incidentBand)).toEqual(['none', 'one', 'several', 'several']);
  });

  it('colours the same rack differently per measure', () => {
    const subject = rack({ uUsedPercent: 50, powerPercent: 97, openIncidents: 2, tenantId: 1 });
    expect(rackLegendKey(subject, 'u_used')).toBe('low');
    expect(rackLegendKey(subject, 'power')).toBe('full');
    expect(rackLegendKey(subject, 'incidents')).toBe('several');
    expect(rackLegendKey(subject, 'tenant')).toBe('tenant:1');
    expect(rackSwatch(subject, 'u_used', tenants).fill).not.toBe(rackSwatch(subject, 'power', tenants).fill);
  });

  it('gives each tenant its own stable colour, and shared racks a neutral one', () => {
    const nova = tenantSwatch(1, tenants);
    const kore = tenantSwatch(4, tenants);
    expect(nova.fill).not.toBe(kore.fill);
    expect(tenantSwatch(1, [...tenants].reverse())).toEqual(nova);
    expect(tenantSwatch(null, tenants).fill).toBe('#eaeef2');
  });

  it('builds a legend per measure, counting the racks in each entry', () => {
    const plan: FloorPlan = {
      room: { id: 1, siteId: 1, name: 'Salle A', gridColumns: 10, gridRows: 5, version: 1 },
      tenants,
      racks: [
        rack({ rackId: 1, uUsedPercent: 10, tenantId: 1 }),
        rack({ rackId: 2, uUsedPercent: 90, tenantId: null }),
        rack({ rackId: 3, uUsedPercent: null, powerPercent: 130, tenantId: 1 }),
      ],
    };
    const used = legendEntries(plan, 'u_used');
    expect(used.map((entry) => (entry.kind === 'percent' ? [entry.band, entry.count] : null))).toEqual([
      ['low', 1],
      ['medium', 0],
      ['high', 1],
      ['full', 0],
      ['unknown', 1],
    ]);
    const power = legendEntries(plan, 'power');
    expect(
      power.some((entry) => entry.kind === 'percent' && entry.band === 'over' && entry.count === 1),
    ).toBe(true);
    const byTenant = legendEntries(plan, 'tenant');
    expect(
      byTenant.map((entry) => (entry.kind === 'tenant' ? [entry.tenant?.code ?? null, entry.count] : null)),
    ).toEqual([
      ['NOVA', 2],
      ['KORE', 0],
      [null, 1],
    ]);
  });
});
