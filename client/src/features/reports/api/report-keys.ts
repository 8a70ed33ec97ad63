import type { ReportScopeQuery } from '@vigie/shared';
import type { DrillTarget } from '../lib/drill-target';

export const reportKeys = {
  all: ['reports'] as const,
  steering: (scope: ReportScopeQuery) => ['reports', 'steering', scope] as const,
  items: (scope: ReportScopeQuery, target: DrillTarget) => ['reports', 'items', scope, target] as const,
};
