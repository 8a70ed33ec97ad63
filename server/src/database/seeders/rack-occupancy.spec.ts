import { describe, expect, it } from 'vitest';
import { RackOccupancy } from './rack-occupancy.js';

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
