import { describe, expect, it } from 'vitest';
import { NameBook } from './demo-identifiers.js';
import { planRacks } from './demo-rack-layout.js';
import { fillRack } from './demo-rack-fill.js';
import { allocatedDrawW } from '../../inventory/power-draw.js';
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

  /** Power drawn as a share of the budget, counted as capacity counts it, and units used, per rack. */
  const shares = site.map(({ rack, devices }) => {
    const drawW = devices.reduce((sum, device) => sum + allocatedDrawW(device.entry.powerPorts), 0);
    const occupancy = new RackOccupancy(rack.uHeight);
    for (const device of devices) {
      if (device.position !== null)
        occupancy.occupy(device.position, device.entry.uHeight, device.face, device.entry.isFullDepth);
    }
    return { rack, power: drawW / (rack.powerBudgetKw * 1000), units: occupancy.usedUnits() / rack.uHeight };
  });
  const clientRacks = shares.filter(({ rack }) => rack.profile === 'compute' || rack.profile === 'storage');

  it('runs most client racks at 30–80 % of their power budget, a few near it, one over', () => {
    const within = clientRacks.filter(({ power }) => power >= 0.3 && power <= 0.8);
    expect(within.length / clientRacks.length).toBeGreaterThanOrEqual(0.75);
    const near = shares.filter(({ power }) => power >= 0.85 && power <= 0.98);
    expect(near.length).toBeGreaterThanOrEqual(3);
    expect(near.length).toBeLessThanOrEqual(12);
    const over = shares.filter(({ power }) => power > 1);
    expect(over.map(({ rack }) => rack.name)).toEqual(
      shares.filter(({ rack }) => rack.overCommitted).map(({ rack }) => rack.name),
    );
    expect(over).toHaveLength(1);
  });

  it('fills units the way a live hall does: client racks part full, network and core racks light', () => {
    const sorted = clientRacks.map(({ units }) => units).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    expect(median).toBeGreaterThan(0.35);
    expect(median).toBeLessThan(0.75);
    expect(sorted[0]).toBeGreaterThan(0.1);
    for (const { rack, power, units } of shares) {
      expect(units).toBeLessThanOrEqual(1);
      if (rack.profile === 'network' || rack.profile === 'core') {
        expect(power).toBeLessThan(0.8);
        expect(units).toBeGreaterThan(0.2);
      }
    }
  });

  it('gives every device a distinct name and leaves planned and decommissioned racks empty', () => {
    const names = site.flatMap(({ devices }) => devices.map((device) => device.name));
    expect(new Set(names).size).toBe(names.length);
    for (const { rack, devices } of site) {
      if (rack.status === 'planned' || rack.status === 'decommissioned') expect(devices).toEqual([]);
    }
  });

  it("puts tenants' own hand-off routers in the shared core racks, every tenant at least once", () => {
    const guests = site.flatMap(({ rack, devices }) =>
      devices.filter((device) => device.guestOf).map((device) => ({ rack, device })),
    );
    expect(guests.every(({ rack }) => rack.tenant === null && rack.profile === 'core')).toBe(true);
    const cores = site.filter(({ rack }) => rack.profile === 'core');
    expect(guests).toHaveLength(cores.length * 2);
    expect(new Set(guests.map(({ device }) => device.guestOf))).toEqual(
      new Set(['NOVA', 'HELIO', 'ATLAS', 'KORE', 'MERID']),
    );
  });
});
