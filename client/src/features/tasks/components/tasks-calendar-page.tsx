import { maxPageSize, taskTeams, type Occurrence } from '@vigie/shared';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { formatInTimeZone } from '../../../lib/dates';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import { useTimeZone } from '../../../lib/time-zone';
import { readIdParam, withFilter } from '../../inventory/lib/list-filters';
import { useSites } from '../../sites/api/get-sites';
import { useOccurrences } from '../api/get-occurrences';
import { useTasks } from '../api/get-tasks';
import {
  isLocalDate,
  localDate,
  periodDays,
  queryWindow,
  shiftPeriod,
  type CalendarView,
} from '../lib/calendar-days';
import { OccurrenceActions } from './occurrence-actions';
import { OccurrenceStateBadge } from './occurrence-state-badge';
import { TasksNav } from './tasks-nav';
import '../tasks.css';

/** `/tasks/calendar`: the occurrences of a day or a week, per site and team, in the site's time. */
export function TasksCalendarPage() {
  const t = useT();
  const { locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const sites = useSites();
  const siteId = readIdParam(params, 'siteId');
  const team = params.get('team') ?? '';
  const view: CalendarView = params.get('view') === 'day' ? 'day' : 'week';
  const appTimeZone = useTimeZone();
  const timeZone = sites.data?.items.find((site) => site.id === siteId)?.timeZone ?? appTimeZone;
  const dateParam = params.get('date');
  const anchor = isLocalDate(dateParam) ? dateParam : localDate(new Date(), timeZone);
  const today = localDate(new Date(), timeZone);
  const days = periodDays(anchor, view);
  const occurrences = useOccurrences({
    ...queryWindow(days),
    siteId: siteId ?? undefined,
    team: team || undefined,
    limit: 1000,
  });
  // Team is free text: offer the usual teams plus every team the tasks actually use.
  const tasks = useTasks({ limit: maxPageSize });
  const teamOptions = [
    ...new Set([
      ...taskTeams,
      ...(tasks.data?.items ?? []).flatMap((task) => (task.team ? [task.team] : [])),
      ...(team ? [team] : []),
    ]),
  ].sort((a, b) => a.localeCompare(b, locale));
  const [opened, setOpened] = useState<Occurrence | null>(null);
  const set = (key: string, value: string | undefined) =>
    setParams((current) => withFilter(current, key, value));
  const move = (direction: -1 | 1) => set('date', shiftPeriod(anchor, view, direction));
  const byDay = new Map<string, Occurrence[]>();
  for (const occurrence of occurrences.data?.items ?? []) {
    const day = localDate(occurrence.scheduledAt, timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), occurrence]);
  }
  const dayTitle = (day: string) =>
    new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    }).format(new Date(`${day}T12:00:00Z`));

  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: t('tasks.calendar') })}</title>
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('tasks.calendar')}</h1>
          <p className="page__subtitle">{t('tasks.previewTimeZone', { timeZone })}</p>
        </div>
        <div className="page__actions">
          <TasksNav />
        </div>
      </header>
      <div className="tasks-calendar__toolbar">
        <label className="field">
          <span className="field__label">{t('tasks.field.site')}</span>
          <select
            className="input"
            value={siteId ?? ''}
            onChange={(event) => set('siteId', event.target.value || undefined)}
          >
            <option value="">{t('tasks.calendar.allSites')}</option>
            {(sites.data?.items ?? []).map((site) => (
              <option key={site.id} value={site.id}>
                {site.code}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('tasks.field.team')}</span>
          <select
            className="input"
            value={team}
            onChange={(event) => set('team', event.target.value || undefined)}
          >
            <option value="">{t('tasks.calendar.allTeams')}</option>
            {teamOptions.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <div className="tasks-switch" role="group" aria-label={t('tasks.calendar')}>
          {(['day', 'week'] as const).map((option) => (
            <button
              key={option}
              type="button"
              className="tasks-switch__option"
              aria-pressed={view === option}
              onClick={() => set('view', option)}
            >
              {t(`tasks.calendar.${option}`)}
            </button>
          ))}
        </div>
        <button type="button" className="button button--secondary" onClick={() => move(-1)}>
          ← {t('tasks.calendar.previous')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => set('date', undefined)}>
          {t('tasks.calendar.today')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => move(1)}>
          {t('tasks.calendar.next')} →
        </button>
      </div>
      {occurrences.isPending ? (
        <LoadingState />
      ) : occurrences.isError && !occurrences.data ? (
        <ErrorState
          error={occurrences.error}
          title={t('tasks.occurrencesLoadError')}
          onRetry={() => void occurrences.refetch()}
        />
      ) : (
        <div
          className={`tasks-calendar__grid tasks-calendar__grid--${view}`}
          // The arrows page through periods; Tab still reaches every occurrence button.
          tabIndex={0}
          role="group"
          aria-label={`${t('tasks.calendar')} — ${t('tasks.calendar.keyboardHint')}`}
          data-testid="tasks-calendar"
          onKeyDown={(event) => {
            if (event.target !== event.currentTarget) return;
            if (event.key === 'ArrowLeft') move(-1);
            if (event.key === 'ArrowRight') move(1);
          }}
        >
          {days.map((day) => {
            const entries = byDay.get(day) ?? [];
            return (
              <section
                key={day}
                className={
                  day === today ? 'tasks-calendar__day tasks-calendar__day--today' : 'tasks-calendar__day'
                }
                aria-label={dayTitle(day)}
              >
                <h2 className="tasks-calendar__day-title">{dayTitle(day)}</h2>
                {entries.length === 0 && <p className="field__hint">{t('tasks.calendar.empty')}</p>}
                {entries.map((occurrence) => (
                  <button
                    key={occurrence.id}
                    type="button"
                    className={`tasks-calendar__entry tasks-calendar__entry--${occurrence.state}`}
                    data-testid={`calendar-occurrence-${occurrence.id}`}
                    onClick={() => setOpened(occurrence)}
                  >
                    <span>
                      {formatInTimeZone(occurrence.scheduledAt, locale, timeZone, 'time')} {occurrence.title}
                    </span>
                    <OccurrenceStateBadge occurrence={occurrence} />
                  </button>
                ))}
              </section>
            );
          })}
        </div>
      )}
      {opened && (
        <OccurrenceDialog
          // The list is live: show the occurrence as it now stands.
          occurrence={occurrences.data?.items.find((item) => item.id === opened.id) ?? opened}
          timeZone={timeZone}
          onClose={() => setOpened(null)}
        />
      )}
    </div>
  );
}

function OccurrenceDialog({
  occurrence,
  timeZone,
  onClose,
}: {
  occurrence: Occurrence;
  timeZone: string;
  onClose: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const format = (at: string) => formatInTimeZone(at, locale, timeZone, 'datetime');
  return (
    <Dialog title={occurrence.title} onClose={onClose}>
      <dl className="facts">
        <dt>{t('tasks.state')}</dt>
        <dd>
          <OccurrenceStateBadge occurrence={occurrence} />
        </dd>
        <dt>{t('tasks.schedule')}</dt>
        <dd>{t('tasks.scheduledAt', { time: format(occurrence.scheduledAt) })}</dd>
        <dd>{t('tasks.dueAt', { time: format(occurrence.dueAt) })}</dd>
        <dt>{t('tasks.field.site')}</dt>
        <dd>{occurrence.site.name}</dd>
        {occurrence.cancelReason && (
          <>
            <dt>{t('tasks.cancelReason')}</dt>
            <dd>{occurrence.cancelReason}</dd>
          </>
        )}
      </dl>
      <OccurrenceActions occurrence={occurrence} />
    </Dialog>
  );
}
