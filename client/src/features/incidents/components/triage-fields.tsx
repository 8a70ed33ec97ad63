import { priorityFor } from '@vigie/shared';
import { FormField } from '../../../components/ui/form-field';
import type { FieldErrors } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n/i18n-provider';
import { PriorityBadge } from './incident-badges';

export interface TriageValues {
  impact: number;
  urgency: number;
  major: boolean;
}

const levels = [1, 2, 3] as const;

/** Impact, urgency and the major override, with the priority they give shown as they change. */
export function TriageFields({
  values,
  onChange,
  errors,
  canDeclareMajor,
}: {
  values: TriageValues;
  onChange: (values: TriageValues) => void;
  errors: FieldErrors;
  /** Declaring a major incident is a triage decision (technicians report, coordinators triage). */
  canDeclareMajor: boolean;
}) {
  const t = useT();
  const priority = priorityFor(values.impact, values.urgency, undefined, values.major);
  return (
    <div className="triage-fields">
      <FormField label={t('incidents.impact')} error={errors.impact} required>
        {(control) => (
          <select
            {...control}
            className="input"
            name="impact"
            value={String(values.impact)}
            onChange={(event) => onChange({ ...values, impact: Number(event.target.value) })}
          >
            {levels.map((level) => (
              <option key={level} value={String(level)}>
                {t(`incidents.impact.${level}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('incidents.urgency')} error={errors.urgency} required>
        {(control) => (
          <select
            {...control}
            className="input"
            name="urgency"
            value={String(values.urgency)}
            onChange={(event) => onChange({ ...values, urgency: Number(event.target.value) })}
          >
            {levels.map((level) => (
              <option key={level} value={String(level)}>
                {t(`incidents.urgency.${level}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {canDeclareMajor && (
        <label className="checkbox" title={t('incidents.majorHint')}>
          <input
            type="checkbox"
            name="major"
            checked={values.major}
            onChange={(event) => onChange({ ...values, major: event.target.checked })}
          />
          {t('incidents.major')}
        </label>
      )}
      <p className="triage-fields__preview" role="status" data-testid="priority-preview">
        {t('incidents.priorityPreview', { priority })} <PriorityBadge priority={priority} />
        <span className="field__hint">{t('incidents.priorityPreviewHint')}</span>
      </p>
    </div>
  );
}
