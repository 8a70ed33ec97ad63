import { Outlet } from 'react-router';
import { RequireArea } from './require-area';

/** The main courante and handover (`/shift`), for roles with `shift.read`. */
export function ShiftRoute() {
  return (
    <RequireArea area="shift">
      <Outlet />
    </RequireArea>
  );
}
