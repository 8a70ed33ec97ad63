import {
  createRackSchema,
  defaultRackUHeight,
  rackSchema,
  rackStatuses,
  updateRackSchema,
  type Rack,
  type RackStatus,
  type UpdateRack,
} from '@vigie/shared';
import { useState, type FormEvent } from 'react';
import { FormField } from '../../../components/ui/form-field';
import { isApiError } from '../../../lib/api-client';
import { zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useCreateRack } from '../api/create-rack';
import { useUpdateRack } from '../api/update-rack';
import { useInventoryLookups } from './use-inventory-lookups';
import { numberOf } from '../lib/form-values';
import { writeErrors } from './write-errors';
import { TenantOptions } from '../../tenants/components/tenant-options';

interface RackValues {
  roomId: string;
  name: string;
  rowLabel: string;
  gridX: string;
  gridY: string;
  uHeight: string;
  powerBudgetKw: string;
  maxWeightKg: string;
  status: RackStatus;
  tenantId: string;
}

const textFields = ['name', 'rowLabel', 'gridX', 'gridY', 'uHeight', 'powerBudgetKw', 'maxWeightKg'] as const;
const shownFields: readonly string[] = [...textFields, 'roomId', 'status', 'tenantId'];

function valuesOf(rack: Rack | null, roomId: number | undefined): RackValues {
  return {
    roomId: rack ? String(rack.roomId) : roomId ? String(roomId) : '',
    name: rack?.name ?? '',
    rowLabel: rack?.rowLabel ?? '',
    gridX: rack ? String(rack.gridX) : '',
    gridY: rack ? String(rack.gridY) : '',
    uHeight: String(rack?.uHeight ?? defaultRackUHeight),
    powerBudgetKw: rack ? String(rack.powerBudgetKw) : '',
    maxWeightKg: rack ? String(rack.maxWeightKg) : '',
    status: rack?.status ?? 'active',
    tenantId: rack?.tenantId === null || rack?.tenantId === undefined ? '' : String(rack.tenantId),
  };
}

interface RackFormProps {
  rack: Rack | null;
  /** The room a new rack goes in, when known (from a filtered list). */
  roomId?: number | undefined;
  stale?: boolean;
  onSaved: (rack: Rack) => void;
  onStale?: (current: Rack) => void;
  onCancel: () => void;
}

