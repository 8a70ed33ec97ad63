import { describe, expect, it } from 'vitest';
import { allocatedDrawOf } from './demo-device-catalogue.js';
import { NameBook } from './demo-identifiers.js';
import { planRacks } from './demo-rack-layout.js';
import { fillRack } from './demo-rack-fill.js';
import { RackOccupancy } from '../../inventory/rack-occupancy.js';
import { SeededRandom } from './seeded-random.js';

function fillAll(seed: number) {
  const random = new SeededRandom(seed);
  const names = new NameBook();
  return planRacks(random).map((rack) => ({ rack, devices: fillRack(rack, names, random) }));
}

describe('demo rack fill', () => {
  const site = fillAll(20261123);

  it('is the same for the same seed and differs for another', () => {
    const summary = (racks: typeof site) =>
      racks.map(({ rack, devices }) => [
        rack.name,
        rack.tenant,
        devices.map((d) => [d.name, d.position, d.face]),
      ]);
    expect(summary(fillAll(20261123))).toEqual(summary(site));
    expect(summary(fillAll(7))).not.toEqual(summary(site));
  });

  it('never stacks two devices on the same units of a face, and keeps them inside the rack', () => {
    for (const { rack, devices } of site) {
      const check = new RackOccupancy(rack.uHeight);
      for (const device of devices) {
        if (device.entry.uHeight === 0) {
          expect(device.position).toBeNull();
          continue;
        }
        expect(device.position).not.toBeNull();
        expect(() =>
          check.occupy(device.position!, device.entry.uHeight, device.face, device.entry.isFullDepth),
        ).not.toThrow();
      }
    }
  });

  it('stays within each rack power budget', () => {
    for (const { rack, devices } of site) {
      const load = devices.reduce((sum, device) => sum + allocatedDrawOf(device.entry), 0);
      expect(load).toBeLessThanOrEqual(rack.powerBudgetKw * 1000);
    }
  });

  it('gives every device a distinct name and leaves planned and decommissioned racks empty', () => {
    const names = site.flatMap(({ devices }) => devices.map((device) => device.name));
    expect(new Set(names).size).toBe(names.length);
    for (const { rack, devices } of site) {
      if (rack.status === 'planned' || rack.status === 'decommissioned') expect(devices).toEqual([]);
    }
  });
});
