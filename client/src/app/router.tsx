import { createBrowserRouter, Navigate, Outlet } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { SignInPage } from '../features/auth/components/sign-in-page';
import { HolidaysPage } from '../features/holidays/components/holidays-page';
import { IncidentCreatePage } from '../features/incidents/components/incident-create-page';
import { IncidentPage } from '../features/incidents/components/incident-page';
import { IncidentsPage } from '../features/incidents/components/incidents-page';
import { CsvImportPage } from '../features/inventory/components/csv-import-page';
import { DevicePage } from '../features/inventory/components/device-page';
import { DeviceTypesPage } from '../features/inventory/components/device-types-page';
import { DevicesPage } from '../features/inventory/components/devices-page';
import { PlacementPage } from '../features/inventory/components/placement-page';
import { RackPage } from '../features/inventory/components/rack-page';
import { RacksPage } from '../features/inventory/components/racks-page';
import { RoomPage } from '../features/inventory/components/room-page';
import { RoomsPage } from '../features/inventory/components/rooms-page';
import { SitePage } from '../features/inventory/components/site-page';
import { SitesPage } from '../features/inventory/components/sites-page';
import { ProceduresPage } from '../features/procedures/components/procedures-page';
import { ReportsPage } from '../features/reports/components/reports-page';
import { RunPage } from '../features/runs/components/run-page';
import { RunsPage } from '../features/runs/components/runs-page';
import { ShiftPage } from '../features/shift/components/shift-page';
import { TaskCreatePage } from '../features/tasks/components/task-create-page';
import { TaskEditPage } from '../features/tasks/components/task-edit-page';
import { TasksCalendarPage } from '../features/tasks/components/tasks-calendar-page';
import { TasksPage } from '../features/tasks/components/tasks-page';
import { UsersPage } from '../features/users/components/users-page';
import { AdminLayout } from './routes/admin-layout';
import { HomePage } from './routes/home-page';
import { IncidentsRoute } from './routes/incidents-route';
import { InventoryRoute } from './routes/inventory-route';
import { NotFoundPage } from './routes/not-found-page';
import { ProcedureDetailRoute, ProceduresRoute } from './routes/procedures-route';
import { ProtectedLayout } from './routes/protected-layout';
import { RequireArea } from './routes/require-area';
import { RouteErrorPage } from './routes/route-error-page';
import { ShiftRoute } from './routes/shift-route';
import { TasksRoute } from './routes/tasks-route';

const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      {
        path: '/',
        element: <ProtectedLayout />,
        children: [
          {
            errorElement: <RouteErrorPage />,
            children: [
              { index: true, element: <HomePage /> },
              {
                path: 'inventory',
                element: <InventoryRoute />,
                children: [
                  { index: true, element: <Navigate to="racks" replace /> },
                  { path: 'racks', element: <RacksPage /> },
                  { path: 'racks/:rackId', element: <RackPage /> },
                  { path: 'devices', element: <DevicesPage /> },
                  { path: 'devices/:deviceId', element: <DevicePage /> },
                  { path: 'rooms', element: <RoomsPage /> },
                  { path: 'rooms/:roomId', element: <RoomPage /> },
                  { path: 'sites', element: <SitesPage /> },
                  { path: 'sites/:siteId', element: <SitePage /> },
                  { path: 'device-types', element: <DeviceTypesPage /> },
                  { path: 'placement', element: <PlacementPage /> },
                  { path: 'import', element: <CsvImportPage /> },
                  { path: '*', element: <NotFoundPage /> },
                ],
              },
              {
                path: 'incidents',
                element: <IncidentsRoute />,
                children: [
                  { index: true, element: <IncidentsPage /> },
                  { path: 'new', element: <IncidentCreatePage /> },
                  { path: ':incidentId', element: <IncidentPage /> },
                  { path: '*', element: <NotFoundPage /> },
                ],
              },
              {
                path: 'procedures',
                element: <ProceduresRoute />,
                children: [
                  { index: true, element: <ProceduresPage /> },
                  { path: ':procedureId', element: <ProcedureDetailRoute /> },
                ],
              },
              {
                path: 'runs',
                element: <ProceduresRoute />,
                children: [
                  { index: true, element: <RunsPage /> },
                  { path: ':runId', element: <RunPage /> },
                ],
              },
              {
                path: 'tasks',
                element: <TasksRoute />,
                children: [
                  { index: true, element: <TasksPage /> },
                  { path: 'new', element: <TaskCreatePage /> },
                  { path: 'calendar', element: <TasksCalendarPage /> },
                  { path: ':taskId/edit', element: <TaskEditPage /> },
                  { path: '*', element: <NotFoundPage /> },
                ],
              },
              {
                path: 'shift',
                element: <ShiftRoute />,
                children: [
                  { index: true, element: <ShiftPage /> },
                  { path: '*', element: <NotFoundPage /> },
                ],
              },
              {
                path: 'reports',
                element: (
                  <RequireArea area="reports">
                    <Outlet />
                  </RequireArea>
                ),
                children: [
                  { index: true, element: <ReportsPage /> },
                  { path: '*', element: <NotFoundPage /> },
                ],
              },
              {
                path: 'admin',
                element: <AdminLayout />,
                children: [
                  { index: true, element: <Navigate to="users" replace /> },
                  { path: 'users', element: <UsersPage /> },
                  { path: 'holidays', element: <HolidaysPage /> },
                  { path: '*', element: <NotFoundPage /> },
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
