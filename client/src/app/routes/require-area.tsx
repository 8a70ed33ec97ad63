import type { ReactNode } from 'react';
import { areaById, type AreaId } from '../navigation';
import { ForbiddenPage } from './forbidden-page';
import { useSignedInMe } from './use-signed-in-me';

/** Shows the page only to roles that see the area in the navigation; others get a clear "access denied". */
export function RequireArea({ area, children }: { area: AreaId; children: ReactNode }) {
  const me = useSignedInMe();
  if (!me) return null;
  return me.permissions.includes(areaById(area).permission) ? children : <ForbiddenPage />;
}
