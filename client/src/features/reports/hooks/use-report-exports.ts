import type { ReportScopeQuery, SteeringTable } from '@vigie/shared';
import { createContext, use } from 'react';
import { useLocale } from '../../../lib/i18n/i18n-provider';
import { steeringExportUrl } from '../lib/report-selection';

/** The scope of the report on screen, for its export links. */
export const ReportScopeContext = createContext<ReportScopeQuery | null>(null);

export function useReportScope(): ReportScopeQuery {
  const scope = use(ReportScopeContext);
  if (!scope) throw new Error('useReportScope must be used inside the report view');
  return scope;
}

/** The PDF pack and CSV tables of the report on screen, worded in the interface's language. */
export function useReportExports() {
  const scope = useReportScope();
  const { locale } = useLocale();
  return {
    pdf: steeringExportUrl(scope, locale),
    csv: (table: SteeringTable) => steeringExportUrl(scope, locale, table),
  };
}
