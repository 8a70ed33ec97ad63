import type { DeviceTypeImportResult } from '@vigie/shared';
import { useId, useState, type FormEvent } from 'react';
import { ErrorState } from '../../../components/ui/error-state';
import { useT } from '../../../lib/i18n/i18n-provider';
import {
  emptyImportResult,
  ImportStoppedError,
  mergeImportResults,
  useImportDeviceTypes,
  type ImportProgress,
} from '../api/import-device-types';
import { progressPercent, splitLibraryFiles } from '../lib/import-files';

const outcomeBadge = {
  created: 'badge badge--ok',
  updated: 'badge status status--device-planned',
  rejected: 'badge status status--device-failed',
} as const;

/**
 * Multi-file upload of device-type library YAML files, with progress and the outcome per file. Each
 * batch's outcome shows as soon as it is in; if a batch fails, the outcomes so far stay and the files
 * not sent are kept for the next try, whose outcomes add to them.
 */
export function DeviceTypeImport() {
  const t = useT();
  const inputId = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [skipped, setSkipped] = useState<string[]>([]);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<DeviceTypeImportResult | null>(null);
  const importTypes = useImportDeviceTypes(setProgress, (batch) =>
    setResult((previous) => mergeImportResults(previous ?? emptyImportResult, batch)),
  );
  const stopped = importTypes.error instanceof ImportStoppedError ? importTypes.error : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (files.length === 0) {
      setFormError(t('import.noFiles'));
      return;
    }
    setFormError(null);
    // After a stop, the files left are sent and their outcomes join those already shown.
    if (!stopped) setResult(null);
    setProgress(null);
    importTypes.mutate(files, {
      onError: (error) => {
        if (error instanceof ImportStoppedError) setFiles([...error.unsent]);
      },
    });
  };

  const percent = progressPercent(progress?.fraction ?? 0);

  return (
    <section className="section panel-form" aria-labelledby="import-title">
      <h2 id="import-title" className="section__title">
        {t('import.title')}
      </h2>
      <p className="page__subtitle">{t('import.intro')}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className={formError ? 'field field--invalid' : 'field'}>
          <label className="field__label" htmlFor={inputId}>
            {t('import.files')}
          </label>
          <input
            id={inputId}
            type="file"
            name="files"
            multiple
            accept=".yaml,.yml"
            aria-invalid={Boolean(formError)}
            aria-describedby={formError ? `${inputId}-error` : undefined}
            onChange={(event) => {
              const split = splitLibraryFiles([...(event.target.files ?? [])]);
              setFiles(split.accepted);
              setSkipped(split.skipped.map((file) => file.name));
              setFormError(null);
              // A new choice starts a new import.
              importTypes.reset();
            }}
          />
          {formError && (
            <p className="field__error" id={`${inputId}-error`}>
              {formError}
            </p>
          )}
          <p className="field__hint">{t('import.selected', { count: files.length })}</p>
        </div>
        {skipped.length > 0 && (
          <ul className="alert alert--warning">
            {skipped.map((name) => (
              <li key={name}>
                <span className="mono">{name}</span> — {t('import.wrongExtension')}
              </li>
            ))}
          </ul>
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={importTypes.isPending}>
            {importTypes.isPending ? t('import.importing') : t('import.submit')}
          </button>
        </div>
        {importTypes.isPending && (
          <div className="field">
            <label className="field__label" htmlFor={`${inputId}-progress`}>
              {t('importBatch.progress', {
                batch: progress?.batch ?? 1,
                batches: progress?.batches ?? 1,
                percent,
              })}
            </label>
            <progress id={`${inputId}-progress`} className="progress" max={100} value={percent}>
              {percent} %
            </progress>
          </div>
        )}
      </form>
      {stopped ? (
        <ErrorState
          error={stopped.cause}
          title={t('importBatch.stopped', { unsent: stopped.unsent.length })}
        />
      ) : (
        importTypes.isError && <ErrorState error={importTypes.error} title={t('import.error')} />
      )}
      {result && (
        <div className="section" data-testid="import-result">
          <p role="status" className={result.rejected > 0 ? 'alert alert--warning' : 'alert alert--success'}>
            {t('import.summary', {
              created: result.created,
              updated: result.updated,
              rejected: result.rejected,
            })}
          </p>
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="import-caption">
            <table className="table">
              <caption id="import-caption" className="visually-hidden">
                {t('import.resultCaption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.file')}</th>
                  <th scope="col">{t('import.outcome')}</th>
                  <th scope="col">{t('deviceTypes.slug')}</th>
                  <th scope="col">{t('import.details')}</th>
                </tr>
              </thead>
              <tbody>
                {result.files.map((file) => (
                  <tr key={file.file} data-testid={`import-file-${file.file}`}>
                    <th scope="row" className="mono">
                      {file.file}
                    </th>
                    <td>
                      <span className={outcomeBadge[file.outcome]}>
                        {t(`import.outcome.${file.outcome}`)}
                      </span>
                    </td>
                    <td className="mono">{file.slug ?? t('common.none')}</td>
                    <td>
                      {file.errors.length === 0 ? (
                        t('common.none')
                      ) : (
                        <ul className="plain-list">
                          {file.errors.map((error) => (
                            <li key={`${error.path}-${error.message}`}>
                              <span className="mono">{error.path}</span> : {error.message}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
