import { placementQuerySchema, rackFaces, type RackFace } from '@vigie/shared';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { FormField } from '../../../components/ui/form-field';
import { LoadingState } from '../../../components/ui/loading-state';
import { isApiError } from '../../../lib/api-client';
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n/i18n-provider';
import { usePlacement, type PlacementSearch } from '../api/search-placement';
import { deviceSpan, formatUnits } from '../lib/elevation-layout';
import { useInventoryLookups } from './use-inventory-lookups';
import { TenantOptions } from '../../tenants/components/tenant-options';

interface PlacementValues {
  units: string;
  watts: string;
  tenantId: string;
  roomId: string;
  face: RackFace;
  fullDepth: boolean;
}

const fieldNames = ['units', 'watts', 'tenantId', 'roomId', 'face', 'fullDepth'] as const;

function valuesFrom(params: URLSearchParams): PlacementValues {
  const face = rackFaces.find((candidate) => candidate === params.get('face')) ?? 'front';
  return {
    units: params.get('units') ?? '1',
    watts: params.get('watts') ?? '',
    tenantId: params.get('tenantId') ?? '',
    roomId: params.get('roomId') ?? '',
    face,
    fullDepth: params.get('fullDepth') !== 'false',
  };
}

/** The query string of a search, as the API takes it; empty fields are left out. */
function queryOf(values: PlacementValues): PlacementSearch {
  const query: PlacementSearch = {
    units: values.units.trim().replace(',', '.'),
    watts: values.watts.trim() === '' ? '0' : values.watts.trim(),
    face: values.face,
    fullDepth: values.fullDepth ? 'true' : 'false',
  };
  if (values.tenantId !== '') query.tenantId = values.tenantId;
  if (values.roomId !== '') query.roomId = values.roomId;
  return query;
}

function paramsOf(query: PlacementSearch): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.set(key, String(value));
  }
  return params;
}

