import type { Site, Tenant } from '@vigie/shared';
import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../../lib/i18n/i18n-provider';
import { TenantOptions } from '../../tenants/components/tenant-options';
import { periodPresets, periodProblem, presetOf, presetPeriod } from '../lib/report-period';
import { overviewParam, type ReportSelection } from '../lib/report-selection';

interface ReportFiltersProps {
  selection: ReportSelection;
  /** Client viewers see their own tenant's report: no contract picker. */
  canChooseTenant: boolean;
  tenants: readonly Pick<Tenant, 'id' | 'name' | 'code'>[];
  sites: readonly Pick<Site, 'id' | 'code' | 'name'>[];
  today: string;
  onChange: (next: ReportSelection) => void;
}

/** Custom dates: native date inputs, applied together once `from ≤ to`. */
function CustomPeriod({ selection, onChange }: Pick<ReportFiltersProps, 'selection' | 'onChange'>) {
  const t = useT();
  const errorId = useId();
  const fromId = useId();
  const toId = useId();
  const [from, setFrom] = useState(selection.from);
  const [to, setTo] = useState(selection.to);
  const [problem, setProblem] = useState<ReturnType<typeof periodProblem>>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = periodProblem(from, to);
    setProblem(found);
    if (!found) onChange({ ...selection, from, to });
  };
  const invalid = problem !== null;
  return (
    <form className="report-filters__custom" onSubmit={submit} noValidate>
      <div className="field">
        <label className="field__label" htmlFor={fromId}>
          {t('reports.filter.from')}
        </label>
        <input
          id={fromId}
          className="input"
          type="date"
          value={from}
          onChange={(event) => setFrom(event.target.value)}
          aria-invalid={invalid}
          aria-describedby={invalid ? errorId : undefined}
          required
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={toId}>
          {t('reports.filter.to')}
        </label>
        <input
          id={toId}
          className="input"
          type="date"
          value={to}
          onChange={(event) => setTo(event.target.value)}
          aria-invalid={invalid}
          aria-describedby={invalid ? errorId : undefined}
          required
        />
      </div>
      <button type="submit" className="button button--secondary">
        {t('reports.filter.apply')}
      </button>
      {problem && (
        <p className="field__error report-filters__error" id={errorId} role="alert">
          {t(`reports.filter.problem.${problem}`)}
        </p>
      )}
    </form>
  );
}

/** Which contract (or the site overview), which site, which period. */
export function ReportFilters({
  selection,
  canChooseTenant,
  tenants,
  sites,
  today,
  onChange,
}: ReportFiltersProps) {
  const t = useT();
  const tenantId = useId();
  const siteId = useId();
  const periodId = useId();
  const matching = presetOf(selection, today);
  const [customChosen, setCustomChosen] = useState(false);
  const periodValue = customChosen || !matching ? 'custom' : matching;
  const choosePeriod = (value: string) => {
    const preset = periodPresets.find((candidate) => candidate === value);
    if (!preset) {
      setCustomChosen(true);
      return;
    }
    setCustomChosen(false);
    onChange({ ...selection, ...presetPeriod(preset, today) });
  };
  return (
    <div className="report-filters" role="group" aria-label={t('reports.filter.label')}>
      {canChooseTenant && (
        <div className="field">
          <label className="field__label" htmlFor={tenantId}>
            {t('reports.filter.tenant')}
          </label>
          <select
            id={tenantId}
            className="input"
            value={String(selection.subject)}
            onChange={(event) =>
              onChange({
                ...selection,
                subject: event.target.value === overviewParam ? overviewParam : Number(event.target.value),
              })
            }
          >
            <TenantOptions tenants={tenants} />
            <option value={overviewParam}>{t('reports.overview')}</option>
          </select>
        </div>
      )}
      <div className="field">
        <label className="field__label" htmlFor={siteId}>
          {t('reports.filter.site')}
        </label>
        <select
          id={siteId}
          className="input"
          value={selection.site ?? ''}
          onChange={(event) =>
            onChange({ ...selection, site: event.target.value ? Number(event.target.value) : null })
          }
        >
          <option value="">{t('reports.filter.allSites')}</option>
          {sites.map((site) => (
            <option key={site.id} value={site.id}>
              {site.name} ({site.code})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={periodId}>
          {t('reports.filter.period')}
        </label>
        <select
          id={periodId}
          className="input"
          value={periodValue}
          onChange={(event) => choosePeriod(event.target.value)}
        >
          {periodPresets.map((preset) => (
            <option key={preset} value={preset}>
              {t(`reports.preset.${preset}`)}
            </option>
          ))}
          <option value="custom">{t('reports.preset.custom')}</option>
        </select>
      </div>
      {periodValue === 'custom' && (
        <CustomPeriod key={`${selection.from}/${selection.to}`} selection={selection} onChange={onChange} />
      )}
    </div>
  );
}
