import { expect, test } from '@playwright/test';
import { apiAs, createUser, uniqueUsername } from './support/api.js';
import { navigationLabels, signIn } from './support/sign-in.js';

test('the language switches FR → EN and back, and the choice survives a reload', async ({
  page,
  baseURL,
}) => {
  // A user of its own: the choice is saved in the profile, which other tests must not see change.
  const admin = await apiAs(baseURL!, 'admin');
  const user = await createUser(admin, {
    username: uniqueUsername('lang'),
    displayName: 'Léa Langue',
    role: 'coordinator',
    tenantId: null,
    locale: 'fr',
    password: 'une phrase de passe',
  });
  await admin.dispose();

  await signIn(page, user.username, 'une phrase de passe');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tableau de bord');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Board');
  expect(await navigationLabels(page, 'Main navigation')).toContain('Recurring tasks');
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');

  // Saved in the profile: a reload, and the server itself, say English.
  await expect
    .poll(
      async () =>
        ((await (await page.request.get('/api/auth/me')).json()) as { user: { locale: string } }).user.locale,
    )
    .toBe('en');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Board');

  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tableau de bord');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tableau de bord');
  expect(await navigationLabels(page)).toContain('Tâches récurrentes');
});

test('before sign-in the language is kept on the device', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await expect(page.getByLabel('Username')).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
});
