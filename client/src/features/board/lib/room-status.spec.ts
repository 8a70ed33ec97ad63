import type { FloorPlan, FloorPlanRack } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import { roomStatusOf } from './room-status';

const rack = (name: string, changes: Partial<FloorPlanRack>): FloorPlanRack => ({
  rackId: name.length,
  name,
  rowLabel: 'A',
  gridX: 0,
  gridY: 0,
  status: 'active',
  tenantId: null,
  uTotal: 42,
  uUsed: 21,
  uUsedPercent: 50,
  powerBudgetW: 5000,
  powerAllocatedW: 2500,
  powerPercent: 50,
  openIncidents: 0,
  ...changes,
});

const plan = (racks: FloorPlanRack[]) => ({ racks, tenants: [] }) as unknown as FloorPlan;

describe('room status', () => {
  it('sums fill and power over the racks in service and lists the racks needing attention', () => {
    const status = roomStatusOf(
      plan([
        rack('A01', { uUsed: 42, powerAllocatedW: 4750, powerPercent: 95 }),
        rack('A02', { openIncidents: 2 }),
        rack('A03', {}),
        rack('A04', { status: 'decommissioned', uUsed: 0, openIncidents: 5 }),
      ]),
    );
    expect(status.racks).toBe(3);
    expect(status.uUsedPercent).toBeCloseTo((84 / 126) * 100);
    expect(status.powerPercent).toBeCloseTo((9750 / 15000) * 100);
    expect(status.openIncidents).toBe(2);
    expect(status.attention.map((item) => item.name)).toEqual(['A02', 'A01']);
  });

  it('has no percentage for a room without racks', () => {
    expect(roomStatusOf(plan([]))).toMatchObject({ racks: 0, uUsedPercent: null, powerPercent: null });
  });
});
