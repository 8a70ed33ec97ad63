import { scheduleOfRrule, scheduleToRrule, type TaskSchedule } from '@vigie/shared';
import { useState } from 'react';
import { FormField } from '../../../components/ui/form-field';
import { useT } from '../../../lib/i18n/i18n-provider';
import {
  defaultSchedule,
  monthDays,
  scheduleKinds,
  scheduleProblem,
  switchScheduleKind,
  weekdayOrdinals,
  weekdays,
  type ScheduleKind,
} from '../lib/schedule-form';

interface ScheduleEditorProps {
  rule: string;
  onRuleChange: (rule: string) => void;
  timeZone: string;
  /** The server's word on the rule (a 400 on `rrule`). */
  error?: string | undefined;
}

/**
 * The schedule builder: a form for the common shapes that writes the recurrence rule, and the
 * rule itself, editable by hand. A hand-written rule the form can show fills the form back.
 */
export function ScheduleEditor({ rule, onRuleChange, timeZone, error }: ScheduleEditorProps) {
  const t = useT();
  const [form, setForm] = useState<TaskSchedule>(() => scheduleOfRrule(rule) ?? defaultSchedule);
  const custom = rule.trim() !== '' && scheduleOfRrule(rule) === null;
  const problem = scheduleProblem(form);

  function changeForm(next: TaskSchedule) {
    setForm(next);
    if (!scheduleProblem(next)) onRuleChange(scheduleToRrule(next));
  }

  function changeRule(text: string) {
    onRuleChange(text);
    const read = scheduleOfRrule(text);
    if (read) setForm(read);
  }

  const time = (value: string, onChange: (value: string) => void, label: string) => (
    <FormField label={label}>
      {(control) => (
        <input
          {...control}
          className="input task-schedule__time"
          type="time"
          required
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );

  return (
    <fieldset className="task-schedule">
      <legend className="field__label">{t('tasks.field.schedule')}</legend>
      <FormField label={t('tasks.schedule.kind')}>
        {(control) => (
          <select
            {...control}
            className="input"
            value={form.kind}
            onChange={(event) => changeForm(switchScheduleKind(form, event.target.value as ScheduleKind))}
          >
            {scheduleKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`tasks.schedule.kind.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>

      {(form.kind === 'daily' || form.kind === 'weekly') && (
        <div className="task-schedule__times" role="group" aria-label={t('tasks.schedule.times')}>
          {form.times.map((value, index) => (
            <div className="task-schedule__time-row" key={index}>
              {time(
                value,
                (next) =>
                  changeForm({ ...form, times: form.times.map((old, i) => (i === index ? next : old)) }),
                t('tasks.schedule.timeN', { number: index + 1 }),
              )}
              {form.times.length > 1 && (
                <button
                  type="button"
                  className="button button--ghost"
                  onClick={() => changeForm({ ...form, times: form.times.filter((_, i) => i !== index) })}
                >
                  {t('tasks.schedule.removeTime', { time: value })}
                </button>
              )}
            </div>
          ))}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => changeForm({ ...form, times: [...form.times, form.times.at(-1) ?? '08:00'] })}
          >
            {t('tasks.schedule.addTime')}
          </button>
        </div>
      )}

      {form.kind === 'weekly' && (
        <fieldset className="task-schedule__days">
          <legend className="field__label">{t('tasks.schedule.days')}</legend>
          {weekdays.map((day) => (
            <label key={day} className="checkbox">
              <input
                type="checkbox"
                checked={form.days.includes(day)}
                onChange={(event) =>
                  changeForm({
                    ...form,
                    days: event.target.checked ? [...form.days, day] : form.days.filter((d) => d !== day),
                  })
                }
              />
              {t(`tasks.weekday.${day}`)}
            </label>
          ))}
        </fieldset>
      )}

      {form.kind === 'monthly_day' && (
        <FormField label={t('tasks.schedule.dayOfMonth')}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={form.day}
              onChange={(event) => changeForm({ ...form, day: Number(event.target.value) })}
            >
              {monthDays.map((day) => (
                <option key={day} value={day}>
                  {day === -1 ? t('tasks.schedule.lastDay') : day}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}

      {form.kind === 'monthly_weekday' && (
        <div className="form__grid">
          <FormField label={t('tasks.schedule.ordinal')}>
            {(control) => (
              <select
                {...control}
                className="input"
                value={form.ordinal}
                onChange={(event) =>
                  changeForm({
                    ...form,
                    ordinal: weekdayOrdinals.find((o) => o === Number(event.target.value)) ?? 1,
                  })
                }
              >
                {weekdayOrdinals.map((ordinal) => (
                  <option key={ordinal} value={ordinal}>
                    {t(`tasks.schedule.ordinal.${ordinal}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('tasks.schedule.weekday')}>
            {(control) => (
              <select
                {...control}
                className="input"
                value={form.weekday}
                onChange={(event) =>
                  changeForm({ ...form, weekday: weekdays.find((d) => d === event.target.value) ?? 'MO' })
                }
              >
                {weekdays.map((day) => (
                  <option key={day} value={day}>
                    {t(`tasks.weekday.${day}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
      )}

      {(form.kind === 'monthly_day' || form.kind === 'monthly_weekday') &&
        time(form.time, (next) => changeForm({ ...form, time: next }), t('tasks.schedule.time'))}

      {problem && (
        <p className="field__error" role="alert">
          {t(`tasks.schedule.problem.${problem}`)}
        </p>
      )}
      {custom && <p className="alert alert--warning">{t('tasks.schedule.custom')}</p>}

      <FormField
        label={t('tasks.schedule.rule')}
        hint={t('tasks.schedule.ruleHint', { timeZone })}
        error={error}
        required
      >
        {(control) => (
          <input
            {...control}
            className="input mono"
            spellCheck={false}
            autoComplete="off"
            value={rule}
            onChange={(event) => changeRule(event.target.value)}
          />
        )}
      </FormField>
    </fieldset>
  );
}
