import {
  createTaskSchema,
  scheduleToRrule,
  taskTeams,
  type CreateTask,
  type RecurringTask,
} from '@vigie/shared';
import { useId, useState } from 'react';
import { FormField } from '../../../components/ui/form-field';
import { FormFooter } from '../../../components/ui/form-footer';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import { defaultTimeZone } from '../../../lib/dates';
import { useAssignees } from '../../incidents/api/get-assignees';
import { useRacks } from '../../inventory/api/get-racks';
import { useRooms } from '../../inventory/api/get-rooms';
import { useProcedures } from '../../procedures/api/get-procedures';
import { localized } from '../../procedures/lib/localized';
import { useSites } from '../../sites/api/get-sites';
import { useCreateTask } from '../api/create-task';
import { useUpdateTask } from '../api/update-task';
import { defaultSchedule } from '../lib/schedule-form';
import { ScheduleEditor } from './schedule-editor';
import { TaskPreview } from './task-preview';

/** What the inputs hold (selects and numbers as text until sent). */
interface TaskFormValues {
  title: string;
  procedureId: string;
  siteId: string;
  roomId: string;
  rackId: string;
  rrule: string;
  /** `YYYY-MM-DD`; blank: today in the site's zone (the server's default). */
  startDate: string;
  leadMinutes: string;
  graceMinutes: string;
  team: string;
  assigneeId: string;
  active: boolean;
}

function valuesOf(task: RecurringTask | null, firstSiteId: number | undefined): TaskFormValues {
  const id = (value: number | null | undefined) => (value == null ? '' : String(value));
  return {
    title: task?.title ?? '',
    procedureId: task?.procedureId ?? '',
    siteId: id(task?.scope.siteId ?? firstSiteId),
    roomId: id(task?.scope.roomId),
    rackId: id(task?.scope.rackId),
    rrule: task?.rrule ?? scheduleToRrule(defaultSchedule),
    startDate: task?.startDate ?? '',
    leadMinutes: String(task?.leadMinutes ?? 60),
    graceMinutes: String(task?.graceMinutes ?? 60),
    team: task?.team ?? '',
    assigneeId: id(task?.assignee?.id),
    active: task?.active ?? true,
  };
}

const idOrNull = (value: string) => (value === '' ? null : Number(value));

function bodyOf(values: TaskFormValues): CreateTask {
  return {
    title: values.title,
    procedureId: values.procedureId,
    scope: {
      siteId: Number(values.siteId),
      roomId: idOrNull(values.roomId),
      rackId: idOrNull(values.rackId),
    },
    rrule: values.rrule,
    ...(values.startDate ? { startDate: values.startDate } : {}),
    leadMinutes: values.leadMinutes === '' ? Number.NaN : Number(values.leadMinutes),
    graceMinutes: values.graceMinutes === '' ? Number.NaN : Number(values.graceMinutes),
    team: values.team.trim() === '' ? null : values.team.trim(),
    assigneeId: idOrNull(values.assigneeId),
    active: values.active,
  };
}

interface TaskFormProps {
  task: RecurringTask | null;
  onSaved: (task: RecurringTask) => void;
  onCancel: () => void;
}

