import type { ReactNode } from 'react';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useDrillDown } from '../hooks/use-drill-down';
import type { DrillTarget } from '../lib/drill-target';

/**
 * A count that opens the records behind it. Nothing to list (0) stays plain text: a button that
 * opens an empty list would only waste a click.
 */
export function DrillValue({
  count,
  target,
  children,
}: {
  count: number;
  target: DrillTarget | undefined;
  children: ReactNode;
}) {
  const t = useT();
  const open = useDrillDown();
  if (!target || count === 0) return <>{children}</>;
  return (
    <button
      type="button"
      className="report-drill"
      title={t('reports.drill.open')}
      onClick={() => open(target)}
      data-figure={target.figure}
    >
      {children}
      <span className="visually-hidden"> — {t('reports.drill.open')}</span>
    </button>
  );
}
