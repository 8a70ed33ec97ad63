import { describe, expect, it } from 'vitest';
import { trendOf } from './trend';

describe('trendOf', () => {
  it('judges a rise as good news when higher is better', () => {
    expect(trendOf(97.5, 95, 'higherIsBetter')).toEqual({
      direction: 'up',
      assessment: 'better',
      delta: 2.5,
    });
    expect(trendOf(90, 95, 'higherIsBetter')).toEqual({ direction: 'down', assessment: 'worse', delta: -5 });
  });

  it('judges a rise as bad news when lower is better (response times, backlog)', () => {
    expect(trendOf(40, 30, 'lowerIsBetter')).toEqual({ direction: 'up', assessment: 'worse', delta: 10 });
    expect(trendOf(20, 30, 'lowerIsBetter')).toEqual({ direction: 'down', assessment: 'better', delta: -10 });
  });

  it('gives a direction without a verdict for neutral figures (volumes)', () => {
    expect(trendOf(12, 10, 'neutral')).toEqual({ direction: 'up', assessment: 'neutral', delta: 2 });
  });

  it('says flat when nothing changed and none when a side has nothing to measure', () => {
    expect(trendOf(5, 5, 'lowerIsBetter')).toEqual({ direction: 'flat', assessment: 'neutral', delta: 0 });
    expect(trendOf(null, 5, 'higherIsBetter')).toEqual({
      direction: 'none',
      assessment: 'neutral',
      delta: null,
    });
    expect(trendOf(5, null, 'higherIsBetter').direction).toBe('none');
  });
});
