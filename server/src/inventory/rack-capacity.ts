import type { CapacityFigures } from '@vigie/shared';
import { percentOf } from './power-draw.js';
import type { MountedDevice, TypeLoad } from './rack-load.repository.js';
import { mountingProblem, RackOccupancy } from './rack-occupancy.js';

/** The physical limits of a rack. */
export interface RackLimits {
  uHeight: number;
  powerBudgetKw: number;
  maxWeightKg: number;
}

/** What one rack holds, in absolute figures, before any percentages. */
export interface RackLoad {
  uTotal: number;
  uUsed: number;
  powerBudgetW: number;
  powerAllocatedW: number;
  weightMaxKg: number;
  weightKg: number;
  occupancy: RackOccupancy;
}

/**
 * Units used on either face: the length of the union of the mounted devices' unit ranges (a device
 * that could not be mounted where it is recorded, e.g. outside the rack, takes none).
 */
export function usedUnits(
  rackHeight: number,
  devices: readonly MountedDevice[],
  types: Map<number, TypeLoad>,
): number {
  const ranges: [number, number][] = [];
  for (const device of devices) {
    const type = types.get(device.deviceTypeId);
    if (!type || device.position === null || device.face === null || type.uHeight === 0) continue;
    if (mountingProblem(rackHeight, device.position, type.uHeight) !== null) continue;
    ranges.push([device.position, device.position + type.uHeight]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let used = 0;
  let reach = 1;
  for (const [from, to] of ranges) {
    if (to <= reach) continue;
    used += to - Math.max(from, reach);
    reach = to;
  }
  return used;
}

/** Power counted for the devices of a rack, in watts. */
export function powerOf(devices: readonly MountedDevice[], types: Map<number, TypeLoad>): number {
  return devices.reduce((total, device) => total + (types.get(device.deviceTypeId)?.drawW ?? 0), 0);
}

/** The load of a rack from its devices. Zero-U and unpositioned devices draw power but take no unit. */
export function rackLoad(
  rack: RackLimits,
  devices: readonly MountedDevice[],
  types: Map<number, TypeLoad>,
): RackLoad {
  const occupancy = new RackOccupancy(rack.uHeight);
  let powerAllocatedW = 0;
  let weightKg = 0;
  for (const device of devices) {
    const type = types.get(device.deviceTypeId);
    if (!type) continue;
    powerAllocatedW += type.drawW;
    weightKg += type.weightKg;
    if (device.position === null || device.face === null || type.uHeight === 0) continue;
    if (occupancy.isFree(device.position, type.uHeight, device.face, type.isFullDepth)) {
      occupancy.occupy(device.position, type.uHeight, device.face, type.isFullDepth, device.id);
    }
  }
  return {
    uTotal: rack.uHeight,
    uUsed: usedUnits(rack.uHeight, devices, types),
    powerBudgetW: rack.powerBudgetKw * 1000,
    powerAllocatedW,
    weightMaxKg: rack.maxWeightKg,
    weightKg: Math.round(weightKg * 10) / 10,
    occupancy,
  };
}

/** Sums rack loads into the figures of a rack, a row, a room or a site. */
export function capacityFigures(loads: readonly RackLoad[]): CapacityFigures {
  const sum = (pick: (load: RackLoad) => number) => loads.reduce((total, load) => total + pick(load), 0);
  const uTotal = sum((load) => load.uTotal);
  const uUsed = sum((load) => load.uUsed);
  const powerBudgetW = sum((load) => load.powerBudgetW);
  const powerAllocatedW = sum((load) => load.powerAllocatedW);
  const weightMaxKg = sum((load) => load.weightMaxKg);
  const weightKg = Math.round(sum((load) => load.weightKg) * 10) / 10;
  return {
    rackCount: loads.length,
    uTotal,
    uUsed,
    uFree: uTotal - uUsed,
    uUsedPercent: percentOf(uUsed, uTotal),
    powerBudgetW,
    powerAllocatedW,
    powerPercent: percentOf(powerAllocatedW, powerBudgetW),
    weightMaxKg,
    weightKg,
    weightPercent: percentOf(weightKg, weightMaxKg),
  };
}
