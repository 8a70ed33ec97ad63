import { describe, expect, it } from 'vitest';
import { capacityFigures, rackLoad } from './rack-capacity.js';
import type { TypeLoad } from './rack-load.repository.js';

const types = new Map<number, TypeLoad>([
  [1, { uHeight: 2, isFullDepth: true, drawW: 800, weightKg: 25 }],
  [2, { uHeight: 1, isFullDepth: false, drawW: 50, weightKg: 3 }],
  [3, { uHeight: 0, isFullDepth: false, drawW: 0, weightKg: 8 }],
]);
const rack = { uHeight: 10, powerBudgetKw: 2, maxWeightKg: 100 };

describe('rack capacity', () => {
  it('counts units used on either face once, power and weight of every device', () => {
    const load = rackLoad(
      rack,
      [
        { id: 1, rackId: 1, deviceTypeId: 1, position: 1, face: 'front' },
        { id: 2, rackId: 1, deviceTypeId: 2, position: 5, face: 'front' },
        { id: 3, rackId: 1, deviceTypeId: 2, position: 5, face: 'rear' },
        { id: 4, rackId: 1, deviceTypeId: 3, position: null, face: null },
      ],
      types,
    );
    expect(load).toMatchObject({ uUsed: 3, powerAllocatedW: 900, weightKg: 39, powerBudgetW: 2000 });
    expect(capacityFigures([load])).toEqual({
      rackCount: 1,
      uTotal: 10,
      uUsed: 3,
      uFree: 7,
      uUsedPercent: 30,
      powerBudgetW: 2000,
      powerAllocatedW: 900,
      powerPercent: 45,
      weightMaxKg: 100,
      weightKg: 39,
      weightPercent: 39,
    });
  });

  it('adds racks together and has no percentage without a limit', () => {
    const empty = rackLoad({ uHeight: 42, powerBudgetKw: 0, maxWeightKg: 0 }, [], types);
    const figures = capacityFigures([empty, empty]);
    expect(figures).toMatchObject({
      rackCount: 2,
      uTotal: 84,
      uFree: 84,
      powerPercent: null,
      weightPercent: null,
    });
  });
});
