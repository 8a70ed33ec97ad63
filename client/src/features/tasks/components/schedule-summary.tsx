import { scheduleOfRrule } from '@vigie/shared';
import { useT } from '../../../lib/i18n/i18n-provider';

/** A rule in words when the form can read it; the raw rule always below, for the exact meaning. */
export function ScheduleSummary({ rrule }: { rrule: string }) {
  const t = useT();
  const schedule = scheduleOfRrule(rrule);
  let words: string | null = null;
  if (schedule?.kind === 'daily') words = t('tasks.describe.daily', { times: schedule.times.join(', ') });
  if (schedule?.kind === 'weekly') {
    words = t('tasks.describe.weekly', {
      days: schedule.days.map((day) => t(`tasks.weekday.${day}`)).join(', '),
      times: schedule.times.join(', '),
    });
  }
  if (schedule?.kind === 'monthly_day') {
    words =
      schedule.day === -1
        ? t('tasks.describe.monthlyLastDay', { time: schedule.time })
        : t('tasks.describe.monthlyDay', { day: schedule.day, time: schedule.time });
  }
  if (schedule?.kind === 'monthly_weekday') {
    words = t('tasks.describe.monthlyWeekday', {
      ordinal: t(`tasks.schedule.ordinal.${schedule.ordinal}`),
      weekday: t(`tasks.weekday.${schedule.weekday}`).toLowerCase(),
      time: schedule.time,
    });
  }
  return (
    <>
      {words && <span className="task-schedule-summary">{words}</span>}
      <code className="task-schedule-summary__rule">{rrule}</code>
    </>
  );
}