/** Defining or editing a recurring task: what, where, when (the schedule builder), for whom. */
export function TaskForm({ task, onSaved, onCancel }: TaskFormProps) {
  const t = useT();
  const { locale } = useLocale();
  const teamsId = useId();
  const sites = useSites();
  const siteItems = sites.data?.items ?? [];
  const [values, setValues] = useState(() => valuesOf(task, siteItems[0]?.id));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const procedures = useProcedures({});
  const rooms = useRooms({ siteId: values.siteId ? Number(values.siteId) : undefined, limit: 200 });
  const racks = useRacks({ roomId: values.roomId ? Number(values.roomId) : undefined, limit: 200 });
  const assignees = useAssignees(true);
  const create = useCreateTask();
  const update = useUpdateTask(task?.id ?? 0);
  const site = siteItems.find((item) => String(item.id) === values.siteId);
  const timeZone = task?.timeZone ?? site?.timeZone ?? defaultTimeZone;

  const set = <K extends keyof TaskFormValues>(key: K, value: TaskFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  function submit() {
    const body = bodyOf(values);
    const parsed = createTaskSchema.safeParse(body, { reportInput: true });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues, t));
      setFormError(null);
      return;
    }
    setErrors({});
    setFormError(null);
    const onError = (error: unknown) => {
      if (isApiError(error) && error.fields.length > 0) setErrors(apiFieldErrors(error, t));
      setFormError(
        isApiError(error, 'rule_violation') || isApiError(error, 'validation_failed')
          ? error.message
          : errorMessage(error, t),
      );
    };
    if (task) update.mutate({ ...body, version: task.version }, { onSuccess: onSaved, onError });
    else create.mutate(body, { onSuccess: onSaved, onError });
  }

  const numberField = (key: 'leadMinutes' | 'graceMinutes', label: string, hint: string) => (
    <FormField label={label} hint={hint} error={errors[key]} required>
      {(control) => (
        <input
          {...control}
          className="input"
          type="number"
          inputMode="numeric"
          min={0}
          max={7 * 24 * 60}
          value={values[key]}
          onChange={(event) => set(key, event.target.value)}
        />
      )}
    </FormField>
  );

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <FormField label={t('tasks.field.title')} error={errors.title} required>
        {(control) => (
          <input
            {...control}
            className="input"
            maxLength={200}
            value={values.title}
            onChange={(event) => set('title', event.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('tasks.field.procedure')} error={errors.procedureId} required>
        {(control) => (
          <select
            {...control}
            className="input"
            value={values.procedureId}
            onChange={(event) => set('procedureId', event.target.value)}
          >
            <option value="">{t('tasks.choose')}</option>
            {(procedures.data?.items ?? []).map((procedure) => (
              <option key={procedure.id} value={procedure.id}>
                {localized(procedure.title, locale)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="form__grid">
        <FormField label={t('tasks.field.site')} error={errors['scope.siteId']} required>
          {(control) => (
            <select
              {...control}
              className="input"
              value={values.siteId}
              onChange={(event) =>
                setValues((current) => ({ ...current, siteId: event.target.value, roomId: '', rackId: '' }))
              }
            >
              <option value="">{t('tasks.choose')}</option>
              {siteItems.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.code} — {item.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('tasks.field.room')} error={errors['scope.roomId']}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={values.roomId}
              disabled={!values.siteId}
              onChange={(event) =>
                setValues((current) => ({ ...current, roomId: event.target.value, rackId: '' }))
              }
            >
              <option value="">{t('tasks.field.wholeSite')}</option>
              {(rooms.data?.items ?? []).map((room) => (
                <option key={room.id} value={room.id}>
                  {room.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('tasks.field.rack')} error={errors['scope.rackId']}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={values.rackId}
              disabled={!values.roomId}
              onChange={(event) => set('rackId', event.target.value)}
            >
              <option value="">{t('tasks.field.wholeRoom')}</option>
              {(values.roomId ? (racks.data?.items ?? []) : []).map((rack) => (
                <option key={rack.id} value={rack.id}>
                  {rack.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <ScheduleEditor
        rule={values.rrule}
        onRuleChange={(rule) => set('rrule', rule)}
        timeZone={timeZone}
        error={errors.rrule ?? errors.schedule}
      />
      <FormField
        label={t('tasks.field.startDate')}
        hint={t('tasks.field.startDateHint')}
        error={errors.startDate}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            type="date"
            value={values.startDate}
            onChange={(event) => set('startDate', event.target.value)}
          />
        )}
      </FormField>
      <TaskPreview
        siteId={values.siteId ? Number(values.siteId) : null}
        rrule={values.rrule}
        startDate={values.startDate || null}
      />
      <div className="form__grid">
        {numberField('leadMinutes', t('tasks.field.leadMinutes'), t('tasks.field.leadHint'))}
        {numberField('graceMinutes', t('tasks.field.graceMinutes'), t('tasks.field.graceHint'))}
      </div>
      <div className="form__grid">
        <FormField label={t('tasks.field.team')} error={errors.team}>
          {(control) => (
            <>
              <input
                {...control}
                className="input"
                list={teamsId}
                maxLength={60}
                value={values.team}
                onChange={(event) => set('team', event.target.value)}
              />
              <datalist id={teamsId}>
                {taskTeams.map((team) => (
                  <option key={team} value={team} />
                ))}
              </datalist>
            </>
          )}
        </FormField>
        <FormField label={t('tasks.field.assignee')} error={errors.assigneeId}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={values.assigneeId}
              onChange={(event) => set('assigneeId', event.target.value)}
            >
              <option value="">{t('tasks.field.noAssignee')}</option>
              {(assignees.data?.items ?? []).map((user) => (
                <option key={user.id} value={user.id}>
                  {user.displayName}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      {task && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={values.active}
            onChange={(event) => set('active', event.target.checked)}
          />
          {t('tasks.field.active')}
        </label>
      )}
      <FormFooter
        formError={formError}
        submitLabel={t('common.save')}
        pending={create.isPending || update.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
