import {
  maxEvidenceBytes,
  maxEvidencePerRecord,
  outcomesNeedingReason,
  stepOutcomes,
  type RunDetail,
  type StepOutcome,
  type StepRecord,
} from '@vigie/shared';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormField } from '../../../components/ui/form-field';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import { localized } from '../../procedures/lib/localized';
import { formatReadingRange, isInRange, parseReadingInput } from '../../procedures/lib/reading-range';
import { useRecordTick } from '../hooks/use-tick-queue';
import { incidentPrefillHref } from '../lib/incident-prefill';
import type { StepView } from '../lib/step-views';

interface StepFormProps {
  run: RunDetail;
  view: StepView;
  userId: number;
  /** The record being corrected; a correction is a new record that supersedes it. */
  correcting?: StepRecord;
  onDone: () => void;
  onCancel?: () => void;
}

type Errors = Partial<Record<'outcome' | 'reading' | 'reason' | 'evidence' | 'form', string>>;

/** Signs a step: outcome, reading, reason, evidence. The tick is kept on the device first, then sent. */
export function StepForm({ run, view, userId, correcting, onDone, onCancel }: StepFormProps) {
  const t = useT();
  const { locale } = useLocale();
  const record = useRecordTick(run.id, userId);
  const { step } = view;
  const [outcome, setOutcome] = useState<StepOutcome | null>(null);
  const [readingInput, setReadingInput] = useState('');
  const [deviation, setDeviation] = useState(false);
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const formId = useId();

  const readingValue = parseReadingInput(readingInput);
  const outOfRange = step.reading && readingValue !== null && !isInRange(readingValue, step.reading);
  const needsReason =
    (outcome !== null && outcomesNeedingReason.includes(outcome)) || deviation || correcting !== undefined;

  function validate(): Errors {
    const found: Errors = {};
    if (!outcome) found.outcome = t('runs.chooseOutcome');
    if (step.reading && readingInput.trim() !== '' && readingValue === null) {
      found.reading = t('runs.readingInvalid');
    } else if (step.reading && outcome === 'done' && readingValue === null) {
      found.reading = t('runs.readingRequired');
    }
    if (needsReason && reason.trim() === '') found.reason = t('runs.reasonRequired');
    if (step.evidenceRequired && outcome === 'done' && files.length === 0) {
      found.evidence = t('runs.evidenceRequired');
    }
    const tooLarge = files.find((file) => file.size > maxEvidenceBytes);
    if (tooLarge) found.evidence = t('runs.evidenceTooLarge', { name: tooLarge.name });
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0 || !outcome) return;
    setSaving(true);
    try {
      await record({
        stepId: step.id,
        body: {
          outcome,
          ...(step.reading && readingValue !== null ? { reading: readingValue } : {}),
          deviation: outcome === 'done' && deviation,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
          ...(comment.trim() ? { comment: comment.trim() } : {}),
          expectedRecordId: correcting?.id ?? null,
        },
        evidence: files.map((file) => ({ name: file.name, type: file.type, blob: file })),
      });
      onDone();
    } catch (error) {
      setErrors({ form: t('runs.storeError', { message: error instanceof Error ? error.message : '' }) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="step-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby={`${formId}-title`}
    >
      <p className="visually-hidden" id={`${formId}-title`}>
        {correcting ? t('runs.correctTitle', { number: view.number }) : t('runs.sign')}
      </p>
      {correcting && <p className="alert alert--warning">{t('runs.correctionHint')}</p>}
      <fieldset
        className="outcome-picker"
        aria-describedby={errors.outcome ? `${formId}-outcome-error` : undefined}
      >
        <legend className="field__label">{t('runs.outcome')}</legend>
        {stepOutcomes.map((value) => (
          <label key={value} className={`outcome-picker__option outcome-picker__option--${value}`}>
            <input
              type="radio"
              name={`${formId}-outcome`}
              value={value}
              checked={outcome === value}
              onChange={() => setOutcome(value)}
            />
            <span>{t(`runs.outcome.${value}`)}</span>
          </label>
        ))}
        {errors.outcome && (
          <p className="field__error" id={`${formId}-outcome-error`}>
            {errors.outcome}
          </p>
        )}
      </fieldset>

      {step.reading && (
        <FormField
          label={t('runs.reading', { label: localized(step.reading.label, locale), unit: step.reading.unit })}
          hint={t('runs.readingRange', { range: formatReadingRange(step.reading, locale) })}
          error={errors.reading}
          required={outcome === 'done'}
        >
          {(control) => (
            <div className="reading-input">
              <input
                {...control}
                className="input input--large"
                inputMode="decimal"
                autoComplete="off"
                value={readingInput}
                onChange={(event) => setReadingInput(event.target.value)}
              />
              <span className="reading-input__unit" aria-hidden="true">
                {step.reading?.unit}
              </span>
            </div>
          )}
        </FormField>
      )}
      {outOfRange && step.reading && readingValue !== null && (
        <div className="alert alert--error" role="alert" data-testid="out-of-range-warning">
          <p>{t('runs.outOfRange', { range: formatReadingRange(step.reading, locale) })}</p>
          <Link
            className="button button--secondary"
            to={incidentPrefillHref(run, step, view.number, readingValue, locale, t)}
          >
            {t('runs.openIncident')}
          </Link>
        </div>
      )}

      {outcome === 'done' && (
        <label className="checkbox checkbox--large">
          <input
            type="checkbox"
            checked={deviation}
            onChange={(event) => setDeviation(event.target.checked)}
          />
          {t('runs.deviation')}
        </label>
      )}

      <FormField
        label={t('runs.reason')}
        hint={t('runs.reasonHint')}
        error={errors.reason}
        required={needsReason}
      >
        {(control) => (
          <textarea
            {...control}
            className="input"
            rows={2}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('runs.comment')}>
        {(control) => (
          <textarea
            {...control}
            className="input"
            rows={2}
            maxLength={2000}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        )}
      </FormField>
      <FormField
        label={t('runs.evidence')}
        hint={files.length > 0 ? t('runs.evidenceCount', { count: files.length }) : t('runs.evidenceHint')}
        error={errors.evidence}
        required={step.evidenceRequired}
      >
        {(control) => (
          <input
            {...control}
            className="input input--file"
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            onChange={(event) => setFiles([...(event.target.files ?? [])].slice(0, maxEvidencePerRecord))}
          />
        )}
      </FormField>

      {errors.form && (
        <p className="alert alert--error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="step-form__actions">
        {onCancel && (
          <button type="button" className="button button--secondary button--touch" onClick={onCancel}>
            {t('runs.cancel')}
          </button>
        )}
        <button type="submit" className="button button--primary button--touch" disabled={saving}>
          {saving ? t('runs.signing') : correcting ? t('runs.signCorrection') : t('runs.sign')}
        </button>
      </div>
    </form>
  );
}
