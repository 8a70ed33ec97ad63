import type { SteeringTable } from '@vigie/shared';
import { useId, type ReactNode } from 'react';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useReportExports } from '../hooks/use-report-exports';

/** A part of the report: its heading, the CSV of its table, its content. */
export function ReportSection({
  title,
  table,
  children,
}: {
  title: string;
  /** The CSV table that holds this section's figures. */
  table?: SteeringTable;
  children: ReactNode;
}) {
  const t = useT();
  const headingId = useId();
  const exports = useReportExports();
  return (
    <section className="report-section" aria-labelledby={headingId} data-section={table}>
      <div className="report-section__header">
        <h2 id={headingId} className="report-section__title">
          {title}
        </h2>
        {table && (
          <a className="button button--secondary button--small" href={exports.csv(table)} download>
            {t('reports.export.csv')}
            <span className="visually-hidden"> — {title}</span>
          </a>
        )}
      </div>
      {children}
    </section>
  );
}
