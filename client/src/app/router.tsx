import { createBrowserRouter, Navigate } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { SignInPage } from '../features/auth/components/sign-in-page';
import { UsersPage } from '../features/users/components/users-page';
import { AdminLayout } from './routes/admin-layout';
import { ComingSoonPage } from './routes/coming-soon-page';
import { HomePage } from './routes/home-page';
import { NotFoundPage } from './routes/not-found-page';
import { ProtectedLayout } from './routes/protected-layout';
import { RouteErrorPage } from './routes/route-error-page';

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
              { path: 'inventory/*', element: <ComingSoonPage area="inventory" /> },
              { path: 'incidents/*', element: <ComingSoonPage area="incidents" /> },
              { path: 'procedures/*', element: <ComingSoonPage area="procedures" /> },
              { path: 'tasks/*', element: <ComingSoonPage area="tasks" /> },
              { path: 'reports/*', element: <ComingSoonPage area="reports" /> },
              {
                path: 'admin',
                element: <AdminLayout />,
                children: [
                  { index: true, element: <Navigate to="users" replace /> },
                  { path: 'users', element: <UsersPage /> },
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
