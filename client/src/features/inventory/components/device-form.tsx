import {
  createDeviceSchema,
  deviceSchema,
  deviceStatuses,
  rackFaces,
  updateDeviceSchema,
  type Device,
  type DeviceStatus,
  type RackFace,
  type UpdateDevice,
} from '@vigie/shared';
import { useState, type FormEvent } from 'react';
import { FormField } from '../../../components/ui/form-field';
import { isApiError } from '../../../lib/api-client';
import { zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useCreateDevice } from '../api/create-device';
import { useUpdateDevice } from '../api/update-device';
import { useInventoryLookups } from './use-inventory-lookups';
import { writeErrors } from './write-errors';
import { TenantOptions } from '../../tenants/components/tenant-options';

interface DeviceValues {
  name: string;
  deviceTypeId: string;
  position: string;
  face: RackFace;
  status: DeviceStatus;
  tenantId: string;
  serial: string;
  assetTag: string;
}

const shownFields = ['name', 'deviceTypeId', 'position', 'face', 'status', 'tenantId', 'serial', 'assetTag'];

function valuesOf(device: Device | null): DeviceValues {
  return {
    name: device?.name ?? '',
    deviceTypeId: device ? String(device.deviceTypeId) : '',
    position: device?.position === null || device?.position === undefined ? '' : String(device.position),
    face: device?.face ?? 'front',
    status: device?.status ?? 'active',
    tenantId: device?.tenantId === null || device?.tenantId === undefined ? '' : String(device.tenantId),
    serial: device?.serial ?? '',
    assetTag: device?.assetTag ?? '',
  };
}

const optionalNumber = (text: string) => (text.trim() === '' ? null : Number(text.trim().replace(',', '.')));
const optionalText = (text: string) => (text.trim() === '' ? null : text.trim());

interface DeviceFormProps {
  /** The rack the device stands in (null: not racked, then it has no position or face). */
  rackId: number | null;
  device: Device | null;
  stale?: boolean;
  onSaved: (device: Device) => void;
  onStale?: (current: Device) => void;
  onCancel: () => void;
}

export function DeviceForm({ rackId, device, stale = false, onSaved, onStale, onCancel }: DeviceFormProps) {
  const t = useT();
  const lookups = useInventoryLookups();
  const createDevice = useCreateDevice();
  const updateDevice = useUpdateDevice();
  const [values, setValues] = useState<DeviceValues>(() => valuesOf(device));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const pending = createDevice.isPending || updateDevice.isPending;
  const type = lookups.deviceType(Number(values.deviceTypeId));
  const zeroU = type?.uHeight === 0;

  const set = <K extends keyof DeviceValues>(key: K, value: DeviceValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const onError = (error: unknown) => {
    if (device && isApiError(error, 'stale_version')) {
      const current = deviceSchema.safeParse(error.current);
      if (current.success && onStale) {
        onStale(current.data);
        return;
      }
    }
    const refused = writeErrors(error, t, t('deviceForm.positionTaken'), t('deviceForm.positionImpossible'));
    setErrors(refused.fields);
    setFormError(isApiError(error, 'stale_version') ? t('deviceForm.staleVersion') : refused.form);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = {
      name: values.name,
      deviceTypeId: values.deviceTypeId === '' ? undefined : Number(values.deviceTypeId),
      rackId,
      position: zeroU || rackId === null ? null : optionalNumber(values.position),
      face: rackId === null ? null : values.face,
      status: values.status,
      tenantId: values.tenantId === '' ? null : Number(values.tenantId),
      serial: optionalText(values.serial),
      assetTag: optionalText(values.assetTag),
    };
    if (!device) {
      const parsed = createDeviceSchema.safeParse(body, { reportInput: true });
      if (!parsed.success) {
        setErrors(zodFieldErrors(parsed.error.issues, t));
        setFormError(t('validation.fixErrors'));
        return;
      }
      setErrors({});
      setFormError(null);
      createDevice.mutate(parsed.data, { onSuccess: onSaved, onError });
      return;
    }
    // Only what changed, with the version the form was loaded from.
    const patch: UpdateDevice = { version: device.version };
    if (body.name.trim() !== device.name) patch.name = body.name;
    if (body.deviceTypeId !== device.deviceTypeId) patch.deviceTypeId = body.deviceTypeId;
    if (body.position !== device.position) patch.position = body.position;
    if (body.face !== device.face) patch.face = body.face;
    if (body.status !== device.status) patch.status = body.status;
    if (body.tenantId !== device.tenantId) patch.tenantId = body.tenantId;
    if (body.serial !== device.serial) patch.serial = body.serial;
    if (body.assetTag !== device.assetTag) patch.assetTag = body.assetTag;
    if (Object.keys(patch).length === 1) {
      setErrors({});
      setFormError(t('deviceForm.noChanges'));
      return;
    }
    const parsed = updateDeviceSchema.safeParse(patch, { reportInput: true });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues, t));
      setFormError(t('validation.fixErrors'));
      return;
    }
    setErrors({});
    setFormError(null);
    updateDevice.mutate({ id: device.id, body: parsed.data }, { onSuccess: onSaved, onError });
  };

  const others = Object.entries(errors).filter(([path]) => !shownFields.includes(path));

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {stale && (
        <p className="alert alert--warning" role="alert">
          {t('deviceForm.staleVersion')}
        </p>
      )}
      <div className="form__grid">
        <FormField label={t('inventory.name')} error={errors.name} required>
          {(control) => (
            <input
              {...control}
              className="input"
              name="name"
              autoComplete="off"
              value={values.name}
              onChange={(event) => set('name', event.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('inventory.type')} error={errors.deviceTypeId} required>
          {(control) => (
            <select
              {...control}
              className="input"
              name="deviceTypeId"
              value={values.deviceTypeId}
              onChange={(event) => set('deviceTypeId', event.target.value)}
            >
              <option value="">{t('deviceForm.typeChoose')}</option>
              {lookups.deviceTypes.map((candidate) => (
                <option key={candidate.id} value={String(candidate.id)}>
                  {candidate.manufacturer} {candidate.model} ({candidate.uHeight} U)
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          label={t('devices.position')}
          hint={zeroU ? t('deviceForm.zeroUHint') : t('deviceForm.positionHint')}
          error={errors.position}
          required={!zeroU}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              name="position"
              inputMode="decimal"
              disabled={zeroU}
              value={zeroU ? '' : values.position}
              onChange={(event) => set('position', event.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('elevation.face')} error={errors.face} required>
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
        <FormField label={t('inventory.status')} error={errors.status}>
          {(control) => (
            <select
              {...control}
              className="input"
              name="status"
              value={values.status}
              onChange={(event) => {
                const status = deviceStatuses.find((candidate) => candidate === event.target.value);
                if (status) set('status', status);
              }}
            >
              {deviceStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`deviceStatus.${status}`)}
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
              <option value="">{t('inventory.noTenant')}</option>
              <TenantOptions tenants={lookups.tenants} />
            </select>
          )}
        </FormField>
        <FormField label={t('devices.serial')} error={errors.serial}>
          {(control) => (
            <input
              {...control}
              className="input"
              name="serial"
              autoComplete="off"
              value={values.serial}
              onChange={(event) => set('serial', event.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('devices.assetTag')} error={errors.assetTag}>
          {(control) => (
            <input
              {...control}
              className="input"
              name="assetTag"
              autoComplete="off"
              value={values.assetTag}
              onChange={(event) => set('assetTag', event.target.value)}
            />
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
          {pending ? t('common.saving') : device ? t('common.save') : t('deviceForm.create')}
        </button>
      </div>
    </form>
  );
}
