import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useRackCapacity, useRoomCapacity, useSiteCapacity } from '../api/get-capacity';
import { CapacityMeters, CapacityTable } from './capacity-meters';

/** The capacity section of a page: its heading, then the loading, error or loaded state of the query. */
function CapacitySection<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  return (
    <section className="section" aria-labelledby="capacity-title" data-testid="capacity">
      <h2 id="capacity-title" className="section__title">
        {t('capacity.title')}
      </h2>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState
          error={query.error}
          title={t('capacity.loadError')}
          onRetry={() => void query.refetch()}
        />
      ) : (
        children(query.data)
      )}
    </section>
  );
}

/** A rack's units used and free, power allocated against its budget, weight against its maximum. */
export function RackCapacityPanel({ rackId }: { rackId: number }) {
  return (
    <CapacitySection query={useRackCapacity(rackId)}>
      {(rack) => <CapacityMeters figures={rack.figures} testId="capacity-total" />}
    </CapacitySection>
  );
}

/** The room's totals, then one line per row of racks. */
export function RoomCapacityPanel({ roomId }: { roomId: number }) {
  const t = useT();
  return (
    <CapacitySection query={useRoomCapacity(roomId)}>
      {(room) =>
        room.figures.rackCount === 0 ? (
          <EmptyState title={t('capacity.noRacks')} headingLevel={3} />
        ) : (
          <>
            <h3 className="capacity__subtitle">
              {t('capacity.roomTotals', { count: room.figures.rackCount })}
            </h3>
            <CapacityMeters figures={room.figures} testId="capacity-total" />
            <CapacityTable
              caption={t('capacity.rowsCaption', { name: room.roomName })}
              firstColumn={t('inventory.row')}
              lines={room.rows.map((row) => ({
                key: row.rowLabel,
                name: row.rowLabel,
                label: t('capacity.row', { row: row.rowLabel }),
                figures: row.figures,
                testId: `capacity-row-${row.rowLabel}`,
              }))}
            />
          </>
        )
      }
    </CapacitySection>
  );
}

/** The site's totals, then one line per room, each linking to its floor plan. */
export function SiteCapacityPanel({ siteId }: { siteId: number }) {
  const t = useT();
  return (
    <CapacitySection query={useSiteCapacity(siteId)}>
      {(site) =>
        site.figures.rackCount === 0 ? (
          <EmptyState title={t('capacity.noRacks')} headingLevel={3} />
        ) : (
          <>
            <h3 className="capacity__subtitle">
              {t('capacity.siteTotals', { count: site.figures.rackCount })}
            </h3>
            <CapacityMeters figures={site.figures} testId="capacity-total" />
            <CapacityTable
              caption={t('capacity.roomsCaption', { name: site.siteName })}
              firstColumn={t('inventory.room')}
              lines={site.rooms.map((room) => ({
                key: String(room.roomId),
                name: <Link to={`/inventory/rooms/${room.roomId}`}>{room.roomName}</Link>,
                label: room.roomName,
                figures: room.figures,
                testId: `capacity-room-${room.roomId}`,
              }))}
            />
          </>
        )
      }
    </CapacitySection>
  );
}