export function RackForm({ rack, roomId, stale = false, onSaved, onStale, onCancel }: RackFormProps) {
  const t = useT();
  const lookups = useInventoryLookups();
  const createRack = useCreateRack();
  const updateRack = useUpdateRack();
  const [values, setValues] = useState<RackValues>(() => valuesOf(rack, roomId));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const pending = createRack.isPending || updateRack.isPending;

  const set = <K extends keyof RackValues>(key: K, value: RackValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const onError = (error: unknown) => {
    if (rack && isApiError(error, 'stale_version')) {
      const current = rackSchema.safeParse(error.current);
      if (current.success && onStale) {
        onStale(current.data);
        return;
      }
    }
    const refused = writeErrors(error, t, t('rackForm.tileTaken'), t('validation.invalid'));
    setErrors(refused.fields);
    setFormError(isApiError(error, 'stale_version') ? t('rackForm.staleVersion') : refused.form);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = {
      roomId: values.roomId === '' ? undefined : Number(values.roomId),
      name: values.name,
      rowLabel: values.rowLabel,
      gridX: numberOf(values.gridX),
      gridY: numberOf(values.gridY),
      uHeight: numberOf(values.uHeight),
      powerBudgetKw: numberOf(values.powerBudgetKw),
      maxWeightKg: numberOf(values.maxWeightKg),
      status: values.status,
      tenantId: values.tenantId === '' ? null : Number(values.tenantId),
    };
    if (!rack) {
      const parsed = createRackSchema.safeParse(body, { reportInput: true });
      if (!parsed.success) {
        setErrors(zodFieldErrors(parsed.error.issues, t));
        setFormError(t('validation.fixErrors'));
        return;
      }
      setErrors({});
      setFormError(null);
      createRack.mutate(parsed.data, { onSuccess: onSaved, onError });
      return;
    }
    const patch: UpdateRack = { version: rack.version };
    if (body.roomId !== rack.roomId) patch.roomId = body.roomId;
    if (body.name.trim() !== rack.name) patch.name = body.name;
    if (body.rowLabel.trim() !== rack.rowLabel) patch.rowLabel = body.rowLabel;
    if (body.gridX !== rack.gridX) patch.gridX = body.gridX;
    if (body.gridY !== rack.gridY) patch.gridY = body.gridY;
    if (body.uHeight !== rack.uHeight) patch.uHeight = body.uHeight;
    if (body.powerBudgetKw !== rack.powerBudgetKw) patch.powerBudgetKw = body.powerBudgetKw;
    if (body.maxWeightKg !== rack.maxWeightKg) patch.maxWeightKg = body.maxWeightKg;
    if (body.status !== rack.status) patch.status = body.status;
    if (body.tenantId !== rack.tenantId) patch.tenantId = body.tenantId;
    if (Object.keys(patch).length === 1) {
      setErrors({});
      setFormError(t('deviceForm.noChanges'));
      return;
    }
    const parsed = updateRackSchema.safeParse(patch, { reportInput: true });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues, t));
      setFormError(t('validation.fixErrors'));
      return;
    }
    setErrors({});
    setFormError(null);
    updateRack.mutate({ id: rack.id, body: parsed.data }, { onSuccess: onSaved, onError });
  };

  const labels: Record<(typeof textFields)[number], string> = {
    name: t('inventory.name'),
    rowLabel: t('inventory.row'),
    gridX: t('rackForm.gridX'),
    gridY: t('rackForm.gridY'),
    uHeight: t('rackForm.uHeight'),
    powerBudgetKw: t('rackForm.powerBudgetKw'),
    maxWeightKg: t('rackForm.maxWeightKg'),
  };
  const others = Object.entries(errors).filter(([path]) => !shownFields.includes(path));

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {stale && (
        <p className="alert alert--warning" role="alert">
          {t('rackForm.staleVersion')}
        </p>
      )}
      <div className="form__grid">
        <FormField label={t('inventory.room')} error={errors.roomId} required>
          {(control) => (
            <select
              {...control}
              className="input"
              name="roomId"
              value={values.roomId}
              onChange={(event) => set('roomId', event.target.value)}
            >
              <option value="">{t('rackForm.roomChoose')}</option>
              {lookups.rooms.map((room) => (
                <option key={room.id} value={String(room.id)}>
                  {lookups.siteName(room.siteId)} — {room.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {textFields.map((field) => (
          <FormField key={field} label={labels[field]} error={errors[field]} required>
            {(control) => (
              <input
                {...control}
                className="input"
                name={field}
                autoComplete="off"
                inputMode={field === 'name' || field === 'rowLabel' ? undefined : 'decimal'}
                value={values[field]}
                onChange={(event) => set(field, event.target.value)}
              />
            )}
          </FormField>
        ))}
        <FormField label={t('inventory.status')} error={errors.status}>
          {(control) => (
            <select
              {...control}
              className="input"
              name="status"
              value={values.status}
              onChange={(event) => {
                const status = rackStatuses.find((candidate) => candidate === event.target.value);
                if (status) set('status', status);
              }}
            >
              {rackStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`rackStatus.${status}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('inventory.tenant')} error={errors.tenantId}>
          {(control) => (
            <select
              {...control}
              className="input"
              name="tenantId"
              value={values.tenantId}
              onChange={(event) => set('tenantId', event.target.value)}
            >
              <option value="">{t('inventory.shared')}</option>
              <TenantOptions tenants={lookups.tenants} />
            </select>
          )}
        </FormField>
      </div>
      {others.length > 0 && (
        <ul className="alert alert--error">
          {others.map(([path, message]) => (
            <li key={path}>
              {path}: {message}
            </li>
          ))}
        </ul>
      )}
      {formError && (
        <p className="alert alert--error" role="alert">
          {formError}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? t('common.saving') : rack ? t('common.save') : t('rackForm.create')}
        </button>
      </div>
    </form>
  );
}
