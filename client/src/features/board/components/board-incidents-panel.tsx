import { maxPageSize, type Incident, type Me } from '@vigie/shared';
import { useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useLiveStatus } from '../../../lib/live-socket';
import { incidentPageKey, useIncidents, type IncidentsQuery } from '../../incidents/api/get-incidents';
import {
  IncidentFilters,
  incidentFilterKeys,
  peopleOf,
  readIncidentFilters,
} from '../../incidents/components/incident-filters';
import type { TriageNotice } from '../../incidents/components/quick-triage';
import { useNow } from '../../incidents/hooks/use-now';
import { hasFilters } from '../../inventory/lib/list-filters';
import { playBeep } from '../lib/beep';
import { boardOrder } from '../lib/board-order';
import { arrivalHighlightMs, useNewArrivals } from '../hooks/use-new-arrivals';
import { BoardIncidentRow } from './board-incident-row';

/** The open incidents, live: countdowns every second, new arrivals highlighted (and a beep if wanted). */
export function BoardIncidentsPanel({ me, soundOn }: { me: Me; soundOn: boolean }) {
  const t = useT();
  const [params] = useSearchParams();
  const now = useNow(1000);
  const live = useLiveStatus();
  const query: IncidentsQuery = {
    ...readIncidentFilters(params),
    open: true,
    sort: 'board',
    limit: maxPageSize,
  };
  const incidents = useIncidents(query);
  const [notice, setNotice] = useState<TriageNotice | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const canTriage = me.permissions.includes('incident.triage');

  const onArrive = useCallback(
    (fresh: Incident[]) => {
      if (soundOn) playBeep();
      setAnnouncement(
        fresh
          .map((incident) =>
            t('board.arrived', { reference: incident.reference, priority: incident.priority }),
          )
          .join(' '),
      );
    },
    [soundOn, t],
  );
  const arrivals = useNewArrivals(incidentPageKey(query), onArrive);

  const page = incidents.data;
  const items = page ? boardOrder(page.items, now) : [];
  const people = peopleOf(
    me,
    items.flatMap((incident) => [incident.assignee]),
  );

  return (
    <section className="panel panel--wide" aria-labelledby="board-incidents">
      <h2 className="panel__title" id="board-incidents">
        {t('board.openIncidents')}
        {page && <span className="panel__count">{page.items.length}</span>}
      </h2>
      <div className="panel__body">
        {live.state === 'offline' || live.state === 'reconnecting' ? (
          <p className="alert alert--warning" data-testid="board-offline">
            {t('board.offline')}
          </p>
        ) : null}
        <IncidentFilters me={me} people={people} />
        <div role="status" className="notice-area" aria-live="polite">
          {notice && (
            <p className={`alert alert--${notice.tone}`} data-testid="board-notice">
              {notice.text}
            </p>
          )}
        </div>
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
        {!canTriage && <p className="panel__hint">{t('board.readOnly')}</p>}
        {incidents.isPending ? (
          <LoadingState />
        ) : incidents.isError && !page ? (
          <ErrorState
            error={incidents.error}
            title={t('incidents.loadError')}
            onRetry={() => void incidents.refetch()}
          />
        ) : items.length === 0 ? (
          <EmptyState
            headingLevel={3}
            title={hasFilters(params, incidentFilterKeys) ? t('board.noMatch') : t('board.noOpenIncidents')}
          />
        ) : (
          <>
            <ol
              className="incident-board"
              aria-label={t('board.incidentsCaption')}
              aria-busy={incidents.isPlaceholderData}
            >
              {items.map((incident) => {
                const arrived = arrivals.get(incident.id);
                return (
                  <BoardIncidentRow
                    key={incident.id}
                    incident={incident}
                    now={now}
                    isNew={arrived !== undefined && now - arrived < arrivalHighlightMs}
                    me={me}
                    canTriage={canTriage}
                    onNotice={setNotice}
                  />
                );
              })}
            </ol>
            {page?.nextCursor && (
              <p className="panel__hint">
                <Link to="/incidents">{t('board.more', { count: page.items.length })}</Link>
              </p>
            )}
          </>
        )}
        <p className="panel__footer">
          <Link to="/incidents">{t('board.allIncidents')}</Link>
        </p>
      </div>
    </section>
  );
}
