import type { Me } from '@vigie/shared';
import { useEffect, useState } from 'react';
import { useT } from '../../../lib/i18n/i18n-provider';
import type { PlainMessageKey } from '../../../lib/i18n/translate';
import { useFormatDate, useTimeZone } from '../../../lib/time-zone';

const panels = [
  { id: 'incidents', title: 'board.openIncidents' },
  { id: 'tasks', title: 'board.overdueTasks' },
  { id: 'runs', title: 'board.runsInProgress' },
  { id: 'rooms', title: 'board.rooms' },
] as const satisfies readonly { id: string; title: PlainMessageKey }[];

function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The coordinator's home. Its panels fill in as the incident, task, run and room modules land. */
export function BoardPage({ me }: { me: Me }) {
  const t = useT();
  const formatDate = useFormatDate();
  const timeZone = useTimeZone();
  const now = useNow(30_000);
  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: t('board.title') })}</title>
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('board.title')}</h1>
          <p className="page__subtitle">
            {t('board.greeting', { name: me.user.displayName })}{' '}
            {t('board.siteTime', { time: formatDate(now, 'datetime'), timeZone })}
          </p>
        </div>
      </header>
      <div className="board-grid">
        {panels.map((panel) => (
          <section key={panel.id} className="panel" aria-labelledby={`board-${panel.id}`}>
            <h2 className="panel__title" id={`board-${panel.id}`}>
              {t(panel.title)}
            </h2>
            <p className="panel__empty">{t('board.panelComingSoon')}</p>
          </section>
        ))}
      </div>
    </div>
  );
}