export function PlacementPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const lookups = useInventoryLookups();
  const [values, setValues] = useState<PlacementValues>(() => valuesFrom(params));
  const [errors, setErrors] = useState<FieldErrors>({});
  const submitted = params.has('units') ? queryOf(valuesFrom(params)) : null;
  const valid = submitted !== null && placementQuerySchema.safeParse(submitted).success;
  const placement = usePlacement(valid ? submitted : null);
  const serverErrors = isApiError(placement.error) ? apiFieldErrors(placement.error, t) : {};
  const shownErrors = { ...serverErrors, ...errors };

  const set = <K extends keyof PlacementValues>(key: K, value: PlacementValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const query = queryOf(values);
    const parsed = placementQuerySchema.safeParse(query, { reportInput: true });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues, t));
      return;
    }
    setErrors({});
    setParams(paramsOf(query));
  };

  const tenantName = (id: number | null) => lookups.tenantName(id) ?? t('inventory.shared');

  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: t('placement.title') })}</title>
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('placement.title')}</h1>
          <p className="page__subtitle">{t('placement.intro')}</p>
        </div>
      </header>

      <form className="form panel-form" onSubmit={onSubmit} noValidate aria-labelledby="placement-form-title">
        <h2 id="placement-form-title" className="visually-hidden">
          {t('placement.title')}
        </h2>
        <div className="form__grid">
          <FormField
            label={t('placement.units')}
            hint={t('placement.unitsHint')}
            error={shownErrors.units}
            required
          >
            {(control) => (
              <input
                {...control}
                className="input"
                name="units"
                inputMode="decimal"
                value={values.units}
                onChange={(event) => set('units', event.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('placement.watts')} error={shownErrors.watts}>
            {(control) => (
              <input
                {...control}
                className="input"
                name="watts"
                inputMode="numeric"
                value={values.watts}
                onChange={(event) => set('watts', event.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('placement.tenant')} error={shownErrors.tenantId}>
            {(control) => (
              <select
                {...control}
                className="input"
                name="tenantId"
                value={values.tenantId}
                onChange={(event) => set('tenantId', event.target.value)}
              >
                <option value="">{t('placement.anyTenant')}</option>
                <TenantOptions tenants={lookups.tenants} />
              </select>
            )}
          </FormField>
          <FormField label={t('inventory.room')} error={shownErrors.roomId}>
            {(control) => (
              <select
                {...control}
                className="input"
                name="roomId"
                value={values.roomId}
                onChange={(event) => set('roomId', event.target.value)}
              >
                <option value="">{t('inventory.allFeminine')}</option>
                {lookups.rooms.map((room) => (
                  <option key={room.id} value={String(room.id)}>
                    {room.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('placement.face')} error={shownErrors.face}>
            {(control) => (
              <select
                {...control}
                className="input"
                name="face"
                value={values.face}
                onChange={(event) => set('face', event.target.value === 'rear' ? 'rear' : 'front')}
              >
                {rackFaces.map((face) => (
                  <option key={face} value={face}>
                    {t(face === 'front' ? 'face.front' : 'face.rear')}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <div className="field field--checkbox">
            <label className="checkbox">
              <input
                type="checkbox"
                name="fullDepth"
                checked={values.fullDepth}
                onChange={(event) => set('fullDepth', event.target.checked)}
              />
              {t('placement.fullDepth')}
            </label>
          </div>
        </div>
        {Object.keys(shownErrors).some((key) => !(fieldNames as readonly string[]).includes(key)) && (
          <p className="alert alert--error" role="alert">
            {t('validation.fixErrors')}
          </p>
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={placement.isFetching}>
            {placement.isFetching ? t('placement.searching') : t('placement.submit')}
          </button>
        </div>
      </form>

      {valid && (
        <section className="section" aria-labelledby="placement-results-title">
          <h2 id="placement-results-title" className="section__title">
            {t('placement.results')}
          </h2>
          {placement.isPending ? (
            <LoadingState />
          ) : placement.isError ? (
            <ErrorState
              error={placement.error}
              title={t('placement.error')}
              onRetry={() => void placement.refetch()}
            />
          ) : placement.data.items.length === 0 ? (
            <EmptyState title={t('placement.none')} headingLevel={3} />
          ) : (
            <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="placement-caption">
              <table className="table" aria-busy={placement.isFetching}>
                <caption id="placement-caption" className="visually-hidden">
                  {t('placement.resultsCaption')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('placement.rank')}</th>
                    <th scope="col">{t('inventory.rack')}</th>
                    <th scope="col">{t('inventory.room')}</th>
                    <th scope="col">{t('inventory.tenant')}</th>
                    <th scope="col">{t('placement.at')}</th>
                    <th scope="col">{t('placement.block')}</th>
                    <th scope="col">{t('placement.headroom')}</th>
                  </tr>
                </thead>
                <tbody>
                  {placement.data.items.map((candidate, index) => (
                    <tr
                      key={`${candidate.rackId}-${candidate.face}-${candidate.position}`}
                      data-testid="placement-result"
                    >
                      <td>{index + 1}</td>
                      <th scope="row">
                        <Link
                          to={`/inventory/racks/${candidate.rackId}`}
                          aria-label={t('placement.openElevation', { name: candidate.rackName })}
                        >
                          {candidate.rackName}
                        </Link>
                      </th>
                      <td>
                        {candidate.roomName} · {candidate.rowLabel}
                      </td>
                      <td>{tenantName(candidate.tenantId)}</td>
                      <td className="nowrap">
                        {formatUnits(deviceSpan(candidate.position, Number(submitted?.units ?? 1)))} ·{' '}
                        {t(candidate.face === 'front' ? 'face.shortFront' : 'face.shortRear')}
                      </td>
                      <td className="nowrap">{t('racks.units', { units: candidate.blockUnits })}</td>
                      <td className="nowrap">
                        {t('floorPlan.watts', {
                          allocated: candidate.powerHeadroomW,
                          budget: candidate.powerBudgetW,
                        })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
