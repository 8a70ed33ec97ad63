import { Navigate } from 'react-router';
import { BoardPage } from '../../features/board/components/board-page';
import { areaById, visibleAreas } from '../navigation';
import { NotFoundPage } from './not-found-page';
import { useSignedInMe } from './use-signed-in-me';

/** The board for those who may see it (coordinators first); otherwise the first area the role has. */
export function HomePage() {
  const me = useSignedInMe();
  if (!me) return null;
  if (me.permissions.includes(areaById('board').permission)) return <BoardPage me={me} />;
  const first = visibleAreas(me.permissions)[0];
  return first ? <Navigate to={first.path} replace /> : <NotFoundPage />;
}
