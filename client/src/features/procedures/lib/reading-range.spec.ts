import { describe, expect, it } from 'vitest';
import { formatReadingRange, isInRange, parseReadingInput } from './reading-range';

describe('formatReadingRange', () => {
  it('shows both bounds, one bound, in the reader’s number format', () => {
    expect(formatReadingRange({ min: 18, max: 27, unit: '°C' }, 'en')).toBe('18 – 27 °C');
    expect(formatReadingRange({ min: 0.5, max: 1.5, unit: 'bar' }, 'fr')).toBe('0,5 – 1,5 bar');
    expect(formatReadingRange({ min: 40, unit: '%' }, 'en')).toBe('≥ 40 %');
    expect(formatReadingRange({ max: 60, unit: '%RH' }, 'en')).toBe('≤ 60 %RH');
  });
});

describe('isInRange', () => {
  it('includes the bounds and accepts open ranges', () => {
    expect(isInRange(18, { min: 18, max: 27 })).toBe(true);
    expect(isInRange(27, { min: 18, max: 27 })).toBe(true);
    expect(isInRange(27.1, { min: 18, max: 27 })).toBe(false);
    expect(isInRange(-5, { max: 0 })).toBe(true);
    expect(isInRange(39, { min: 40 })).toBe(false);
  });
});

describe('parseReadingInput', () => {
  it('accepts a decimal comma or point, and refuses text', () => {
    expect(parseReadingInput('42,5')).toBe(42.5);
    expect(parseReadingInput(' 42.5 ')).toBe(42.5);
    expect(parseReadingInput('-3')).toBe(-3);
    expect(parseReadingInput('')).toBeNull();
    expect(parseReadingInput('abc')).toBeNull();
    expect(parseReadingInput('4,2,1')).toBeNull();
  });
});
