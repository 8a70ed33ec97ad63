import { Outlet } from 'react-router';
import { RequireArea } from './require-area';

/** The recurring tasks (`/tasks/*`), for roles with `task.read`. */
export function TasksRoute() {
  return (
    <RequireArea area="tasks">
      <Outlet />
    </RequireArea>
  );
}
