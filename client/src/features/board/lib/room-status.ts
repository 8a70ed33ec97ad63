import type { FloorPlan, FloorPlanRack } from '@vigie/shared';

/** Power at or above this share of the budget is worth a look before the next installation. */
export const powerWatchPercent = 90;

/** What a coordinator reads of a room at a glance: fill, power, and the racks that need attention. */
export interface RoomStatus {
  racks: number;
  uUsedPercent: number | null;
  powerPercent: number | null;
  openIncidents: number;
  /** Racks with open incidents first (most first), then racks by power share, highest first. */
  attention: FloorPlanRack[];
}

const share = (used: number, total: number) => (total > 0 ? (used / total) * 100 : null);

export function needsAttention(rack: FloorPlanRack): boolean {
  return rack.openIncidents > 0 || (rack.powerPercent ?? 0) >= powerWatchPercent;
}

export function roomStatusOf(plan: FloorPlan): RoomStatus {
  const racks = plan.racks.filter((rack) => rack.status !== 'decommissioned');
  const sum = (pick: (rack: FloorPlanRack) => number) => racks.reduce((total, rack) => total + pick(rack), 0);
  return {
    racks: racks.length,
    uUsedPercent: share(
      sum((rack) => rack.uUsed),
      sum((rack) => rack.uTotal),
    ),
    powerPercent: share(
      sum((rack) => rack.powerAllocatedW),
      sum((rack) => rack.powerBudgetW),
    ),
    openIncidents: sum((rack) => rack.openIncidents),
    attention: racks
      .filter(needsAttention)
      .sort(
        (a, b) =>
          b.openIncidents - a.openIncidents ||
          (b.powerPercent ?? 0) - (a.powerPercent ?? 0) ||
          a.name.localeCompare(b.name),
      ),
  };
}
