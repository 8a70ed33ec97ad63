import type { RunDetail } from '@vigie/shared';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorState } from '../../../components/ui/error-state';
import { FormField } from '../../../components/ui/form-field';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import { useEndRun } from '../api/end-run';
import { runExportHref } from '../api/run-export';

/** Complete (once every required step is signed), abort with a reason, export the full record. */
export function RunEndActions({ run, canTick }: { run: RunDetail; canTick: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const end = useEndRun(run.id);
  const [aborting, setAborting] = useState(false);
  const inProgress = run.state === 'in_progress';

  return (
    <div className="run-actions">
      {canTick && inProgress && (
        <>
          <button
            type="button"
            className="button button--primary button--touch"
            disabled={!run.progress.readyToComplete || end.isPending}
            onClick={() => end.mutate({ kind: 'complete', body: { version: run.version } })}
          >
            {end.isPending && end.variables?.kind === 'complete' ? t('runs.completing') : t('runs.complete')}
          </button>
          <button
            type="button"
            className="button button--secondary button--touch"
            onClick={() => setAborting(true)}
          >
            {t('runs.abort')}
          </button>
        </>
      )}
      <a
        className="button button--secondary button--touch"
        href={runExportHref(run.id, 'csv', locale)}
        download
      >
        {t('runs.exportCsv')}
      </a>
      <a
        className="button button--secondary button--touch"
        href={runExportHref(run.id, 'pdf', locale)}
        download
      >
        {t('runs.exportPdf')}
      </a>
      {canTick && inProgress && !run.progress.readyToComplete && (
        <p className="run-actions__hint">{t('runs.completeHint')}</p>
      )}
      {end.isError && !aborting && <ErrorState error={end.error} title={t('runs.completeError')} />}
      {aborting && <AbortDialog run={run} onClose={() => setAborting(false)} />}
    </div>
  );
}

function AbortDialog({ run, onClose }: { run: RunDetail; onClose: () => void }) {
  const t = useT();
  const end = useEndRun(run.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') {
      setError(t('runs.reasonRequired'));
      return;
    }
    end.mutate(
      { kind: 'abort', body: { reason: reason.trim(), version: run.version } },
      { onSuccess: onClose },
    );
  }

  return (
    <Dialog title={t('runs.abortTitle')} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <FormField label={t('runs.abortReason')} error={error} required>
          {(control) => (
            <textarea
              {...control}
              className="input"
              rows={3}
              maxLength={2000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          )}
        </FormField>
        {end.isError && <ErrorState error={end.error} title={t('runs.abortError')} />}
        <div className="form__actions">
          <button type="button" className="button button--secondary button--touch" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary button--touch" disabled={end.isPending}>
            {end.isPending ? t('runs.aborting') : t('runs.abort')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
