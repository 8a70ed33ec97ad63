/*
 * Whether a figure went up or down since the previous period, and whether that is good news:
 * more SLA adherence is better, more minutes to restore is worse, more incidents is just more.
 */

export type Polarity = 'higherIsBetter' | 'lowerIsBetter' | 'neutral';
export type TrendDirection = 'up' | 'down' | 'flat' | 'none';
export type TrendAssessment = 'better' | 'worse' | 'neutral';

export interface Trend {
  direction: TrendDirection;
  assessment: TrendAssessment;
  /** current − previous; null when either side has nothing to measure. */
  delta: number | null;
}

// Figures are rounded for display; a difference below this is no change.
const epsilon = 1e-6;

export function trendOf(current: number | null, previous: number | null, polarity: Polarity): Trend {
  if (current === null || previous === null) return { direction: 'none', assessment: 'neutral', delta: null };
  const delta = current - previous;
  if (Math.abs(delta) < epsilon) return { direction: 'flat', assessment: 'neutral', delta: 0 };
  const direction = delta > 0 ? 'up' : 'down';
  if (polarity === 'neutral') return { direction, assessment: 'neutral', delta };
  const better = (direction === 'up') === (polarity === 'higherIsBetter');
  return { direction, assessment: better ? 'better' : 'worse', delta };
}
