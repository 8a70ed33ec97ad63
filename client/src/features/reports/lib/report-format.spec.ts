import { describe, expect, it } from 'vitest';
import { formatDelta, formatFigure, formatMinutes } from './report-format';

// Intl separates thousands and units with (narrow) no-break spaces in French.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('report formats', () => {
  it('writes durations short: minutes, hours and minutes, days and hours', () => {
    expect(plain(formatMinutes(4.5, 'fr'))).toBe('4,5 min');
    expect(formatMinutes(45, 'en')).toBe('45 min');
    expect(formatMinutes(125, 'fr')).toBe('2 h 05');
    expect(formatMinutes(3 * 1440 + 250, 'fr')).toBe('3 j 4 h');
    expect(formatMinutes(3 * 1440 + 250, 'en')).toBe('3 d 4 h');
  });

  it('writes percentages, counts and nothing-to-measure', () => {
    expect(plain(formatFigure(95.25, 'percent', 'fr'))).toBe('95,3 %');
    expect(formatFigure(95.25, 'percent', 'en')).toBe('95.3 %');
    expect(plain(formatFigure(99.9876, 'precisePercent', 'fr'))).toBe('99,988 %');
    expect(plain(formatFigure(2700, 'count', 'fr'))).toBe('2 700');
    expect(formatFigure(null, 'minutes', 'fr')).toBe('—');
  });

  it('signs the change since the previous period', () => {
    expect(plain(formatDelta(2.25, 'percent', 'fr'))).toBe('+2,3 pt');
    expect(formatDelta(-3, 'count', 'en')).toBe('−3');
    expect(formatDelta(-90, 'minutes', 'en')).toBe('−1 h 30');
  });
});
