import { expect, test } from '@playwright/test';
import { demoUsers, navigationLabels, signIn } from './support/sign-in.js';

const expectedNavigation = {
  admin: [
    'Tableau de bord',
    'Inventaire',
    'Incidents',
    'Procédures',
    'Tâches récurrentes',
    'Main courante',
    'Rapports',
    'Administration',
  ],
  coordinator: [
    'Tableau de bord',
    'Inventaire',
    'Incidents',
    'Procédures',
    'Tâches récurrentes',
    'Main courante',
    'Rapports',
  ],
  technician: [
    'Tableau de bord',
    'Inventaire',
    'Incidents',
    'Procédures',
    'Tâches récurrentes',
    'Main courante',
  ],
  manager: [
    'Tableau de bord',
    'Inventaire',
    'Incidents',
    'Procédures',
    'Tâches récurrentes',
    'Main courante',
    'Rapports',
  ],
  viewer: ['Tableau de bord', 'Inventaire', 'Incidents', 'Rapports'],
} as const;

const roleLabels = {
  admin: 'Administrateur',
  coordinator: 'Coordinateur',
  technician: 'Technicien',
  manager: 'Responsable de compte',
  viewer: 'Client (lecture seule)',
} as const;

for (const role of Object.keys(expectedNavigation) as (keyof typeof expectedNavigation)[]) {
  test(`${role} signs in and sees exactly the areas of the role`, async ({ page }) => {
    const user = demoUsers[role];
    await signIn(page, user.username);

    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Vigie');
    expect(await navigationLabels(page)).toEqual(expectedNavigation[role]);

    await page.getByRole('button', { name: `Compte de ${user.displayName}` }).click();
    await expect(page.getByTestId('user-role')).toHaveText(`Rôle : ${roleLabels[role]}`);
    await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  });
}

test('the connection indicator says connected once the live channel is up', async ({ page }) => {
  await signIn(page, demoUsers.coordinator.username);
  const indicator = page.getByTestId('connection-indicator');
  await expect(indicator).toHaveAttribute('data-state', 'connected');
  await expect(indicator).toContainText('Connecté');
  await expect(indicator).toHaveAttribute('aria-live', 'polite');
});

test('a navigation link marks its area as current; unknown routes get a not-found page', async ({ page }) => {
  await signIn(page, demoUsers.coordinator.username);
  const navigation = page.getByRole('navigation', { name: 'Navigation principale' });

  await navigation.getByRole('link', { name: 'Rapports' }).click();
  await expect(page).toHaveURL(/\/reports$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Rapport de pilotage' })).toBeVisible();
  await expect(navigation.getByRole('link', { name: 'Rapports' })).toHaveAttribute('aria-current', 'page');

  // Inside an area and outside any, an unknown address is a not-found page with a way home.
  await page.goto('/reports/no-such-report');
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  await page.getByRole('link', { name: 'Retour à l’accueil' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
});

test('a role without the area gets "access denied", not the page', async ({ page }) => {
  await signIn(page, demoUsers.technician.username);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible();
  await page.goto('/reports');
  await expect(page.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible();
});

test('the skip link moves keyboard focus to the main content', async ({ page }) => {
  await signIn(page, demoUsers.coordinator.username);
  await page.keyboard.press('Tab');
  const skipLink = page.getByRole('link', { name: 'Aller au contenu principal' });
  await expect(skipLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

test('at 360 px the navigation collapses behind the menu button', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, demoUsers.admin.username);
  const navigation = page.getByRole('navigation', { name: 'Navigation principale' });
  const menuButton = page.getByRole('button', { name: 'Menu' });

  await expect(navigation).toBeHidden();
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
  await menuButton.click();
  await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
  await expect(navigation).toBeVisible();
  await navigation.getByRole('link', { name: 'Tâches récurrentes' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Tâches récurrentes' })).toBeVisible();
  await expect(navigation).toBeHidden();
  // Nothing overflows the narrow screen horizontally (wide tables scroll inside their own box).
  // A string expression: the e2e project is typed for Node, without the DOM library.
  const overflow = async () =>
    Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.goto('/admin/users');
  await expect(page.getByTestId('user-row-admin')).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
});
