import type { Me } from '@vigie/shared';
import '../board.css';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useFormatDate, useTimeZone } from '../../../lib/time-zone';
import { useNow } from '../../incidents/hooks/use-now';
import { useSoundPreference } from '../hooks/use-sound-preference';
import { RunsInProgressPanel } from '../../runs/components/runs-in-progress-panel';
import { PendingHandoversBanner } from '../../shift/components/pending-handovers-banner';
import { OverdueTasksPanel } from '../../tasks/components/overdue-tasks-panel';
import { BoardIncidentsPanel } from './board-incidents-panel';
import { RoomsPanel } from './rooms-panel';

/** The coordinator's home: the live open incidents first, then runs, recurring work and the rooms. */
export function BoardPage({ me }: { me: Me }) {
  const t = useT();
  const formatDate = useFormatDate();
  const timeZone = useTimeZone();
  const now = useNow(30_000);
  const [soundOn, setSoundOn] = useSoundPreference();
  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: t('board.title') })}</title>
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('board.title')}</h1>
          <p className="page__subtitle">
            {t('board.greeting', { name: me.user.displayName })}{' '}
            {t('board.siteTime', { time: formatDate(new Date(now), 'datetime'), timeZone })}
          </p>
        </div>
        <div className="page__actions">
          <label className="checkbox board-sound">
            <input type="checkbox" checked={soundOn} onChange={(event) => setSoundOn(event.target.checked)} />
            {t('board.sound')}
          </label>
          {me.permissions.includes('incident.create') && (
            <Link className="button button--primary" to="/incidents/new">
              {t('incidents.new')}
            </Link>
          )}
        </div>
      </header>
      {me.permissions.includes('shift.read') && <PendingHandoversBanner />}
      <div className="board-grid">
        <BoardIncidentsPanel me={me} soundOn={soundOn} />
        {me.permissions.includes('run.read') && (
          <section className="panel" aria-labelledby="board-runs">
            <h2 className="panel__title" id="board-runs">
              {t('board.runsInProgress')}
            </h2>
            <RunsInProgressPanel />
          </section>
        )}
        {me.permissions.includes('task.read') && (
          <section className="panel" aria-labelledby="board-tasks">
            <h2 className="panel__title" id="board-tasks">
              {t('board.overdueTasks')}
            </h2>
            <OverdueTasksPanel />
          </section>
        )}
        <section className="panel" aria-labelledby="board-rooms">
          <h2 className="panel__title" id="board-rooms">
            {t('board.rooms')}
          </h2>
          <RoomsPanel />
        </section>
      </div>
    </div>
  );
}
