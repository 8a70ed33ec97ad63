import type { Room } from '@vigie/shared';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useFloorPlan } from '../../inventory/api/get-floor-plan';
import { useAllRooms } from '../../inventory/api/get-rooms';
import { roomStatusOf } from '../lib/room-status';

/** How many racks needing attention a room lists before pointing to its floor plan. */
const attentionShown = 4;

const percent = (value: number | null) => (value === null ? '–' : `${Math.round(value)} %`);

function RoomStatusItem({ room }: { room: Room }) {
  const t = useT();
  const plan = useFloorPlan(room.id);
  if (plan.isPending) return <LoadingState />;
  if (!plan.data) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  const status = roomStatusOf(plan.data);
  return (
    <li className="room-status" data-testid={`room-status-${room.id}`}>
      <Link className="room-status__name" to={`/inventory/rooms/${room.id}`}>
        {room.name}
      </Link>
      <dl className="room-status__figures">
        <div>
          <dt>{t('board.roomRacks')}</dt>
          <dd>{status.racks}</dd>
        </div>
        <div>
          <dt>{t('board.roomSpace')}</dt>
          <dd>{percent(status.uUsedPercent)}</dd>
        </div>
        <div>
          <dt>{t('board.roomPower')}</dt>
          <dd>{percent(status.powerPercent)}</dd>
        </div>
        <div>
          <dt>{t('board.roomIncidents')}</dt>
          <dd>{status.openIncidents}</dd>
        </div>
      </dl>
      {status.attention.length === 0 ? (
        <p className="room-status__calm">{t('board.roomCalm')}</p>
      ) : (
        <ul className="room-status__attention" aria-label={t('board.roomAttention', { room: room.name })}>
          {status.attention.slice(0, attentionShown).map((rack) => (
            <li key={rack.rackId}>
              <Link to={`/inventory/racks/${rack.rackId}`}>{rack.name}</Link>{' '}
              {rack.openIncidents === 1
                ? t('board.rackIncident')
                : rack.openIncidents > 1
                  ? t('board.rackIncidents', { count: rack.openIncidents })
                  : t('board.rackPower', { value: Math.round(rack.powerPercent ?? 0) })}
            </li>
          ))}
          {status.attention.length > attentionShown && (
            <li>
              <Link to={`/inventory/rooms/${room.id}`}>
                {t('board.roomMore', { count: status.attention.length - attentionShown })}
              </Link>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

/**
 * Rooms and racks at a glance: each room's fill, power and open incidents, and the racks that need
 * a look (an open incident, or power at 90 % of budget and over). Live through the floor plans,
 * which incident and inventory events make stale.
 */
export function RoomsPanel() {
  const t = useT();
  const rooms = useAllRooms();
  if (rooms.isPending) return <LoadingState />;
  if (!rooms.data) return <ErrorState error={rooms.error} onRetry={() => void rooms.refetch()} />;
  if (rooms.data.items.length === 0) return <p className="panel__empty">{t('board.noRooms')}</p>;
  return (
    <ul className="room-status-list" data-testid="rooms-panel">
      {rooms.data.items.map((room) => (
        <RoomStatusItem key={room.id} room={room} />
      ))}
    </ul>
  );
}
