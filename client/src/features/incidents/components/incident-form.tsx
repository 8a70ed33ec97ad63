import {
  createIncidentSchema,
  incidentOrigins,
  procedureCategories,
  updateIncidentSchema,
  type Incident,
  type IncidentOrigin,
  type Me,
  type ProcedureCategory,
  type UpdateIncident,
  type UserRef,
} from '@vigie/shared';
import { useState, type FormEvent } from 'react';
import { FormField } from '../../../components/ui/form-field';
import { FormFooter } from '../../../components/ui/form-footer';
import { isApiError } from '../../../lib/api-client';
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useAllRooms } from '../../inventory/api/get-rooms';
import { useSites } from '../../sites/api/get-sites';
import { useCreateIncident } from '../api/create-incident';
import { useAssignees } from '../api/get-assignees';
import { useUpdateIncident } from '../api/update-incident';
import { useRetryKey } from '../hooks/use-retry-key';
import { useWriteError } from '../hooks/use-write-error';
import { rebaseValues } from '../lib/rebase-values';
import { DevicePicker, RackPicker, type PickedItem } from './equipment-picker';
import { TriageFields, type TriageValues } from './triage-fields';

export interface IncidentFormValues extends TriageValues {
  title: string;
  description: string;
  category: ProcedureCategory | '';
  origin: IncidentOrigin;
  siteId: string;
  roomId: string;
  racks: PickedItem[];
  devices: PickedItem[];
  assigneeId: string;
  workaround: string;
  rootCause: string;
}

export function emptyIncidentValues(prefill: Partial<IncidentFormValues> = {}): IncidentFormValues {
  return {
    title: '',
    description: '',
    category: '',
    origin: 'staff',
    impact: 3,
    urgency: 3,
    major: false,
    siteId: '',
    roomId: '',
    racks: [],
    devices: [],
    assigneeId: '',
    workaround: '',
    rootCause: '',
    ...prefill,
  };
}

function valuesOf(incident: Incident): IncidentFormValues {
  return {
    title: incident.title,
    description: incident.description,
    category: incident.category ?? '',
    origin: incident.origin,
    impact: incident.impact,
    urgency: incident.urgency,
    major: incident.major,
    siteId: incident.site ? String(incident.site.id) : '',
    roomId: incident.room ? String(incident.room.id) : '',
    racks: incident.racks.map(({ id, name }) => ({ id, name })),
    devices: incident.devices.map(({ id, name }) => ({ id, name })),
    assigneeId: incident.assignee ? String(incident.assignee.id) : '',
    workaround: incident.workaround ?? '',
    rootCause: incident.rootCause ?? '',
  };
}

const idOrNull = (text: string) => (text === '' ? null : Number(text));
const textOrNull = (text: string) => (text.trim() === '' ? null : text);
const sameIds = (a: readonly { id: number }[], b: readonly { id: number }[]) =>
  a.length === b.length && a.every((item) => b.some((other) => other.id === item.id));

/** Only what changed, with the version the form was loaded from. */
function patchOf(incident: Incident, values: IncidentFormValues): UpdateIncident {
  const patch: UpdateIncident = { version: incident.version };
  if (values.title.trim() !== incident.title) patch.title = values.title;
  if (values.description.trim() !== incident.description) patch.description = values.description;
  if ((values.category || null) !== incident.category) patch.category = values.category || null;
  if (values.origin !== incident.origin) patch.origin = values.origin;
  if (values.impact !== incident.impact) patch.impact = values.impact;
  if (values.urgency !== incident.urgency) patch.urgency = values.urgency;
  if (values.major !== incident.major) patch.major = values.major;
  if (idOrNull(values.siteId) !== (incident.site?.id ?? null)) patch.siteId = idOrNull(values.siteId);
  if (idOrNull(values.roomId) !== (incident.room?.id ?? null)) patch.roomId = idOrNull(values.roomId);
  if (!sameIds(values.racks, incident.racks)) patch.rackIds = values.racks.map((rack) => rack.id);
  if (!sameIds(values.devices, incident.devices)) patch.deviceIds = values.devices.map((device) => device.id);
  if (idOrNull(values.assigneeId) !== (incident.assignee?.id ?? null))
    patch.assigneeId = idOrNull(values.assigneeId);
  if (textOrNull(values.workaround) !== incident.workaround) patch.workaround = textOrNull(values.workaround);
  if (textOrNull(values.rootCause) !== incident.rootCause) patch.rootCause = textOrNull(values.rootCause);
  return patch;
}

