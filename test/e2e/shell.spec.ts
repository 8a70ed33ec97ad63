import { expect, test, type Page } from '@playwright/test';
import { meSchema, type Role, type User } from '@vigie/shared';
import { apiAs, createUser, uniqueUsername } from './support/api.js';
import { tenantByCode } from './support/inventory.js';
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
  admin: { fr: 'Administrateur', en: 'Administrator' },
  coordinator: { fr: 'Coordinateur', en: 'Coordinator' },
  technician: { fr: 'Technicien', en: 'Technician' },
  manager: { fr: 'Responsable de compte', en: 'Service delivery manager' },
  viewer: { fr: 'Client (lecture seule)', en: 'Client (read-only)' },
} as const;

const englishAreas: Record<(typeof expectedNavigation)[DemoRole][number], string> = {
  'Tableau de bord': 'Board',
  Inventaire: 'Inventory',
  Incidents: 'Incidents',
  Procédures: 'Procedures',
  'Tâches récurrentes': 'Recurring tasks',
  'Main courante': 'Shift log',
  Rapports: 'Reports',
  Administration: 'Administration',
};

type DemoRole = keyof typeof expectedNavigation;

const apiRoles = {
  admin: 'admin',
  coordinator: 'coordinator',
  technician: 'technician',
  manager: 'manager',
  viewer: 'client_viewer',
} as const satisfies Record<DemoRole, Role>;

const ownPassword = 'une phrase de passe';

/** A user of the role for this test only: a language choice is saved in the profile, which other tests must not see change. */
async function ownUserOf(baseURL: string, role: DemoRole): Promise<User> {
  const admin = await apiAs(baseURL, demoUsers.admin.username);
  const tenantId = role === 'viewer' ? (await tenantByCode(admin, 'NOVA')).id : null;
  const user = await createUser(admin, {
    username: uniqueUsername(`shell-${role}`),
    displayName: `Essai ${roleLabels[role].fr}`,
    role: apiRoles[role],
    tenantId,
    locale: 'fr',
    password: ownPassword,
  });
  await admin.dispose();
  return user;
}

/** Opens the account menu and signs out; the server must have ended the session. */
async function signOut(page: Page, accountLabel: string, signOutLabel: string): Promise<void> {
  await page.getByRole('button', { name: accountLabel }).click();
  await page.getByRole('button', { name: signOutLabel }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  expect((await page.request.get('/api/auth/me')).status()).toBe(401);
}

for (const role of Object.keys(expectedNavigation) as DemoRole[]) {
  test(`${role} signs in, sees exactly the areas of the role, switches language and signs out`, async ({
    page,
    baseURL,
  }) => {
    const user = demoUsers[role];
    await signIn(page, user.username);

    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Vigie');
    expect(await navigationLabels(page)).toEqual(expectedNavigation[role]);

    await page.getByRole('button', { name: `Compte de ${user.displayName}` }).click();
    await expect(page.getByTestId('user-role')).toHaveText(`Rôle : ${roleLabels[role].fr}`);
    await page.keyboard.press('Escape');
    expect((await page.request.get('/api/auth/me')).status()).toBe(200);
    await signOut(page, `Compte de ${user.displayName}`, 'Se déconnecter');
    await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();

    // The same shell in English and back, as a user of the role whose profile only this test changes.
    const own = await ownUserOf(baseURL!, role);
    await signIn(page, own.username, ownPassword);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
    expect(await navigationLabels(page, 'Main navigation')).toEqual(
      expectedNavigation[role].map((label) => englishAreas[label]),
    );
    await page.getByRole('button', { name: `Account of ${own.displayName}` }).click();
    await expect(page.getByTestId('user-role')).toHaveText(`Role: ${roleLabels[role].en}`);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Français' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
    expect(await navigationLabels(page)).toEqual(expectedNavigation[role]);
    await expect
      .poll(async () => meSchema.parse(await (await page.request.get('/api/auth/me')).json()).user.locale)
      .toBe('fr');

    await signOut(page, `Compte de ${own.displayName}`, 'Se déconnecter');
    // Back to a protected page: still signed out.
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in$/);
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
