import {
  canTransition,
  cancellationReasons,
  incidentTransitionSchema,
  pendingReasons,
  resolutionCodes,
  type Incident,
  type IncidentTargetStatus,
} from '@vigie/shared';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/ui/dialog';
import { FormField } from '../../../components/ui/form-field';
import { FormFooter } from '../../../components/ui/form-footer';
import { isApiError } from '../../../lib/api-client';
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useTransitionIncident } from '../api/transition-incident';
import { useWriteError } from '../hooks/use-write-error';

interface TransitionValues {
  comment: string;
  assignToMe: boolean;
  pendingReason: string;
  workaround: string;
  resolutionCode: string;
  solution: string;
  rootCause: string;
  cancellationReason: string;
  duplicateOfId: string;
}

const optional = (text: string) => (text.trim() === '' ? undefined : text);

/**
 * The request body for the target, from what the dialog shows; the shared schema judges it. An
 * unchosen select stays '' so its error reads "required" rather than "invalid".
 */
function bodyOf(to: IncidentTargetStatus, version: number, values: TransitionValues, myUserId: number) {
  const comment = optional(values.comment);
  switch (to) {
    case 'acknowledged':
      return { to, version, comment, assigneeId: values.assignToMe ? myUserId : undefined };
    case 'pending':
      return { to, version, comment, pendingReason: values.pendingReason };
    case 'mitigated':
      return { to, version, comment, workaround: optional(values.workaround) };
    case 'resolved':
      return {
        to,
        version,
        comment,
        resolutionCode: values.resolutionCode,
        solution: values.solution,
        rootCause: optional(values.rootCause),
      };
    case 'reopened':
      return { to, version, comment: values.comment };
    case 'cancelled':
      return {
        to,
        version,
        comment,
        cancellationReason: values.cancellationReason,
        duplicateOfId:
          values.cancellationReason === 'duplicate' && values.duplicateOfId.trim() !== ''
            ? Number(values.duplicateOfId)
            : undefined,
      };
    case 'in_progress':
    case 'closed':
      return { to, version, comment };
  }
}

interface TransitionDialogProps {
  incident: Incident;
  to: IncidentTargetStatus;
  myUserId: number;
  onClose: () => void;
  onDone: (incident: Incident) => void;
}

/** One status change: the fields it requires, checked here first, then by the server. */
export function TransitionDialog({ incident, to, myUserId, onClose, onDone }: TransitionDialogProps) {
  const t = useT();
  const transition = useTransitionIncident();
  const writeError = useWriteError();
  const [base, setBase] = useState(incident);
  const [conflict, setConflict] = useState<string | null>(null);
  const [values, setValues] = useState<TransitionValues>({
    comment: '',
    assignToMe: incident.assignee === null,
    pendingReason: '',
    workaround: incident.workaround ?? '',
    resolutionCode: '',
    solution: '',
    rootCause: incident.rootCause ?? '',
    cancellationReason: '',
    duplicateOfId: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const stillAllowed = canTransition(base.status, to);
  const set = <K extends keyof TransitionValues>(key: K, value: TransitionValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!stillAllowed) return;
    const parsed = incidentTransitionSchema.safeParse(bodyOf(to, base.version, values, myUserId), {
      reportInput: true,
    });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues, t));
      setFormError(t('validation.fixErrors'));
      return;
    }
    setErrors({});
    setFormError(null);
    transition.mutate(
      { id: base.id, body: parsed.data },
      {
        onSuccess: onDone,
        onError: (error) => {
          const failure = writeError(error);
          if (failure.current) {
            // Keep what was typed; the next attempt goes against the version now on screen.
            setBase(failure.current);
            setConflict(`${failure.message} ${t('incidents.conflictKeepInput')}`);
            return;
          }
          if (isApiError(error)) setErrors(apiFieldErrors(error));
          setFormError(failure.message);
        },
      },
    );
  };

  const textArea = (
    key: 'comment' | 'workaround' | 'solution' | 'rootCause',
    label: string,
    required: boolean,
  ) => (
    <FormField label={label} error={errors[key]} required={required}>
      {(control) => (
        <textarea
          {...control}
          className="input"
          name={key}
          rows={3}
          value={values[key]}
          onChange={(event) => set(key, event.target.value)}
        />
      )}
    </FormField>
  );

  return (
    <Dialog
      title={t('incidents.transitionTitle', {
        action: t(`incidents.action.${to}`),
        reference: base.reference,
      })}
      onClose={onClose}
    >
      <form className="form" onSubmit={onSubmit} noValidate data-testid="transition-form">
        {conflict && (
          <p className="alert alert--warning" role="alert">
            {conflict}
          </p>
        )}
        {!stillAllowed && (
          <p className="alert alert--error" role="alert">
            {t('incidents.transitionGone', { status: t(`incidents.status.${base.status}`) })}
          </p>
        )}
        {to === 'acknowledged' && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={values.assignToMe}
              onChange={(event) => set('assignToMe', event.target.checked)}
            />
            {t('incidents.assignToMe')}
          </label>
        )}
        {to === 'pending' && (
          <FormField label={t('incidents.pendingReason')} error={errors.pendingReason} required>
            {(control) => (
              <select
                {...control}
                className="input"
                name="pendingReason"
                value={values.pendingReason}
                onChange={(event) => set('pendingReason', event.target.value)}
              >
                <option value="">{t('incidents.choose')}</option>
                {pendingReasons.map((reason) => (
                  <option key={reason} value={reason}>
                    {t(`incidents.pendingReason.${reason}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        {to === 'mitigated' && textArea('workaround', t('incidents.workaround'), base.workaround === null)}
        {to === 'resolved' && (
          <>
            <FormField label={t('incidents.resolutionCode')} error={errors.resolutionCode} required>
              {(control) => (
                <select
                  {...control}
                  className="input"
                  name="resolutionCode"
                  value={values.resolutionCode}
                  onChange={(event) => set('resolutionCode', event.target.value)}
                >
                  <option value="">{t('incidents.choose')}</option>
                  {resolutionCodes.map((code) => (
                    <option key={code} value={code}>
                      {t(`incidents.resolutionCode.${code}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            {textArea('solution', t('incidents.solution'), true)}
            {textArea('rootCause', t('incidents.rootCause'), false)}
          </>
        )}
        {to === 'cancelled' && (
          <>
            <FormField label={t('incidents.cancellationReason')} error={errors.cancellationReason} required>
              {(control) => (
                <select
                  {...control}
                  className="input"
                  name="cancellationReason"
                  value={values.cancellationReason}
                  onChange={(event) => set('cancellationReason', event.target.value)}
                >
                  <option value="">{t('incidents.choose')}</option>
                  {cancellationReasons.map((reason) => (
                    <option key={reason} value={reason}>
                      {t(`incidents.cancellationReason.${reason}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            {values.cancellationReason === 'duplicate' && (
              <FormField label={t('incidents.duplicateOf')} error={errors.duplicateOfId} required>
                {(control) => (
                  <input
                    {...control}
                    className="input"
                    name="duplicateOfId"
                    inputMode="numeric"
                    value={values.duplicateOfId}
                    onChange={(event) => set('duplicateOfId', event.target.value)}
                  />
                )}
              </FormField>
            )}
          </>
        )}
        {to === 'reopened'
          ? textArea('comment', t('incidents.commentRequired'), true)
          : textArea('comment', t('incidents.comment'), false)}
        <FormFooter
          formError={formError}
          submitLabel={t(`incidents.action.${to}`)}
          pending={transition.isPending || !stillAllowed}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