const shownFields = [
  'title',
  'description',
  'category',
  'origin',
  'impact',
  'urgency',
  'major',
  'siteId',
  'roomId',
  'assigneeId',
  'workaround',
  'rootCause',
];

interface IncidentFormProps {
  me: Me;
  /** Null to report a new incident. */
  incident: Incident | null;
  initialValues?: IncidentFormValues;
  /** The procedure run a new incident is raised from (an out-of-range reading). */
  sourceRunId?: number;
  onSaved: (incident: Incident) => void;
  onCancel: () => void;
}

/** Reporting and editing an incident: the same fields; editing adds assignee, workaround and root cause. */
export function IncidentForm({
  me,
  incident,
  initialValues,
  sourceRunId,
  onSaved,
  onCancel,
}: IncidentFormProps) {
  const t = useT();
  const sites = useSites();
  const rooms = useAllRooms();
  const create = useCreateIncident();
  const update = useUpdateIncident();
  const writeError = useWriteError();
  const retryKey = useRetryKey();
  const [base, setBase] = useState(incident);
  const [values, setValues] = useState<IncidentFormValues>(
    () => initialValues ?? (incident ? valuesOf(incident) : emptyIncidentValues()),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const canTriage = me.permissions.includes('incident.triage');
  const set = <K extends keyof IncidentFormValues>(key: K, value: IncidentFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const siteId = values.siteId === '' ? undefined : Number(values.siteId);
  const roomId = values.roomId === '' ? undefined : Number(values.roomId);
  const roomItems = (rooms.data?.items ?? []).filter((room) => !siteId || room.siteId === siteId);

  const assignees = useAssignees(base !== null && canTriage);
  // Me first, then the assignable people; the current assignee stays listed even if no longer assignable.
  const people = new Map<number, UserRef>([
    [me.user.id, { id: me.user.id, displayName: me.user.displayName }],
  ]);
  for (const person of [...(assignees.data?.items ?? []), base?.assignee]) {
    if (person && !people.has(person.id)) people.set(person.id, person);
  }

  const onError = (error: unknown) => {
    const failure = writeError(error);
    if (failure.current) {
      // The user's edits stay in the form; the next save goes against the current version.
      const current = failure.current;
      if (base) setValues((typed) => rebaseValues(typed, valuesOf(base), valuesOf(current)));
      setBase(current);
      setConflict(`${failure.message} ${t('incidents.conflictKeepInput')}`);
      return;
    }
    if (isApiError(error)) setErrors(apiFieldErrors(error));
    setFormError(failure.message);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!base) {
      const parsed = createIncidentSchema.safeParse(
        {
          title: values.title,
          description: values.description,
          category: values.category || null,
          origin: values.origin,
          impact: values.impact,
          urgency: values.urgency,
          major: canTriage ? values.major : false,
          siteId: idOrNull(values.siteId),
          roomId: idOrNull(values.roomId),
          rackIds: values.racks.map((rack) => rack.id),
          deviceIds: values.devices.map((device) => device.id),
          sourceRunId: sourceRunId ?? null,
        },
        { reportInput: true },
      );
      if (!parsed.success) {
        setErrors(zodFieldErrors(parsed.error.issues, t));
        setFormError(t('validation.fixErrors'));
        return;
      }
      setErrors({});
      setFormError(null);
      create.mutate(
        { body: parsed.data, idempotencyKey: retryKey.key },
        {
          onSuccess: (saved) => {
            retryKey.settled();
            onSaved(saved);
          },
          onError: (error) => {
            retryKey.settled(error);
            onError(error);
          },
        },
      );
      return;
    }
    const patch = patchOf(base, values);
    if (Object.keys(patch).length === 1) {
      setErrors({});
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
    update.mutate({ id: base.id, body: parsed.data }, { onSuccess: onSaved, onError });
  };

  const others = Object.entries(errors).filter(
    ([path]) => !shownFields.includes(path) && !path.startsWith('rackIds') && !path.startsWith('deviceIds'),
  );

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="incident-form">
      {conflict && (
        <p className="alert alert--warning" role="alert">
          {conflict}
        </p>
      )}
      <FormField label={t('incidents.titleField')} error={errors.title} required>
        {(control) => (
          <input
            {...control}
            className="input"
            name="title"
            autoComplete="off"
            value={values.title}
            onChange={(event) => set('title', event.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('incidents.description')} error={errors.description}>
        {(control) => (
          <textarea
            {...control}
            className="input"
            name="description"
            rows={4}
            value={values.description}
            onChange={(event) => set('description', event.target.value)}
          />
        )}
      </FormField>
      <TriageFields
        values={values}
        onChange={(triage) => setValues((current) => ({ ...current, ...triage }))}
        errors={errors}
        canDeclareMajor={canTriage}
      />
      <div className="form__grid">
        <FormField label={t('incidents.category')} error={errors.category}>
          {(control) => (
            <select
              {...control}
              className="input"
              name="category"
              value={values.category}
              onChange={(event) =>
                set('category', procedureCategories.find((category) => category === event.target.value) ?? '')
              }
            >
              <option value="">{t('incidents.noCategory')}</option>
              {procedureCategories.map((category) => (
                <option key={category} value={category}>
                  {t(`procedures.category.${category}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('incidents.origin')} error={errors.origin}>
          {(control) => (
            <select
              {...control}
              className="input"
              name="origin"
              value={values.origin}
              onChange={(event) => {
                const origin = incidentOrigins.find((candidate) => candidate === event.target.value);
                if (origin) set('origin', origin);
              }}
            >
              {incidentOrigins.map((origin) => (
                <option key={origin} value={origin}>
                  {t(`incidents.origin.${origin}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('incidents.site')} error={errors.siteId}>
          {(control) => (
            <select
              {...control}
              className="input"
              name="siteId"
              value={values.siteId}
              onChange={(event) =>
                setValues((current) => ({ ...current, siteId: event.target.value, roomId: '' }))
              }
            >
              <option value="">{t('incidents.anySite')}</option>
              {(sites.data?.items ?? []).map((site) => (
                <option key={site.id} value={String(site.id)}>
                  {site.code} — {site.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('incidents.room')} error={errors.roomId}>
          {(control) => (
            <select
              {...control}
              className="input"
              name="roomId"
              value={values.roomId}
              onChange={(event) => set('roomId', event.target.value)}
            >
              <option value="">{t('incidents.anyRoom')}</option>
              {roomItems.map((room) => (
                <option key={room.id} value={String(room.id)}>
                  {room.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <div className="form__grid">
        <RackPicker
          selected={values.racks}
          onChange={(racks) => set('racks', racks)}
          siteId={siteId}
          roomId={roomId}
        />
        <DevicePicker
          selected={values.devices}
          onChange={(devices) => set('devices', devices)}
          siteId={siteId}
          roomId={roomId}
        />
      </div>
      {base && (
        <>
          <FormField label={t('incidents.assignee')} error={errors.assigneeId}>
            {(control) => (
              <select
                {...control}
                className="input"
                name="assigneeId"
                value={values.assigneeId}
                onChange={(event) => set('assigneeId', event.target.value)}
              >
                <option value="">{t('incidents.unassigned')}</option>
                {[...people.values()].map((person) => (
                  <option key={person.id} value={String(person.id)}>
                    {person.id === me.user.id
                      ? t('incidents.me', { name: person.displayName })
                      : person.displayName}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('incidents.workaround')} error={errors.workaround}>
            {(control) => (
              <textarea
                {...control}
                className="input"
                name="workaround"
                rows={3}
                value={values.workaround}
                onChange={(event) => set('workaround', event.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('incidents.rootCause')} error={errors.rootCause}>
            {(control) => (
              <textarea
                {...control}
                className="input"
                name="rootCause"
                rows={3}
                value={values.rootCause}
                onChange={(event) => set('rootCause', event.target.value)}
              />
            )}
          </FormField>
        </>
      )}
      {others.length > 0 && (
        <ul className="alert alert--error">
          {others.map(([path, message]) => (
            <li key={path}>
              {path}: {message}
            </li>
          ))}
        </ul>
      )}
      <FormFooter
        formError={formError}
        submitLabel={base ? t('common.save') : t('incidents.create')}
        pending={create.isPending || update.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
