import { Outlet } from 'react-router';
import { RequireArea } from './require-area';

export function IncidentsRoute() {
  return (
    <RequireArea area="incidents">
      <Outlet />
    </RequireArea>
  );
}
