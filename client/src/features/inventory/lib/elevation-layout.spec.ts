import type { ElevationDevice, ElevationFace } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import {
  deviceSpan,
  formatUnits,
  layoutFace,
  rangeSpan,
  toBlock,
  unitLabels,
  unitPx,
} from './elevation-layout';

function device(overrides: Partial<ElevationDevice>): ElevationDevice {
  return {
    id: 1,
    name: 'srv-01',
    deviceTypeId: 1,
    typeLabel: 'Dell PowerEdge R650',
    uHeight: 1,
    isFullDepth: true,
    position: 1,
    face: 'front',
    status: 'active',
    tenantId: null,
    tenantName: null,
    ...overrides,
  };
}

describe('elevation layout', () => {
  it('puts unit 1 at the bottom and the top unit at y = 0', () => {
    expect(toBlock(deviceSpan(1, 1), 42)).toEqual({ bottom: 0, top: 1, y: 41 * unitPx, height: unitPx });
    expect(toBlock(deviceSpan(42, 1), 42)).toEqual({ bottom: 41, top: 42, y: 0, height: unitPx });
  });

  it('draws a 2U device from its lowest unit upwards', () => {
    const block = toBlock(deviceSpan(10, 2), 42);
    expect(block.y).toBe((42 - 11) * unitPx);
    expect(block.height).toBe(2 * unitPx);
  });

  it('places half-U devices and positions on half units', () => {
    expect(toBlock(deviceSpan(1.5, 0.5), 42)).toMatchObject({ bottom: 0.5, top: 1, height: unitPx / 2 });
    expect(toBlock(deviceSpan(3, 1.5), 42)).toMatchObject({ bottom: 2, top: 3.5, y: 38.5 * unitPx });
  });

  it('clamps a device that would stick out of the rack', () => {
    expect(toBlock(deviceSpan(42, 2), 42)).toMatchObject({ bottom: 41, top: 42, y: 0, height: unitPx });
  });

  it('reads unit ranges as runs of units from their lowest unit', () => {
    expect(rangeSpan({ from: 3, units: 3 })).toEqual({ bottom: 2, top: 5 });
    expect(formatUnits(rangeSpan({ from: 3, units: 3 }))).toBe('U3–U5');
    expect(formatUnits(deviceSpan(7, 1))).toBe('U7');
    // A half-unit gap above a 1.5U device at U1.
    expect(toBlock(rangeSpan({ from: 2.5, units: 0.5 }), 42)).toMatchObject({
      bottom: 1.5,
      top: 2,
      height: unitPx / 2,
    });
  });

  it('lays out both faces: a full-depth device shows on the rear too, marked as mounted on the front', () => {
    const server = device({ id: 1, position: 10, uHeight: 2, face: 'front', isFullDepth: true });
    const panel = device({ id: 2, position: 42, uHeight: 1, face: 'rear', isFullDepth: false });
    const zeroU = device({ id: 3, position: null, uHeight: 0, face: 'rear' });
    const front: ElevationFace = {
      face: 'front',
      devices: [server],
      freeRanges: [{ from: 1, units: 9 }],
      freeUnits: 9,
    };
    const rear: ElevationFace = {
      face: 'rear',
      devices: [server, panel, zeroU],
      freeRanges: [{ from: 12, units: 30 }],
      freeUnits: 30,
    };

    const frontLayout = layoutFace(front, [], 42);
    expect(frontLayout.devices).toHaveLength(1);
    expect(frontLayout.devices[0]?.mountedHere).toBe(true);
    expect(frontLayout.free).toEqual([{ bottom: 0, top: 9, y: 33 * unitPx, height: 9 * unitPx }]);

    const rearLayout = layoutFace(rear, [{ from: 20, units: 2 }], 42);
    // Top of the rack first; the zero-U device is not in the face's column.
    expect(rearLayout.devices.map((placed) => [placed.device.id, placed.mountedHere])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(rearLayout.hidden).toEqual([{ bottom: 19, top: 21, y: 21 * unitPx, height: 2 * unitPx }]);
  });

  it('numbers every unit, the top one first', () => {
    const labels = unitLabels(4);
    expect(labels).toEqual([
      { unit: 4, y: 0 },
      { unit: 3, y: unitPx },
      { unit: 2, y: 2 * unitPx },
      { unit: 1, y: 3 * unitPx },
    ]);
  });
});
