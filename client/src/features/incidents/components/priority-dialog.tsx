import { updateIncidentSchema, type Incident, type UpdateIncident } from '@vigie/shared';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/ui/dialog';
import { FormFooter } from '../../../components/ui/form-footer';
import { isApiError } from '../../../lib/api-client';
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useUpdateIncident } from '../api/update-incident';
import { useWriteError } from '../hooks/use-write-error';
import { rebaseValues } from '../lib/rebase-values';
import { TriageFields, type TriageValues } from './triage-fields';

const triageOf = (incident: Incident): TriageValues => ({
  impact: incident.impact,
  urgency: incident.urgency,
  major: incident.major,
});

/** Sets the priority from the board: impact, urgency, major; only what changed is sent. */
export function PriorityDialog({
  incident,
  onClose,
  onDone,
}: {
  incident: Incident;
  onClose: () => void;
  onDone: (incident: Incident) => void;
}) {
  const t = useT();
  const update = useUpdateIncident();
  const writeError = useWriteError();
  const [base, setBase] = useState(incident);
  const [values, setValues] = useState<TriageValues>(() => triageOf(incident));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const patch: UpdateIncident = { version: base.version };
    if (values.impact !== base.impact) patch.impact = values.impact;
    if (values.urgency !== base.urgency) patch.urgency = values.urgency;
    if (values.major !== base.major) patch.major = values.major;
    if (Object.keys(patch).length === 1) {
      setFormError(t('incidents.noChanges'));
      return;
    }
    const parsed = updateIncidentSchema.safeParse(patch, { reportInput: true });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues, t));
      setFormError(t('validation.fixErrors'));
      return;
    }
    setErrors({});
    setFormError(null);
    update.mutate(
      { id: base.id, body: parsed.data },
      {
        onSuccess: onDone,
        onError: (error) => {
          const failure = writeError(error);
          if (failure.current) {
            const current = failure.current;
            setValues((typed) => rebaseValues(typed, triageOf(base), triageOf(current)));
            setBase(current);
            setConflict(`${failure.message} ${t('incidents.conflictKeepInput')}`);
            return;
          }
          if (isApiError(error)) setErrors(apiFieldErrors(error));
          setFormError(failure.message);
        },
      },
    );
  };

  return (
    <Dialog title={t('incidents.setPriorityTitle', { reference: base.reference })} onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate>
        {conflict && (
          <p className="alert alert--warning" role="alert">
            {conflict}
          </p>
        )}
        <TriageFields values={values} onChange={setValues} errors={errors} canDeclareMajor />
        <FormFooter
          formError={formError}
          submitLabel={t('common.save')}
          pending={update.isPending}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
