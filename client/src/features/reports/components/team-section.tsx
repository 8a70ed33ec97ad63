import { shifts, type SteeringReport } from '@vigie/shared';
import { TableScroll } from '../../../components/ui/table-scroll';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import { formatFigure } from '../lib/report-format';
import { compareCounts, compareRatios } from './comparison-value';
import { ComparisonTable, type ComparisonRow } from './comparison-table';
import { DrillValue } from './drill-value';
import { ReportSection } from './report-section';

/** Runs and steps per person and shift; resolutions, reopenings and escalations. */
export function TeamSection({ report }: { report: SteeringReport }) {
  const t = useT();
  const { locale } = useLocale();
  const now = report.current.team;
  const before = report.previous.team;
  const rows: ComparisonRow[] = [
    {
      key: 'runs',
      label: t('reports.team.runs'),
      cells: [compareCounts(now.runs, before.runs, 'neutral', { figure: 'team.runs' })],
    },
    {
      key: 'steps',
      label: t('reports.team.steps'),
      cells: [compareCounts(now.steps, before.steps, 'neutral')],
    },
    {
      key: 'resolved',
      label: t('reports.team.resolved'),
      cells: [compareCounts(now.resolved, before.resolved, 'neutral')],
    },
    {
      key: 'reopened',
      label: t('reports.team.reopened'),
      cells: [compareCounts(now.reopened, before.reopened, 'lowerIsBetter', { figure: 'team.reopened' })],
    },
    {
      key: 'reopenRate',
      label: t('reports.team.reopenRate'),
      cells: [{ ...compareRatios(now.reopenRate, before.reopenRate), polarity: 'lowerIsBetter' }],
    },
    {
      key: 'escalations',
      label: t('reports.team.escalations'),
      cells: [
        compareCounts(now.escalations, before.escalations, 'lowerIsBetter', { figure: 'team.escalated' }),
      ],
    },
  ];
  const count = (value: number) => formatFigure(value, 'count', locale);
  return (
    <ReportSection title={t('reports.section.team')} table="team">
      <ComparisonTable
        caption={t('reports.section.team')}
        rowHeader={t('reports.figure')}
        columns={[t('reports.value')]}
        rows={rows}
        testId="team-table"
      />
      {report.team.length === 0 ? (
        <p className="report-hint">{t('reports.team.nobody')}</p>
      ) : (
        <TableScroll label={t('reports.team.perPerson')}>
          <table className="table report-table" data-testid="team-members">
            <caption className="report-table__caption">{t('reports.team.perPerson')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.team.person')}</th>
                <th scope="col">{t('reports.team.runs')}</th>
                <th scope="col">{t('reports.team.steps')}</th>
                {shifts.map((shift) => (
                  <th key={shift} scope="col">
                    {t(`reports.shift.${shift}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.team.map((member) => (
                <tr key={member.user.id}>
                  <th scope="row">{member.user.displayName}</th>
                  <td>
                    <DrillValue count={member.runs} target={{ figure: 'team.runs', userId: member.user.id }}>
                      {count(member.runs)}
                    </DrillValue>
                  </td>
                  <td>{count(member.steps)}</td>
                  {shifts.map((shift) => (
                    <td key={shift}>{count(member.stepsByShift[shift])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </ReportSection>
  );
}
