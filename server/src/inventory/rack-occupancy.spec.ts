import { describe, expect, it } from 'vitest';
import { mountingProblem, RackOccupancy } from './rack-occupancy.js';

describe('RackOccupancy', () => {
  it('lets two half-depth devices share a unit on opposite faces, but not a full-depth one', () => {
    const rack = new RackOccupancy(42);
    rack.occupy(42, 1, 'front', false);
    expect(rack.isFree(42, 1, 'rear', false)).toBe(true);
    rack.occupy(42, 1, 'rear', false);
    expect(rack.isFree(42, 1, 'front', true)).toBe(false);
  });

  it('blocks both faces under a full-depth device', () => {
    const rack = new RackOccupancy(42);
    rack.occupy(10, 2, 'front', true);
    expect(rack.isFree(11, 1, 'rear', false)).toBe(false);
    expect(rack.isFree(12, 1, 'rear', false)).toBe(true);
    expect(rack.isFree(9, 2, 'front', false)).toBe(false);
  });

  it('refuses positions outside the rack', () => {
    const rack = new RackOccupancy(42);
    expect(rack.isFree(0, 1, 'front', true)).toBe(false);
    expect(rack.isFree(42, 2, 'front', true)).toBe(false);
    expect(rack.isFree(41, 2, 'front', true)).toBe(true);
    expect(() => rack.occupy(43, 1, 'front', true)).toThrow();
  });

  it('places half units on half-unit boundaries', () => {
    const rack = new RackOccupancy(4);
    rack.occupy(1, 0.5, 'front', false);
    expect(rack.lowestFree(0.5, 'front', false)).toBe(1.5);
    expect(rack.lowestFree(1, 'front', false)).toBe(2);
    expect(rack.isFree(1.5, 1, 'front', false)).toBe(true);
    expect(rack.freeUnits('front')).toBe(3.5);
  });

  it('finds the lowest free position within bounds, or none', () => {
    const rack = new RackOccupancy(10);
    rack.occupy(1, 4, 'front', true);
    expect(rack.lowestFree(2, 'front', true)).toBe(5);
    expect(rack.lowestFree(2, 'front', true, 6, 8)).toBe(6);
    rack.occupy(5, 6, 'front', true);
    expect(rack.lowestFree(1, 'rear', false)).toBeNull();
  });
});

describe('RackOccupancy occupants and free space', () => {
  it('names the devices in the way', () => {
    const rack = new RackOccupancy(42);
    rack.occupy(10, 2, 'front', true, 7);
    rack.occupy(12, 1, 'rear', false, 8);
    expect(rack.occupantsAt(11, 2, 'rear', false).sort()).toEqual([7, 8]);
    expect(rack.occupantsAt(12, 1, 'front', false)).toEqual([]);
    expect(rack.occupantsAt(11, 1, 'front', false)).toEqual([7]);
  });

  it('lists free runs per face, including half units, and counts used units across faces', () => {
    const rack = new RackOccupancy(6);
    rack.occupy(2, 1.5, 'front', false, 1);
    rack.occupy(5, 1, 'rear', false, 2);
    expect(rack.freeRanges('front')).toEqual([
      { from: 1, units: 1 },
      { from: 3.5, units: 3.5 },
    ]);
    expect(rack.freeRanges('front', true)).toEqual([
      { from: 1, units: 1 },
      { from: 3.5, units: 1.5 },
      { from: 6, units: 1 },
    ]);
    expect(rack.usedUnits()).toBe(2.5);
  });
});

describe('mountingProblem', () => {
  it('accepts a device that fits, and a zero-U device without a position', () => {
    expect(mountingProblem(42, 41, 2)).toBeNull();
    expect(mountingProblem(42, null, 0)).toBeNull();
    expect(mountingProblem(42, 1.5, 0.5)).toBeNull();
  });

  it('refuses a zero-U device given a position, a racked device without one, and one that overflows', () => {
    expect(mountingProblem(42, 3, 0)).toBe('zero_u_positioned');
    expect(mountingProblem(42, null, 1)).toBe('position_required');
    expect(mountingProblem(42, 42, 2)).toBe('outside_rack');
    expect(mountingProblem(42, 0, 1)).toBe('outside_rack');
    expect(mountingProblem(42, 1.25, 1)).toBe('misaligned');
  });
});
