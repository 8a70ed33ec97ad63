import { expect, test, type Page } from '@playwright/test';
import { apiAs } from './support/api.js';
import { createIncident, uniqueTitle } from './support/incidents.js';
import { demoUsers, signIn } from './support/sign-in.js';

// Both would set the flag if the browser ran them as markup instead of showing them as text.
const markup = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';

// A string expression: the test package has no DOM types.
const injected = (page: Page) => page.evaluate<string>('typeof window.__xss');

test('an incident titled with markup shows it as text on the board and its page, and runs nothing', async ({
  page,
  baseURL,
}) => {
  const admin = await apiAs(baseURL!, demoUsers.admin.username);
  const title = `${uniqueTitle('Hostile')} ${markup}`;
  const description = `Description ${markup}`;
  // Impact 1 × urgency 1: a priority the board shows among the open incidents.
  const incident = await createIncident(admin, { title, description, impact: 1, urgency: 1 });
  expect(incident.title).toBe(title);

  await signIn(page, demoUsers.coordinator.username);
  const card = page.getByTestId(`board-incident-${incident.reference}`);
  await expect(card).toContainText(title);
  await expect(card.locator('img, script')).toHaveCount(0);
  expect(await injected(page)).toBe('undefined');

  await page.goto(`/incidents/${incident.id}`);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText(title);
  await expect(page.getByText(description, { exact: true })).toBeVisible();
  await expect(page.locator('main img[src="x"], main script')).toHaveCount(0);
  expect(await injected(page)).toBe('undefined');
});
