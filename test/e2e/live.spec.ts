import { expect, test } from '@playwright/test';
import { apiAs, createUser, uniqueUsername, updateUser } from './support/api.js';
import { demoUsers, signIn } from './support/sign-in.js';

test('a user created elsewhere appears in the open list through the live channel', async ({
  page,
  baseURL,
}) => {
  const username = uniqueUsername('live');
  await signIn(page, demoUsers.admin.username);
  // Filtered on a user who does not exist yet: the list starts empty.
  await page.goto(`/admin/users?q=${username}`);
  await expect(page.getByText(`Aucun utilisateur ne correspond à « ${username} ».`)).toBeVisible();
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');

  const otherAdmin = await apiAs(baseURL!, 'admin');
  await createUser(otherAdmin, {
    username,
    displayName: 'Arrivée En Direct',
    role: 'technician',
    tenantId: null,
    locale: 'fr',
    password: 'une phrase de passe',
  });
  await otherAdmin.dispose();

  // No reload, no click: the `user.created` event invalidates the list.
  await expect(page.getByTestId(`user-row-${username}`)).toContainText('Arrivée En Direct');
});

test('the connection indicator follows the network: offline, then connected again', async ({
  page,
  context,
}) => {
  await signIn(page, demoUsers.coordinator.username);
  const indicator = page.getByTestId('connection-indicator');
  await expect(indicator).toHaveAttribute('data-state', 'connected');

  await context.setOffline(true);
  await expect(indicator).toHaveAttribute('data-state', 'offline');
  await expect(indicator).toContainText(/Hors ligne depuis \d{2}:\d{2}:\d{2}/);

  await context.setOffline(false);
  await expect(indicator).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
  await expect(indicator).toContainText('Connecté');
});

test('a user deactivated by an admin is sent back to sign-in at once, without doing anything', async ({
  page,
  baseURL,
}) => {
  const admin = await apiAs(baseURL!, 'admin');
  const user = await createUser(admin, {
    username: uniqueUsername('kicked'),
    displayName: 'Kevin Sortant',
    role: 'technician',
    tenantId: null,
    locale: 'fr',
    password: 'une phrase de passe',
  });
  await signIn(page, user.username, 'une phrase de passe');
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');

  // The server ends the sessions and drops the sockets of a deactivated user.
  await updateUser(admin, user.id, { version: user.version, active: false });
  await admin.dispose();

  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
});

test('a session that ends behind the app’s back leads back to sign-in at the next request', async ({
  page,
}) => {
  await signIn(page, demoUsers.admin.username);
  await page.goto('/admin/users');
  await expect(page.getByTestId('user-row-admin')).toBeVisible();
  expect((await page.request.post('/api/auth/logout')).status()).toBe(204);

  // Searching calls the API, which answers 401. (A refetch already in flight may get there first.)
  await page
    .getByLabel('Rechercher')
    .fill('admin', { timeout: 2_000 })
    .catch(() => undefined);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin%2Fusers$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
});
