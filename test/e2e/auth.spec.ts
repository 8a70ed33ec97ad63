import { expect, test } from '@playwright/test';
import { apiAs, createUser, uniqueUsername } from './support/api.js';
import { demoUsers, signIn } from './support/sign-in.js';

test('a wrong password shows the error and stays on the sign-in page', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByLabel('Identifiant')).toBeFocused();
  await page.getByLabel('Identifiant').fill(demoUsers.manager.username);
  await page.getByLabel('Mot de passe').fill('not-the-password');
  // Enter submits.
  await page.getByLabel('Mot de passe').press('Enter');

  await expect(page.getByRole('alert')).toHaveText('Identifiant ou mot de passe incorrect.');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await expect(page.getByLabel('Mot de passe')).toHaveValue('');
});

test('a signed-out visitor is sent to sign-in and brought back afterwards', async ({ page }) => {
  await page.goto('/incidents');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fincidents$/);
  await page.getByLabel('Identifiant').fill(demoUsers.coordinator.username);
  await page.getByLabel('Mot de passe').fill('vigie-demo');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/incidents$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
});

test('signing out returns to sign-in and ends the session on the server', async ({ page }) => {
  await signIn(page, demoUsers.technician.username);
  expect((await page.request.get('/api/auth/me')).status()).toBe(200);

  await page.getByRole('button', { name: `Compte de ${demoUsers.technician.displayName}` }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).click();

  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  expect((await page.request.get('/api/auth/me')).status()).toBe(401);

  // Back to a protected page: still signed out.
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('after too many failed attempts the server’s throttle is explained, in French', async ({
  page,
  baseURL,
}) => {
  // An account of its own: the throttle counts failures per account.
  const admin = await apiAs(baseURL!, 'admin');
  const user = await createUser(admin, {
    username: uniqueUsername('throttled'),
    displayName: 'Tom Tentatives',
    role: 'technician',
    tenantId: null,
    locale: 'fr',
    password: 'une phrase de passe',
  });
  await admin.dispose();

  await page.goto('/sign-in');
  const submit = page.getByRole('button', { name: 'Se connecter' });
  const alert = page.getByRole('alert');
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel('Identifiant').fill(user.username);
    await page.getByLabel('Mot de passe').fill(`wrong-${attempt}`);
    await submit.click();
    await expect(alert).toHaveText('Identifiant ou mot de passe incorrect.');
    await expect(page.getByLabel('Mot de passe')).toHaveValue('');
  }
  await page.getByLabel('Mot de passe').fill('une phrase de passe');
  await submit.click();
  await expect(alert).toHaveText(/^Trop de tentatives de connexion\. Réessayez dans \d+ min\.$/);
  await expect(page).toHaveURL(/\/sign-in$/);
});
