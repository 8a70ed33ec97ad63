import { describe, expect, it } from 'vitest';
import { allocatedDrawW, percentOf } from './power-draw.js';

describe('allocatedDrawW', () => {
  it('counts each inlet at its allocated draw, else its maximum draw, else nothing', () => {
    expect(
      allocatedDrawW([
        { name: 'PSU1', maximumDraw: 750, allocatedDraw: 400 },
        { name: 'PSU2', maximumDraw: 750 },
        { name: 'PSU3' },
      ]),
    ).toBe(1150);
    expect(allocatedDrawW([])).toBe(0);
  });
});

describe('percentOf', () => {
  it('rounds to one decimal and has no value without a limit', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(5, 4)).toBe(125);
    expect(percentOf(5, 0)).toBeNull();
  });
});
