import {
  csvImportKinds,
  deviceCsvColumns,
  rackCsvColumns,
  type CsvImportKind,
  type CsvImportResult,
} from '@vigie/shared';
import { useId, useState } from 'react';
import { Navigate } from 'react-router';
import { ErrorState } from '../../../components/ui/error-state';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useImportInventoryCsv } from '../api/import-inventory-csv';
import { formatCsvValue } from '../lib/csv-export';
import { useCanWriteInventory } from './use-can-write-inventory';

const columns: Record<CsvImportKind, readonly string[]> = {
  racks: rackCsvColumns,
  devices: deviceCsvColumns,
};

function ResultRows({ result }: { result: CsvImportResult }) {
  const t = useT();
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="csv-rows-caption">
      <table className="table">
        <caption id="csv-rows-caption" className="visually-hidden">
          {t('csv.rowsCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('csv.line')}</th>
            <th scope="col">{t('csv.action')}</th>
            <th scope="col">{t('csv.key')}</th>
            <th scope="col">{t('csv.changes')}</th>
            <th scope="col">{t('csv.errors')}</th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row) => (
            <tr
              key={row.line}
              data-testid={`csv-line-${row.line}`}
              className={row.errors.length > 0 ? 'table__row--error' : undefined}
            >
              <td>{row.line}</td>
              <td>{row.action ? t(`csv.action.${row.action}`) : t('common.none')}</td>
              <th scope="row" className="mono">
                {row.key}
              </th>
              <td>
                <ul className="plain-list">
                  {Object.entries(row.changes).map(([field, change]) => (
                    <li key={field}>
                      <span className="mono">{field}</span> : {formatCsvValue(change.from)} →{' '}
                      {formatCsvValue(change.to)}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                {row.errors.length === 0 ? (
                  t('common.none')
                ) : (
                  <ul className="plain-list field__error">
                    {row.errors.map((error) => (
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
  );
}

/** CSV bulk import: a dry run first (per-row errors and changes), then the one-transaction import. */
export function CsvImportPage() {
  const t = useT();
  const canWrite = useCanWriteInventory();
  const fileId = useId();
  const [kind, setKind] = useState<CsvImportKind>('racks');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<CsvImportResult | null>(null);
  const [outcome, setOutcome] = useState<CsvImportResult | null>(null);
  const importCsv = useImportInventoryCsv();

  if (!canWrite) return <Navigate to="/inventory/racks" replace />;

  const run = (dryRun: boolean) => {
    if (!file) {
      setFileError(t('csv.noFile'));
      return;
    }
    setFileError(null);
    if (dryRun) setPreview(null);
    setOutcome(null);
    importCsv.mutate(
      { kind, file, dryRun },
      { onSuccess: (result) => (result.dryRun ? setPreview(result) : setOutcome(result)) },
    );
  };
  const reset = () => {
    setPreview(null);
    setOutcome(null);
    importCsv.reset();
  };
  const shown = outcome ?? preview;

  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: t('inventory.csvImport') })}</title>
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('csv.title')}</h1>
          <p className="page__subtitle">{t('csv.intro')}</p>
        </div>
      </header>
      <form className="form panel-form" noValidate onSubmit={(event) => event.preventDefault()}>
        <fieldset className="segmented">
          <legend className="segmented__legend">{t('csv.kind')}</legend>
          {csvImportKinds.map((option) => (
            <label key={option} className="segmented__option">
              <input
                type="radio"
                name="csv-kind"
                value={option}
                checked={kind === option}
                onChange={() => {
                  setKind(option);
                  reset();
                }}
              />
              {t(`csv.kind.${option}`)}
            </label>
          ))}
        </fieldset>
        <p className="field__hint">{t('csv.columns', { columns: columns[kind].join(', ') })}</p>
        <div className={fileError ? 'field field--invalid' : 'field'}>
          <label className="field__label" htmlFor={fileId}>
            {t('csv.file')}
          </label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            aria-invalid={Boolean(fileError)}
            aria-describedby={fileError ? `${fileId}-error` : undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setFileError(null);
              reset();
            }}
          />
          {fileError && (
            <p className="field__error" id={`${fileId}-error`}>
              {fileError}
            </p>
          )}
        </div>
        <div className="form__actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={importCsv.isPending}
            onClick={() => run(true)}
          >
            {importCsv.isPending && importCsv.variables.dryRun ? t('csv.checking') : t('csv.dryRun')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={importCsv.isPending || !preview || preview.rejected > 0 || outcome !== null}
            onClick={() => run(false)}
          >
            {importCsv.isPending && !importCsv.variables.dryRun ? t('csv.importing') : t('csv.confirm')}
          </button>
        </div>
      </form>
      {importCsv.isError && <ErrorState error={importCsv.error} title={t('csv.error')} />}
      {shown && (
        <section className="section" aria-label={t('csv.rowsCaption')} data-testid="csv-result">
          <p
            role="status"
            className={
              shown.rejected > 0
                ? 'alert alert--error'
                : shown.committed
                  ? 'alert alert--success'
                  : 'alert alert--warning'
            }
          >
            {shown.committed
              ? t('csv.committed', { created: shown.created, updated: shown.updated })
              : shown.dryRun
                ? t('csv.previewSummary', {
                    created: shown.created,
                    updated: shown.updated,
                    rejected: shown.rejected,
                  })
                : t('csv.notCommitted', { rejected: shown.rejected })}
          </p>
          {shown.dryRun && shown.rejected > 0 && (
            <p className="alert alert--warning">{t('csv.previewHasErrors')}</p>
          )}
          <ResultRows result={shown} />
        </section>
      )}
    </div>
  );
}
