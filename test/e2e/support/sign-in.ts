import { expect, type Page } from '@playwright/test';

export const demoPassword = 'vigie-demo';

export const demoUsers = {
  admin: { username: 'admin', displayName: 'Alice Admin' },
  coordinator: { username: 'coordinator', displayName: 'Camille Coordinatrice' },
  technician: { username: 'technician', displayName: 'Théo Technicien' },
  manager: { username: 'manager', displayName: 'Marc Manager' },
  viewer: { username: 'viewer', displayName: 'Valérie Viewer' },
} as const;

/** Signs in through the real form (French UI, the default) and waits for the shell. */
export async function signIn(page: Page, username: string, password = demoPassword): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Identifiant').fill(username);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  // The header is there at every width (the navigation hides behind a menu button on phones).
  await expect(page.getByRole('banner').getByTestId('connection-indicator')).toBeVisible();
}

/** The labels of the main navigation links, in order. */
export async function navigationLabels(page: Page, name = 'Navigation principale'): Promise<string[]> {
  const links = page.getByRole('navigation', { name }).getByRole('link');
  return (await links.allTextContents()).map((text) => text.trim());
}

/** Signs the page's browser context in through the API: for tests about a page, not about signing in. */
export async function signInQuickly(page: Page, username: string, password = demoPassword): Promise<void> {
  const response = await page.request.post('/api/auth/login', { data: { username, password } });
  expect(response.status(), await response.text()).toBe(200);
}
