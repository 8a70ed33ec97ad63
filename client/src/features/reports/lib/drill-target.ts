import type { Priority, ReportFigureKey, SlaMetric } from '@vigie/shared';

/** One figure's records: the figure and the narrowing it was shown with (`GET …/items`). */
export interface DrillTarget {
  figure: ReportFigureKey;
  priority?: Priority;
  metric?: SlaMetric;
  userId?: number;
  /** The previous period's records instead of the report's own. */
  previous?: boolean;
}
